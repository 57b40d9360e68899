"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CreateSampleStoreRequest = exports.EventsQueryRequest = exports.EventPlaceRequest = exports.EventGroupsRequest = exports.StoreProgressNotification = exports.StoreChangedNotification = exports.StatusRequest = exports.TimelineNeighbourRequest = exports.TimelineBinsRequest = exports.RebuildRequest = exports.ProjectionsRequest = exports.PROJECTION_REFUSED_MESSAGE = exports.ReplayRequest = exports.SnapshotVerifyRequest = exports.SnapshotCreateRequest = exports.SnapshotsRequest = exports.EventTypesRequest = exports.CausationTreeRequest = exports.CorrelationsRequest = exports.EventByIdRequest = exports.AggregateEventsRequest = exports.AggregatesRequest = void 0;
/**
 * The custom messages between the extension (client) and the language
 * server, declared once and imported by both sides (as vscode-eslint's
 * customMessages). Every result is plain JSON. Requests that concern one
 * store take `store` (its absolute root); without it the server uses the
 * workspace's first store. Timestamps travel both as the stored ISO text (or
 * null) and as epoch ms (null when unparseable).
 */
const vscode_jsonrpc_1 = require("vscode-jsonrpc");
/** Client → server: the aggregate tree view lists aggregates (sorted by id, paged). */
var AggregatesRequest;
(function (AggregatesRequest) {
    AggregatesRequest.method = 'eventbus/aggregates';
    AggregatesRequest.type = new vscode_jsonrpc_1.RequestType(AggregatesRequest.method);
})(AggregatesRequest || (exports.AggregatesRequest = AggregatesRequest = {}));
/** Client → server: expanding an aggregate shows its events in sequence order, a page at a time. */
var AggregateEventsRequest;
(function (AggregateEventsRequest) {
    AggregateEventsRequest.method = 'eventbus/aggregateEvents';
    AggregateEventsRequest.type = new vscode_jsonrpc_1.RequestType(AggregateEventsRequest.method);
})(AggregateEventsRequest || (exports.AggregateEventsRequest = AggregateEventsRequest = {}));
/** Client → server: the inspector shows one event (full JSON and where it is); null when no event has the id. */
var EventByIdRequest;
(function (EventByIdRequest) {
    EventByIdRequest.method = 'eventbus/eventById';
    EventByIdRequest.type = new vscode_jsonrpc_1.RequestType(EventByIdRequest.method);
})(EventByIdRequest || (exports.EventByIdRequest = EventByIdRequest = {}));
/** Client → server: the correlations view lists correlation ids (sorted, paged). */
var CorrelationsRequest;
(function (CorrelationsRequest) {
    CorrelationsRequest.method = 'eventbus/correlations';
    CorrelationsRequest.type = new vscode_jsonrpc_1.RequestType(CorrelationsRequest.method);
})(CorrelationsRequest || (exports.CorrelationsRequest = CorrelationsRequest = {}));
/** Client → server: the causation tree of one correlation (views and the timeline); null when unknown. */
var CausationTreeRequest;
(function (CausationTreeRequest) {
    CausationTreeRequest.method = 'eventbus/causationTree';
    CausationTreeRequest.type = new vscode_jsonrpc_1.RequestType(CausationTreeRequest.method);
})(CausationTreeRequest || (exports.CausationTreeRequest = CausationTreeRequest = {}));
/** Client → server: the event types view and filters list types with their counts (most frequent first). */
var EventTypesRequest;
(function (EventTypesRequest) {
    EventTypesRequest.method = 'eventbus/eventTypes';
    EventTypesRequest.type = new vscode_jsonrpc_1.RequestType(EventTypesRequest.method);
})(EventTypesRequest || (exports.EventTypesRequest = EventTypesRequest = {}));
/** Client → server: the snapshots view lists snapshot files by aggregate then sequence. */
var SnapshotsRequest;
(function (SnapshotsRequest) {
    SnapshotsRequest.method = 'eventbus/snapshots';
    SnapshotsRequest.type = new vscode_jsonrpc_1.RequestType(SnapshotsRequest.method);
})(SnapshotsRequest || (exports.SnapshotsRequest = SnapshotsRequest = {}));
/** Client → server: the "Create snapshot" command writes a snapshot of the rebuilt state. */
var SnapshotCreateRequest;
(function (SnapshotCreateRequest) {
    SnapshotCreateRequest.method = 'eventbus/snapshotCreate';
    SnapshotCreateRequest.type = new vscode_jsonrpc_1.RequestType(SnapshotCreateRequest.method);
})(SnapshotCreateRequest || (exports.SnapshotCreateRequest = SnapshotCreateRequest = {}));
/** Client → server: the "Verify snapshots" command rebuilds each snapshot from events and compares (drift). */
var SnapshotVerifyRequest;
(function (SnapshotVerifyRequest) {
    SnapshotVerifyRequest.method = 'eventbus/snapshotVerify';
    SnapshotVerifyRequest.type = new vscode_jsonrpc_1.RequestType(SnapshotVerifyRequest.method);
})(SnapshotVerifyRequest || (exports.SnapshotVerifyRequest = SnapshotVerifyRequest = {}));
/** Client → server: "Replay aggregate" steps through an aggregate's events as the bus would hand them out. */
var ReplayRequest;
(function (ReplayRequest) {
    ReplayRequest.method = 'eventbus/replay';
    ReplayRequest.type = new vscode_jsonrpc_1.RequestType(ReplayRequest.method);
})(ReplayRequest || (exports.ReplayRequest = ReplayRequest = {}));
/** Why a projection was not run (shown as the request's error). */
exports.PROJECTION_REFUSED_MESSAGE = 'needs a trusted workspace and eventbus.projections.enabled: projection code comes from the workspace';
/** Client → server: the projection modules a store has, listed without running them. */
var ProjectionsRequest;
(function (ProjectionsRequest) {
    ProjectionsRequest.method = 'eventbus/projections';
    ProjectionsRequest.type = new vscode_jsonrpc_1.RequestType(ProjectionsRequest.method);
})(ProjectionsRequest || (exports.ProjectionsRequest = ProjectionsRequest = {}));
/** Client → server: the state inspector shows an aggregate's state at a sequence. */
var RebuildRequest;
(function (RebuildRequest) {
    RebuildRequest.method = 'eventbus/rebuild';
    RebuildRequest.type = new vscode_jsonrpc_1.RequestType(RebuildRequest.method);
})(RebuildRequest || (exports.RebuildRequest = RebuildRequest = {}));
/** Client → server: the timeline webview asks for event counts per lane per time bucket (index only, no bodies). */
var TimelineBinsRequest;
(function (TimelineBinsRequest) {
    TimelineBinsRequest.method = 'eventbus/timelineBins';
    TimelineBinsRequest.type = new vscode_jsonrpc_1.RequestType(TimelineBinsRequest.method);
})(TimelineBinsRequest || (exports.TimelineBinsRequest = TimelineBinsRequest = {}));
/** Client → server: the timeline's "next/previous event": the nearest event after (before) an event or a time, or null at the end. */
var TimelineNeighbourRequest;
(function (TimelineNeighbourRequest) {
    TimelineNeighbourRequest.method = 'eventbus/timelineNeighbour';
    TimelineNeighbourRequest.type = new vscode_jsonrpc_1.RequestType(TimelineNeighbourRequest.method);
})(TimelineNeighbourRequest || (exports.TimelineNeighbourRequest = TimelineNeighbourRequest = {}));
/** Client → server: the status bar and "Show status" command ask for counts and state of every store. */
var StatusRequest;
(function (StatusRequest) {
    StatusRequest.method = 'eventbus/status';
    StatusRequest.type = new vscode_jsonrpc_1.RequestType(StatusRequest.method);
})(StatusRequest || (exports.StatusRequest = StatusRequest = {}));
/** Server → client: the store changed on disk (or finished opening); views refresh and the status bar updates. */
var StoreChangedNotification;
(function (StoreChangedNotification) {
    StoreChangedNotification.method = 'eventbus/storeChanged';
    StoreChangedNotification.type = new vscode_jsonrpc_1.NotificationType(StoreChangedNotification.method);
})(StoreChangedNotification || (exports.StoreChangedNotification = StoreChangedNotification = {}));
/**
 * Server → client: a store was found and is being opened, and how far that
 * has come (a few times a second at most). The views say "indexing 40%"
 * instead of offering to create a store, and fill once the index is there.
 */
