"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ExportProgressNotification = exports.ExportRequest = exports.QueryMatchesRequest = void 0;
/**
 * The content query and export messages between the client and the server
 * (the query language itself is src/engine/query). Declared once, imported by
 * both sides, as the other custom messages are.
 */
const vscode_jsonrpc_1 = require("vscode-jsonrpc");
/** Client → server: how many events of the store a content query matches (or why it cannot be read). The query box asks it as the user types. */
var QueryMatchesRequest;
(function (QueryMatchesRequest) {
    QueryMatchesRequest.method = 'eventbus/queryMatches';
    QueryMatchesRequest.type = new vscode_jsonrpc_1.RequestType(QueryMatchesRequest.method);
})(QueryMatchesRequest || (exports.QueryMatchesRequest = QueryMatchesRequest = {}));
/** Client → server: writes the selected events to a file (JSONL byte for byte, JSON array, CSV), through a temp file. */
var ExportRequest;
(function (ExportRequest) {
    ExportRequest.method = 'eventbus/export';
    ExportRequest.type = new vscode_jsonrpc_1.RequestType(ExportRequest.method);
})(ExportRequest || (exports.ExportRequest = ExportRequest = {}));
/** Server → client: events written so far by an export, for its progress notification. */
var ExportProgressNotification;
(function (ExportProgressNotification) {
    ExportProgressNotification.method = 'eventbus/exportProgress';
    ExportProgressNotification.type = new vscode_jsonrpc_1.NotificationType(ExportProgressNotification.method);
})(ExportProgressNotification || (exports.ExportProgressNotification = ExportProgressNotification = {}));
//# sourceMappingURL=queryProtocol.js.map