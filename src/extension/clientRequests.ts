import type { LanguageClient, RequestType } from 'vscode-languageclient/node';
import type { SendRequest } from './views/sources/requester';

/**
 * The one adapter from the LanguageClient to SendRequest (what every feature
 * asks the server through): the generic RequestType overload spelled out,
 * since TypeScript cannot pick it for a generic P.
 */
export function requesterOf(client: LanguageClient): SendRequest {
  return <P, R>(type: RequestType<P, R, void>, params: P) => client.sendRequest<P, R, void>(type, params as never);
}
