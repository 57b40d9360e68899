"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.registerWriteRequests = registerWriteRequests;
const writeProtocol_1 = require("../../shared/writeProtocol");
const writeCleanup_1 = require("./writeCleanup");
const writeMigrate_1 = require("./writeMigrate");
const writePlans_1 = require("./writePlans");
const publishForm_1 = require("./publishForm");
const writePublish_1 = require("./writePublish");
const writeQueue_1 = require("./writeQueue");
const writeRefresh_1 = require("./writeRefresh");
const writeReplayCorrelation_1 = require("./writeReplayCorrelation");
const writeRestore_1 = require("./writeRestore");
const writeValidate_1 = require("./writeValidate");
/**
 * Wires the requests of src/shared/writeProtocol.ts (the palette commands
 * that write or scan) to their handlers. Writes to one store run one at a
 * time; a request the client cancelled before its turn does not start.
 */
function registerWriteRequests(connection, ctx) {
    const plans = new writePlans_1.PlanMemory();
    const writes = new writeQueue_1.WriteQueue();
    const withStore = (handler) => {
        return async (params, token) => {
            const session = ctx.sessionFor(params?.store);
            const engine = await session.requireEngine();
            if (token?.isCancellationRequested)
                throw new Error('cancelled by the client before it started');
            const store = { root: session.root, engine, registry: session.registry, session, uriOf: (file) => ctx.uriOfStoreFile(session, file) };
            return handler(store, params ?? {});
        };
    };
    const queued = (handler) => withStore((store, params) => writes.run(store.root, () => handler(store, params)));
    connection.onRequest(writeProtocol_1.PublishRequest.type, queued(writePublish_1.publish));
    connection.onRequest(writeProtocol_1.PublishCheckRequest.type, withStore(publishForm_1.checkPublish));
    connection.onRequest(writeProtocol_1.PublishTemplateRequest.type, withStore(publishForm_1.publishTemplate));
    connection.onRequest(writeProtocol_1.ValidateStoreRequest.type, withStore(writeValidate_1.validateSummary));
    connection.onRequest(writeProtocol_1.CleanupPlanRequest.type, withStore((store) => (0, writeCleanup_1.cleanupPlan)(store, plans)));
    connection.onRequest(writeProtocol_1.CleanupExecuteRequest.type, queued((store, params) => (0, writeCleanup_1.cleanupExecute)(store, plans, params)));
    connection.onRequest(writeProtocol_1.MigratePlanRequest.type, withStore((store) => (0, writeMigrate_1.migratePlan)(store, plans)));
    connection.onRequest(writeProtocol_1.MigrateExecuteRequest.type, queued((store, params) => (0, writeMigrate_1.migrateExecute)(store, plans, params)));
    connection.onRequest(writeProtocol_1.ReplayCorrelationRequest.type, withStore(writeReplayCorrelation_1.replayCorrelation));
    connection.onRequest(writeProtocol_1.RestoreFromSnapshotRequest.type, withStore(writeRestore_1.restoreFromSnapshot));
    connection.onRequest(writeProtocol_1.RefreshRequest.type, withStore((store) => (0, writeRefresh_1.refreshStore)(ctx, store)));
}
//# sourceMappingURL=writeRequests.js.map