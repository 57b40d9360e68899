"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RefreshRequest = exports.RestoreFromSnapshotRequest = exports.ReplayCorrelationRequest = exports.MigrateExecuteRequest = exports.MigratePlanRequest = exports.CleanupExecuteRequest = exports.CleanupPlanRequest = exports.ValidateStoreRequest = exports.PublishTemplateRequest = exports.PublishCheckRequest = exports.PublishRequest = exports.UNTRUSTED_WRITE_MESSAGE = void 0;
/**
 * The custom requests that change the store or scan it on demand (the
 * palette commands), declared once and imported by client and server, in
 * the style of protocol.ts. Every result is plain JSON.
 *
 * Trust: requests that write (publish, cleanup and migrate execution) carry
 * `trusted`, the client's `vscode.workspace.isTrusted`; the server refuses
 * them unless it is `true`. This is a second line only: the real gate is the
 * client's (the commands are hidden and refuse to run in an untrusted
 * workspace), since the server cannot know the editor's trust by itself.
 */
const vscode_jsonrpc_1 = require("vscode-jsonrpc");
/** The message of a write refused for an untrusted workspace (the client shows the same reason). */
exports.UNTRUSTED_WRITE_MESSAGE = 'needs a trusted workspace: it writes to the event store';
/**
 * Client → server: "Publish Event…" publishes one event through the bus
 * (metadata, schema validation, durable append). A rejected event is an
 * error response listing the validation problems.
 */
var PublishRequest;
(function (PublishRequest) {
    PublishRequest.method = 'eventbus/publish';
    PublishRequest.type = new vscode_jsonrpc_1.RequestType(PublishRequest.method);
})(PublishRequest || (exports.PublishRequest = PublishRequest = {}));
/** Client → server: the publish form checks the draft as the user types; nothing is written and no system_error is recorded. */
var PublishCheckRequest;
(function (PublishCheckRequest) {
    PublishCheckRequest.method = 'eventbus/publishCheck';
    PublishCheckRequest.type = new vscode_jsonrpc_1.RequestType(PublishCheckRequest.method);
})(PublishCheckRequest || (exports.PublishCheckRequest = PublishCheckRequest = {}));
/** Client → server: the publish form's type list and the data template of a type (from its schema). */
var PublishTemplateRequest;
(function (PublishTemplateRequest) {
    PublishTemplateRequest.method = 'eventbus/publishTemplate';
    PublishTemplateRequest.type = new vscode_jsonrpc_1.RequestType(PublishTemplateRequest.method);
})(PublishTemplateRequest || (exports.PublishTemplateRequest = PublishTemplateRequest = {}));
/** Client → server: "Validate Store" asks for the counts the diagnostics hold (the last store pass, as `eventbus validate`). */
var ValidateStoreRequest;
(function (ValidateStoreRequest) {
    ValidateStoreRequest.method = 'eventbus/validate';
    ValidateStoreRequest.type = new vscode_jsonrpc_1.RequestType(ValidateStoreRequest.method);
})(ValidateStoreRequest || (exports.ValidateStoreRequest = ValidateStoreRequest = {}));
/** Client → server: "Clean Up Expired Events…" asks what TTL cleanup would remove (event_ttl_days of eventbus.config.json). Removes nothing. */
var CleanupPlanRequest;
(function (CleanupPlanRequest) {
    CleanupPlanRequest.method = 'eventbus/cleanupPlan';
    CleanupPlanRequest.type = new vscode_jsonrpc_1.RequestType(CleanupPlanRequest.method);
})(CleanupPlanRequest || (exports.CleanupPlanRequest = CleanupPlanRequest = {}));
/** Client → server: removes what the confirmed plan lists; refused when the store no longer matches the plan. */
var CleanupExecuteRequest;
(function (CleanupExecuteRequest) {
    CleanupExecuteRequest.method = 'eventbus/cleanupExecute';
    CleanupExecuteRequest.type = new vscode_jsonrpc_1.RequestType(CleanupExecuteRequest.method);
})(CleanupExecuteRequest || (exports.CleanupExecuteRequest = CleanupExecuteRequest = {}));
/** Client → server: "Migrate Events to Newest Schema…" asks which files and events a migration would rewrite. Writes nothing. */
var MigratePlanRequest;
(function (MigratePlanRequest) {
    MigratePlanRequest.method = 'eventbus/migratePlan';
    MigratePlanRequest.type = new vscode_jsonrpc_1.RequestType(MigratePlanRequest.method);
})(MigratePlanRequest || (exports.MigratePlanRequest = MigratePlanRequest = {}));
/** Client → server: rewrites what the confirmed plan lists (originals kept in backups/); refused when the store no longer matches the plan. */
var MigrateExecuteRequest;
(function (MigrateExecuteRequest) {
    MigrateExecuteRequest.method = 'eventbus/migrateExecute';
    MigrateExecuteRequest.type = new vscode_jsonrpc_1.RequestType(MigrateExecuteRequest.method);
})(MigrateExecuteRequest || (exports.MigrateExecuteRequest = MigrateExecuteRequest = {}));
/** Client → server: "Replay Correlation…" lists a correlation's events across aggregates, as replay hands them out. */
var ReplayCorrelationRequest;
(function (ReplayCorrelationRequest) {
    ReplayCorrelationRequest.method = 'eventbus/replayCorrelation';
    ReplayCorrelationRequest.type = new vscode_jsonrpc_1.RequestType(ReplayCorrelationRequest.method);
})(ReplayCorrelationRequest || (exports.ReplayCorrelationRequest = ReplayCorrelationRequest = {}));
/** Client → server: "Show State from Snapshot…" rebuilds the state from that snapshot plus the events after it (never from another snapshot). */
var RestoreFromSnapshotRequest;
(function (RestoreFromSnapshotRequest) {
    RestoreFromSnapshotRequest.method = 'eventbus/restoreFromSnapshot';
    RestoreFromSnapshotRequest.type = new vscode_jsonrpc_1.RequestType(RestoreFromSnapshotRequest.method);
})(RestoreFromSnapshotRequest || (exports.RestoreFromSnapshotRequest = RestoreFromSnapshotRequest = {}));
/** Client → server: "Refresh" re-reads the store now (index and diagnostics) instead of waiting for the watcher; views follow the storeChanged notification. */
var RefreshRequest;
(function (RefreshRequest) {
    RefreshRequest.method = 'eventbus/refresh';
    RefreshRequest.type = new vscode_jsonrpc_1.RequestType(RefreshRequest.method);
})(RefreshRequest || (exports.RefreshRequest = RefreshRequest = {}));
//# sourceMappingURL=writeProtocol.js.map