"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReplayDocumentRequest = void 0;
/**
 * The replay document's request: an aggregate's or a correlation's events
 * as rows a person reads (sequence, time, type, source, the change each
 * made to its aggregate's state) and, for a correlation, the causation tree
 * as `eventbus correlation` prints it. Declared once, imported by both sides.
 */
const vscode_jsonrpc_1 = require("vscode-jsonrpc");
/** Client → server: "Replay Aggregate…" / "Replay Correlation…" as a readable document. */
var ReplayDocumentRequest;
(function (ReplayDocumentRequest) {
    ReplayDocumentRequest.method = 'eventbus/replayDocument';
    ReplayDocumentRequest.type = new vscode_jsonrpc_1.RequestType(ReplayDocumentRequest.method);
})(ReplayDocumentRequest || (exports.ReplayDocumentRequest = ReplayDocumentRequest = {}));
//# sourceMappingURL=replayProtocol.js.map