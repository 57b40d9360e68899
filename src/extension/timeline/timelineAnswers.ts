/**
 * The host's answers to the timeline page's requests: each one becomes a
 * language-server request (the client never reads the store) and the reply
 * is reshaped into the page's protocol. Free of `vscode`, so it is tested
 * with a fake server.
 */
import type { RequestType } from 'vscode-jsonrpc';
import {
  CausationTreeRequest,
  EventTypesRequest,
  type TimelineBins,
  TimelineBinsRequest,
  type TimelineBinsParams,
  type TimelineFilters,
  type TimelineMark,
  TimelineNeighbourRequest,
  EventGroupsRequest,
} from '../../shared/protocol';
import {
  type BinsParams,
  BinsRequest,
  type BinsResult,
  CausationRequest,
  NeighbourRequest,
  SourcesRequest,
  type TimelineEventMark,
  TypesRequest,
} from '../../shared/timelineProtocol';
import { type ReplyMessage, replyError, replyOk } from '../../shared/webviewProtocol';
import { flattenCausationTree } from './causationChain';

/** What the answers need of the language client (a LanguageClient is one). */
export interface ServerRequests {
  sendRequest<P, R>(type: RequestType<P, R, void>, params: P): Promise<R>;
}

export function serverBinsParams(params: BinsParams, store: string): TimelineBinsParams {
  const filters = serverFilters(params);
  return {
    store,
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

function serverFilters(params: Pick<BinsParams, 'types' | 'filter'>): TimelineFilters | undefined {
  const { sources, aggregatePrefix, from, to, where } = params.filter ?? {};
  const filters: TimelineFilters = {
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
function pageMark(mark: TimelineMark): TimelineEventMark {
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
export function pageBins(bins: TimelineBins): BinsResult {
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
export async function answerTimelineRequest(message: unknown, server: ServerRequests, store: string): Promise<ReplyMessage | undefined> {
  const storeParams = { store };
  try {
    if (BinsRequest.is(message)) {
      const bins = await server.sendRequest(TimelineBinsRequest.type, serverBinsParams(message.params, store));
      return replyOk(message.id, pageBins(bins));
    }
    if (NeighbourRequest.is(message)) {
      const { eventId, timestampMs, direction, lane } = message.params;
      const filters = serverFilters(message.params);
      const mark = await server.sendRequest(TimelineNeighbourRequest.type, { ...storeParams, ...(eventId ? { eventId } : {}), timestampMs, direction, lane, ...(filters ? { filters } : {}) });
      return replyOk(message.id, mark ? pageMark(mark) : null);
    }
    if (TypesRequest.is(message)) {
      const types = await server.sendRequest(EventTypesRequest.type, storeParams);
      return replyOk(message.id, { types: types.map((t) => ({ type: t.eventType, count: t.count })) });
    }
    if (SourcesRequest.is(message)) {
      const page = await server.sendRequest(EventGroupsRequest.type, { ...storeParams, groupBy: 'source', sort: 'count', limit: 10_000 });
      return replyOk(message.id, { sources: page.items.map((group) => ({ source: group.key, count: group.count })) });
    }
    if (CausationRequest.is(message)) {
      const tree = await server.sendRequest(CausationTreeRequest.type, { ...storeParams, correlationId: message.params.correlationId });
      return replyOk(message.id, tree ? flattenCausationTree(tree) : null);
    }
  } catch (error) {
    const id = (message as { id: number }).id;
    return replyError(id, error instanceof Error ? error.message : String(error));
  }
  return undefined;
}
