"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.serverBinsParams = serverBinsParams;
exports.pageBins = pageBins;
exports.answerTimelineRequest = answerTimelineRequest;
const protocol_1 = require("../../shared/protocol");
const timelineProtocol_1 = require("../../shared/timelineProtocol");
const webviewProtocol_1 = require("../../shared/webviewProtocol");
const causationChain_1 = require("./causationChain");
function serverBinsParams(params, store) {
    const filters = serverFilters(params);
    return {
        ...(store ? { store } : {}),
        ...(params.range ? { from: params.range.from, to: params.range.to } : {}),
        buckets: params.buckets,
        lane: params.lane,
        ...(filters ? { filters } : {}),
        maxLanes: params.maxLanes,
        marksBelow: params.marksBelow,
        ...(params.laneOrder ? { laneOrder: params.laneOrder } : {}),
        ...(params.pinnedLanes?.length ? { pinnedLanes: [...params.pinnedLanes] } : {}),
        ...(params.laneWhere?.trim() ? { laneWhere: params.laneWhere } : {}),
        ...(params.listOther ? { listOther: params.listOther } : {}),
    };
}
function serverFilters(params) {
    const { sources, aggregatePrefix, from, to, where } = params.filter ?? {};
    const filters = {
        ...(params.types ? { types: [...params.types] } : {}),
        ...(sources?.length ? { sources: [...sources] } : {}),
        ...(aggregatePrefix ? { aggregatePrefix } : {}),
        ...(from !== undefined ? { from } : {}),
        ...(to !== undefined ? { to } : {}),
        ...(where ? { where } : {}),
    };
    return Object.keys(filters).length > 0 ? filters : undefined;
}
/** A mark as the page draws it (file and line stay on the host side). */
function pageMark(mark) {
    return {
        ordinal: mark.ordinal,
        timestampMs: mark.timestampMs,
        lane: mark.lane,
        type: mark.type,
        eventId: mark.eventId,
        aggregateId: mark.aggregateId,
        correlationId: mark.correlationId,
        status: mark.status,
        retryCount: mark.retryCount,
    };
}
/** Keeps only what the page draws. */
function pageBins(bins) {
    const marks = bins.marks?.map(pageMark);
    return {
        from: bins.from,
        to: bins.to,
        bucketMs: bins.bucketMs,
        lanes: bins.lanes.map((lane) => ({ key: lane.key, counts: lane.counts, total: lane.total })),
        total: bins.total,
        ...(marks ? { marks } : {}),
        ...(bins.otherLanes ? { otherLanes: bins.otherLanes.map((lane) => ({ key: lane.key, total: lane.total })) } : {}),
        ...(bins.otherLaneCount !== undefined ? { otherLaneCount: bins.otherLaneCount } : {}),
    };
}
/**
 * The reply to one request from the page, or undefined when the message is
 * no request the timeline knows (the caller ignores it). A failing server
 * request becomes an error reply, so the page's promise settles.
 */
async function answerTimelineRequest(message, server, store) {
    const storeParams = store ? { store } : {};
    try {
        if (timelineProtocol_1.BinsRequest.is(message)) {
            const bins = await server.sendRequest(protocol_1.TimelineBinsRequest.type, serverBinsParams(message.params, store));
            return (0, webviewProtocol_1.replyOk)(message.id, pageBins(bins));
        }
        if (timelineProtocol_1.NeighbourRequest.is(message)) {
            const { eventId, timestampMs, direction, lane } = message.params;
            const filters = serverFilters(message.params);
            const mark = await server.sendRequest(protocol_1.TimelineNeighbourRequest.type, { ...storeParams, ...(eventId ? { eventId } : {}), timestampMs, direction, lane, ...(filters ? { filters } : {}) });
            return (0, webviewProtocol_1.replyOk)(message.id, mark ? pageMark(mark) : null);
        }
        if (timelineProtocol_1.TypesRequest.is(message)) {
            const types = await server.sendRequest(protocol_1.EventTypesRequest.type, storeParams);
            return (0, webviewProtocol_1.replyOk)(message.id, { types: types.map((t) => ({ type: t.eventType, count: t.count })) });
        }
        if (timelineProtocol_1.SourcesRequest.is(message)) {
            const page = await server.sendRequest(protocol_1.EventGroupsRequest.type, { ...storeParams, groupBy: 'source', sort: 'count', limit: 10_000 });
            return (0, webviewProtocol_1.replyOk)(message.id, { sources: page.items.map((group) => ({ source: group.key, count: group.count })) });
        }
        if (timelineProtocol_1.CausationRequest.is(message)) {
            const tree = await server.sendRequest(protocol_1.CausationTreeRequest.type, { ...storeParams, correlationId: message.params.correlationId });
            return (0, webviewProtocol_1.replyOk)(message.id, tree ? (0, causationChain_1.flattenCausationTree)(tree) : null);
        }
    }
    catch (error) {
        const id = message.id;
        return (0, webviewProtocol_1.replyError)(id, error instanceof Error ? error.message : String(error));
    }
    return undefined;
}
//# sourceMappingURL=timelineAnswers.js.map