"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.INITIAL_TIMELINE_STATE = exports.isTimelineSavedState = exports.RevealEventNotification = exports.StoreGrewNotification = exports.StoreInfoNotification = exports.FilterNotification = exports.FilterChangedCommand = exports.OpenInspectorCommand = exports.OpenEventCommand = exports.NeighbourRequest = exports.CausationRequest = exports.isCausationChain = exports.SourcesRequest = exports.TypesRequest = exports.isSharedFilter = exports.BinsRequest = exports.MAX_BUCKETS = exports.isBinsResult = exports.isTimelineEventMark = exports.isTimeRange = exports.isLaneOrder = exports.isLaneMode = exports.TIMELINE_VIEW_TYPE = void 0;
/**
 * The typed messages between the extension host and the timeline webview,
 * on the envelope of webviewProtocol.ts (commands, requests with replies,
 * notifications, each with an `is()` guard; the host posts nothing before
 * the page's `ready`). The page never receives events in bulk: it asks for
 * counts per lane per bucket for what it shows, and for individual marks
 * only when the range holds few events.
 */
const webviewProtocol_1 = require("./webviewProtocol");
/** The view type of the timeline panel (also the serializer's key). */
exports.TIMELINE_VIEW_TYPE = 'eventbus.timeline';
const isLaneMode = (value) => value === 'aggregate' || value === 'source' || value === 'type';
exports.isLaneMode = isLaneMode;
const isLaneOrder = (value) => value === 'count' || value === 'name' || value === 'first';
exports.isLaneOrder = isLaneOrder;
const isPinnedLanes = (0, webviewProtocol_1.isShape)({ aggregate: (0, webviewProtocol_1.optional)((0, webviewProtocol_1.isArrayOf)(webviewProtocol_1.isString)), source: (0, webviewProtocol_1.optional)((0, webviewProtocol_1.isArrayOf)(webviewProtocol_1.isString)), type: (0, webviewProtocol_1.optional)((0, webviewProtocol_1.isArrayOf)(webviewProtocol_1.isString)) });
const isFiniteNumber = (value) => typeof value === 'number' && Number.isFinite(value);
const isTimeRange = (value) => (0, webviewProtocol_1.isShape)({ from: isFiniteNumber, to: isFiniteNumber })(value) && value.from <= value.to;
exports.isTimeRange = isTimeRange;
exports.isTimelineEventMark = (0, webviewProtocol_1.isShape)({
    ordinal: webviewProtocol_1.isWholeNumber,
    timestampMs: isFiniteNumber,
    lane: webviewProtocol_1.isString,
    type: webviewProtocol_1.isString,
    eventId: webviewProtocol_1.isString,
    aggregateId: (0, webviewProtocol_1.isNullOr)(webviewProtocol_1.isString),
    correlationId: (0, webviewProtocol_1.isNullOr)(webviewProtocol_1.isString),
    status: (0, webviewProtocol_1.optional)(webviewProtocol_1.isString),
    retryCount: (0, webviewProtocol_1.optional)(webviewProtocol_1.isWholeNumber),
});
const isLaneBins = (0, webviewProtocol_1.isShape)({ key: webviewProtocol_1.isString, counts: (0, webviewProtocol_1.isArrayOf)(isFiniteNumber), total: webviewProtocol_1.isWholeNumber });
exports.isBinsResult = (0, webviewProtocol_1.isShape)({
    from: isFiniteNumber,
    to: isFiniteNumber,
    bucketMs: isFiniteNumber,
    lanes: (0, webviewProtocol_1.isArrayOf)(isLaneBins),
    total: webviewProtocol_1.isWholeNumber,
    marks: (0, webviewProtocol_1.optional)((0, webviewProtocol_1.isArrayOf)(exports.isTimelineEventMark)),
    otherLanes: (0, webviewProtocol_1.optional)((0, webviewProtocol_1.isArrayOf)((0, webviewProtocol_1.isShape)({ key: webviewProtocol_1.isString, total: webviewProtocol_1.isWholeNumber }))),
    otherLaneCount: (0, webviewProtocol_1.optional)(webviewProtocol_1.isWholeNumber),
});
exports.MAX_BUCKETS = 2000;
exports.BinsRequest = new webviewProtocol_1.WebviewRequestType('timeline/bins', (value) => (0, webviewProtocol_1.isShape)({
    range: (0, webviewProtocol_1.optional)(exports.isTimeRange),
    buckets: webviewProtocol_1.isWholeNumber,
    lane: exports.isLaneMode,
    types: (0, webviewProtocol_1.optional)((0, webviewProtocol_1.isArrayOf)(webviewProtocol_1.isString)),
    filter: (0, webviewProtocol_1.optional)(exports.isSharedFilter),
    maxLanes: webviewProtocol_1.isWholeNumber,
    marksBelow: webviewProtocol_1.isWholeNumber,
    laneOrder: (0, webviewProtocol_1.optional)(exports.isLaneOrder),
    pinnedLanes: (0, webviewProtocol_1.optional)((0, webviewProtocol_1.isArrayOf)(webviewProtocol_1.isString)),
    laneWhere: (0, webviewProtocol_1.optional)(webviewProtocol_1.isString),
    listOther: (0, webviewProtocol_1.optional)(webviewProtocol_1.isWholeNumber),
})(value) &&
    value.buckets >= 1 &&
    value.buckets <= exports.MAX_BUCKETS &&
    value.maxLanes >= 1 &&
    value.marksBelow >= 0, exports.isBinsResult);
