import {
  isRequestMessage,
  replyError,
  replyOk,
  SnapshotDriftRequest,
  SnapshotsListRequest,
  StateRequest,
  StepsRequest,
  type ReplyMessage,
} from '../../shared/webviewProtocol';
import type { InspectorBackend } from './inspectorBackend';

/**
 * The host's answer to one message from the page: a reply for a request
 * (an error reply when the method is unknown or the params are not what it
 * takes, so the page never waits forever), undefined for anything else.
 */
export async function answerRequest(message: unknown, backend: InspectorBackend): Promise<ReplyMessage | undefined> {
  if (!isRequestMessage(message)) return undefined;
  try {
    if (StepsRequest.is(message)) return replyOk(message.id, await backend.steps(message.params));
    if (StateRequest.is(message)) return replyOk(message.id, await backend.state(message.params));
    if (SnapshotsListRequest.is(message)) return replyOk(message.id, await backend.snapshots());
    if (SnapshotDriftRequest.is(message)) return replyOk(message.id, await backend.snapshotDrift(message.params));
    return replyError(message.id, `the inspector does not answer "${message.method}" with these params`);
  } catch (error) {
    return replyError(message.id, error instanceof Error ? error.message : String(error));
  }
}
