"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.registerStoreRequests = registerStoreRequests;
const node_1 = require("vscode-languageserver/node");
const protocol_1 = require("../../shared/protocol");
const queryProtocol_1 = require("../../shared/queryProtocol");
const requestGuards_1 = require("../requestGuards");
const replayProtocol_1 = require("../../shared/replayProtocol");
const aggregates_1 = require("./aggregates");
const correlations_1 = require("./correlations");
const contentQuery_1 = require("./contentQuery");
const createSampleStore_1 = require("./createSampleStore");
const eventById_1 = require("./eventById");
const exportEvents_1 = require("./exportEvents");
const eventGroups_1 = require("./eventGroups");
const eventsQuery_1 = require("./eventsQuery");
const eventPlace_1 = require("./eventPlace");
const eventTypes_1 = require("./eventTypes");
const projections_1 = require("./projections");
const replay_1 = require("./replay");
const replayDocument_1 = require("./replayDocument");
const snapshots_1 = require("./snapshots");
const timeline_1 = require("./timeline");
const requestTrace_1 = require("../requestTrace");
/**
 * Wires the custom requests (src/shared/protocol.ts) to their handlers. Each
 * handler gets the store the request names, once its engine is open; an
 * error becomes the request's error response with the handler's message.
 */
function registerStoreRequests(connection, ctx) {
    // Every custom request goes through onRequest here: its params are checked (-32602) and a cancelled one stops (-32800).
    const onRequest = (type, handler) => {
        // By method name: one handler shape for every request type (the typed overloads differ per type).
        connection.onRequest(type.method, async (params, token) => {
            (0, requestGuards_1.checkStoreParams)(type.method, params);
            (0, requestGuards_1.throwIfCancelled)(type.method, token);
            const started = performance.now();
            try {
                return await handler(params, token);
            }
            catch (error) {
                throw (0, requestGuards_1.asInvalidParams)(type.method, error);
            }
            finally {
                (0, requestTrace_1.traceRequest)(type.method, started);
            }
        });
    };
    const withStore = (handler) => {
        return async (params, token) => {
            const session = ctx.sessionFor(params?.store);
            const engine = await session.requireEngine();
            // Waiting for a store to open can take a while: the client may have given up on the answer.
            if (token?.isCancellationRequested)
                throw new node_1.ResponseError(node_1.LSPErrorCodes.RequestCancelled, 'cancelled by the client');
            const store = { root: session.root, engine, registry: session.registry, uriOf: (file) => ctx.uriOfStoreFile(session, file) };
            // A content query in the filter reads event bodies: done here, asynchronously, so the handlers stay synchronous.
            await (0, contentQuery_1.prepareContentFilters)(engine, params);
            return handler(store, params ?? {});
        };
    };
    onRequest(protocol_1.AggregatesRequest.type, withStore(aggregates_1.aggregates));
    onRequest(protocol_1.AggregateEventsRequest.type, withStore(aggregates_1.aggregateEvents));
    onRequest(protocol_1.EventByIdRequest.type, withStore(eventById_1.eventById));
    onRequest(protocol_1.CorrelationsRequest.type, withStore(correlations_1.correlations));
    onRequest(protocol_1.CausationTreeRequest.type, withStore(correlations_1.causationTree));
    onRequest(protocol_1.EventTypesRequest.type, withStore(eventTypes_1.eventTypes));
    onRequest(protocol_1.SnapshotsRequest.type, withStore(snapshots_1.snapshots));
    onRequest(protocol_1.SnapshotCreateRequest.type, withStore(snapshots_1.snapshotCreate));
    onRequest(protocol_1.SnapshotVerifyRequest.type, withStore(snapshots_1.snapshotVerify));
    onRequest(protocol_1.ReplayRequest.type, withStore(replay_1.replay));
    onRequest(replayProtocol_1.ReplayDocumentRequest.type, withStore(replayDocument_1.replayDocument));
    // The folder's projections setting gates running projection code (the client's trust is in the params).
    onRequest(protocol_1.RebuildRequest.type, async (params) => {
        const session = ctx.sessionFor(params?.store);
        return withStore((store, p) => (0, replay_1.rebuild)(store, p, session.settings.projectionsEnabled))(params);
    });
    onRequest(protocol_1.ProjectionsRequest.type, async (params) => {
        const session = ctx.sessionFor(params?.store);
        return (0, projections_1.listProjections)(session.root, session.settings.projectionsEnabled);
    });
    onRequest(protocol_1.TimelineBinsRequest.type, withStore(timeline_1.timelineBinsChoosingLanes));
    onRequest(protocol_1.TimelineNeighbourRequest.type, withStore(timeline_1.timelineNeighbour));
    onRequest(protocol_1.EventGroupsRequest.type, withStore(eventGroups_1.eventGroups));
    onRequest(protocol_1.EventsQueryRequest.type, withStore(eventsQuery_1.eventsQuery));
    onRequest(protocol_1.EventPlaceRequest.type, withStore(eventPlace_1.eventPlace));
    onRequest(queryProtocol_1.QueryMatchesRequest.type, withStore(contentQuery_1.queryMatches));
    onRequest(queryProtocol_1.ExportRequest.type, withStore((store, params) => (0, exportEvents_1.exportEvents)(store, params, (done, total) => void connection.sendNotification(queryProtocol_1.ExportProgressNotification.type, { progressToken: params.progressToken, done, total }))));
    // Before any store exists: it makes one.
    onRequest(protocol_1.CreateSampleStoreRequest.type, (params) => (0, createSampleStore_1.createSampleStore)(ctx, params));
    // Status answers even while stores are opening or failed: that is what it reports.
    onRequest(protocol_1.StatusRequest.type, async (params) => {
        await ctx.discovered;
        const sessions = params?.store !== undefined ? [ctx.sessionFor(params.store)] : [...ctx.sessions.values()];
        return { stores: sessions.map((session) => ctx.statusOf(session)) };
    });
}
//# sourceMappingURL=registerStoreRequests.js.map