const isSharedFilter = (value) => (0, webviewProtocol_1.isShape)({
    types: (0, webviewProtocol_1.optional)((0, webviewProtocol_1.isArrayOf)(webviewProtocol_1.isString)),
    sources: (0, webviewProtocol_1.optional)((0, webviewProtocol_1.isArrayOf)(webviewProtocol_1.isString)),
    aggregatePrefix: (0, webviewProtocol_1.optional)(webviewProtocol_1.isString),
    where: (0, webviewProtocol_1.optional)(webviewProtocol_1.isString),
    from: (0, webviewProtocol_1.optional)(isFiniteNumber),
    to: (0, webviewProtocol_1.optional)(isFiniteNumber),
})(value) &&
    (value.from === undefined || value.to === undefined || value.from <= value.to);
exports.isSharedFilter = isSharedFilter;
/** Page → host: every event type with its count (the legend). */
exports.TypesRequest = new webviewProtocol_1.WebviewRequestType('timeline/types', webviewProtocol_1.isRecord, (0, webviewProtocol_1.isShape)({ types: (0, webviewProtocol_1.isArrayOf)((0, webviewProtocol_1.isShape)({ type: webviewProtocol_1.isString, count: webviewProtocol_1.isWholeNumber })) }));
/** Page → host: every source with its count (the filter bar's source list). */
exports.SourcesRequest = new webviewProtocol_1.WebviewRequestType('timeline/sources', webviewProtocol_1.isRecord, (0, webviewProtocol_1.isShape)({ sources: (0, webviewProtocol_1.isArrayOf)((0, webviewProtocol_1.isShape)({ source: webviewProtocol_1.isString, count: webviewProtocol_1.isWholeNumber })) }));
const isChainEvent = (0, webviewProtocol_1.isShape)({
    eventId: webviewProtocol_1.isString,
    causeId: (0, webviewProtocol_1.isNullOr)(webviewProtocol_1.isString),
    timestampMs: (0, webviewProtocol_1.isNullOr)(isFiniteNumber),
    sinceCauseMs: (0, webviewProtocol_1.isNullOr)(isFiniteNumber),
    type: webviewProtocol_1.isString,
    aggregateId: (0, webviewProtocol_1.isNullOr)(webviewProtocol_1.isString),
    source: webviewProtocol_1.isString,
});
exports.isCausationChain = (0, webviewProtocol_1.isShape)({
    correlationId: webviewProtocol_1.isString,
    events: (0, webviewProtocol_1.isArrayOf)(isChainEvent),
    range: (0, webviewProtocol_1.isNullOr)(exports.isTimeRange),
});
/** Page → host: the causation chain of a correlation (arrows across lanes); null when the correlation is unknown. */
exports.CausationRequest = new webviewProtocol_1.WebviewRequestType('timeline/causation', (0, webviewProtocol_1.isShape)({ correlationId: webviewProtocol_1.isString }), (0, webviewProtocol_1.isNullOr)(exports.isCausationChain));
/** Page → host: "next/previous event": the nearest event the filter keeps after (before) the selection or the centre; null at the end. */
exports.NeighbourRequest = new webviewProtocol_1.WebviewRequestType('timeline/neighbour', (0, webviewProtocol_1.isShape)({
    eventId: (0, webviewProtocol_1.optional)(webviewProtocol_1.isString),
    timestampMs: isFiniteNumber,
    direction: (value) => value === 'next' || value === 'previous',
    lane: exports.isLaneMode,
    types: (0, webviewProtocol_1.optional)((0, webviewProtocol_1.isArrayOf)(webviewProtocol_1.isString)),
    filter: (0, webviewProtocol_1.optional)(exports.isSharedFilter),
}), (0, webviewProtocol_1.isNullOr)(exports.isTimelineEventMark));
// ---------------------------------------------------------------- page → host commands
/** Page → host: the user clicked an event: open it (the event document or the Aggregates view). */
exports.OpenEventCommand = new webviewProtocol_1.WebviewCommandType('timeline/openEvent', (0, webviewProtocol_1.isShape)({ eventId: webviewProtocol_1.isString }));
/** Page → host: the user double-clicked an event: open the time-travel inspector at that step. */
exports.OpenInspectorCommand = new webviewProtocol_1.WebviewCommandType('timeline/openInspector', (0, webviewProtocol_1.isShape)({ eventId: webviewProtocol_1.isString }));
/** Page → host: the user changed the timeline's filter (legend, filter bar, a brushed time window); the trees take it over. */
exports.FilterChangedCommand = new webviewProtocol_1.WebviewCommandType('timeline/filterChanged', (0, webviewProtocol_1.isShape)({ filter: exports.isSharedFilter }));
// ---------------------------------------------------------------- host → page notifications
/** Host → page: the trees' filter changed (or the page just became ready): the timeline shows the same events. */
exports.FilterNotification = new webviewProtocol_1.WebviewNotificationType('timeline/filter', (0, webviewProtocol_1.isShape)({ filter: exports.isSharedFilter }));
/** Host → page, right after `ready`: which store the panel shows. */
exports.StoreInfoNotification = new webviewProtocol_1.WebviewNotificationType('timeline/store', (0, webviewProtocol_1.isShape)({ label: webviewProtocol_1.isString, eventCount: webviewProtocol_1.isWholeNumber, filter: (0, webviewProtocol_1.optional)(exports.isSharedFilter) }));
/** Host → page: the store changed on disk; the page asks again for what it shows (and follows "now" in follow mode). */
exports.StoreGrewNotification = new webviewProtocol_1.WebviewNotificationType('timeline/storeChanged', (0, webviewProtocol_1.isShape)({ eventCount: webviewProtocol_1.isWholeNumber, appendedEvents: webviewProtocol_1.isWholeNumber, rewritten: webviewProtocol_1.isBoolean, lastTimestampMs: (0, webviewProtocol_1.optional)(isFiniteNumber) }));
/** Host → page: "Show in timeline": centre the event, select it and draw its causation chain. */
exports.RevealEventNotification = new webviewProtocol_1.WebviewNotificationType('timeline/reveal', (0, webviewProtocol_1.isShape)({ eventId: webviewProtocol_1.isString, timestampMs: (0, webviewProtocol_1.isNullOr)(isFiniteNumber), correlationId: (0, webviewProtocol_1.isNullOr)(webviewProtocol_1.isString) }));
exports.isTimelineSavedState = (0, webviewProtocol_1.isShape)({
    version: (value) => value === 1,
    range: (0, webviewProtocol_1.isNullOr)(exports.isTimeRange),
    lane: exports.isLaneMode,
    hiddenTypes: (0, webviewProtocol_1.isArrayOf)(webviewProtocol_1.isString),
    follow: webviewProtocol_1.isBoolean,
    selectedEventId: (0, webviewProtocol_1.isNullOr)(webviewProtocol_1.isString),
    filter: (0, webviewProtocol_1.optional)(exports.isSharedFilter),
    laneOrder: (0, webviewProtocol_1.optional)(exports.isLaneOrder),
    pinnedLanes: (0, webviewProtocol_1.optional)(isPinnedLanes),
    laneQuery: (0, webviewProtocol_1.optional)(webviewProtocol_1.isString),
});
exports.INITIAL_TIMELINE_STATE = {
    version: 1,
    range: null,
    lane: 'aggregate',
    hiddenTypes: [],
    follow: false,
    selectedEventId: null,
};
//# sourceMappingURL=timelineProtocol.js.map