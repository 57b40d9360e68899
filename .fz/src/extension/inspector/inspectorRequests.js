"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.answerRequest = answerRequest;
const webviewProtocol_1 = require("../../shared/webviewProtocol");
/**
 * The host's answer to one message from the page: a reply for a request
 * (an error reply when the method is unknown or the params are not what it
 * takes, so the page never waits forever), undefined for anything else.
 */
async function answerRequest(message, backend) {
    if (!(0, webviewProtocol_1.isRequestMessage)(message))
        return undefined;
    try {
        if (webviewProtocol_1.StepsRequest.is(message))
            return (0, webviewProtocol_1.replyOk)(message.id, await backend.steps(message.params));
        if (webviewProtocol_1.StateRequest.is(message))
            return (0, webviewProtocol_1.replyOk)(message.id, await backend.state(message.params));
        if (webviewProtocol_1.SnapshotsListRequest.is(message))
            return (0, webviewProtocol_1.replyOk)(message.id, await backend.snapshots());
        if (webviewProtocol_1.SnapshotDriftRequest.is(message))
            return (0, webviewProtocol_1.replyOk)(message.id, await backend.snapshotDrift(message.params));
        return (0, webviewProtocol_1.replyError)(message.id, `the inspector does not answer "${message.method}" with these params`);
    }
    catch (error) {
        return (0, webviewProtocol_1.replyError)(message.id, error instanceof Error ? error.message : String(error));
    }
}
//# sourceMappingURL=inspectorRequests.js.map