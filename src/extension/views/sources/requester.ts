import type { RequestType } from 'vscode-jsonrpc';

/**
 * How a source asks the server: the LanguageClient's sendRequest in the
 * extension, a fake in unit tests, an LSP connection in the LSP tests.
 */
export type SendRequest = <P, R>(type: RequestType<P, R, void>, params: P) => Promise<R>;