var StoreProgressNotification;
(function (StoreProgressNotification) {
    StoreProgressNotification.method = 'eventbus/storeProgress';
    StoreProgressNotification.type = new vscode_jsonrpc_1.NotificationType(StoreProgressNotification.method);
})(StoreProgressNotification || (exports.StoreProgressNotification = StoreProgressNotification = {}));
/** Client → server: the views' top levels (aggregates, correlations, event types; sources for the filter picker), filtered, sorted and paged. */
var EventGroupsRequest;
(function (EventGroupsRequest) {
    EventGroupsRequest.method = 'eventbus/eventGroups';
    EventGroupsRequest.type = new vscode_jsonrpc_1.RequestType(EventGroupsRequest.method);
})(EventGroupsRequest || (exports.EventGroupsRequest = EventGroupsRequest = {}));
/** Client → server: where an event is in the Aggregates view, so it can be revealed however many pages in; null for an unknown id. */
var EventPlaceRequest;
(function (EventPlaceRequest) {
    EventPlaceRequest.method = 'eventbus/eventPlace';
    EventPlaceRequest.type = new vscode_jsonrpc_1.RequestType(EventPlaceRequest.method);
})(EventPlaceRequest || (exports.EventPlaceRequest = EventPlaceRequest = {}));
/** Client → server: expanding a node of a filtered view (an aggregate, an event type) lists its events that pass the filter, a page at a time. */
var EventsQueryRequest;
(function (EventsQueryRequest) {
    EventsQueryRequest.method = 'eventbus/eventsQuery';
    EventsQueryRequest.type = new vscode_jsonrpc_1.RequestType(EventsQueryRequest.method);
})(EventsQueryRequest || (exports.EventsQueryRequest = EventsQueryRequest = {}));
/** Client → server: the views' welcome button "Create a sample store" generates a store with faults of every kind and opens it. */
var CreateSampleStoreRequest;
(function (CreateSampleStoreRequest) {
    CreateSampleStoreRequest.method = 'eventbus/createSampleStore';
    CreateSampleStoreRequest.type = new vscode_jsonrpc_1.RequestType(CreateSampleStoreRequest.method);
})(CreateSampleStoreRequest || (exports.CreateSampleStoreRequest = CreateSampleStoreRequest = {}));
//# sourceMappingURL=protocol.js.map