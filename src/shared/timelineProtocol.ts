/**
 * The typed messages between the extension host and the timeline webview,
 * on the envelope of webviewProtocol.ts (commands, requests with replies,
 * notifications, each with an `is()` guard; the host posts nothing before
 * the page's `ready`). The page never receives events in bulk: it asks for
 * counts per lane per bucket for what it shows, and for individual marks
 * only when the range holds few events.
 */
import {
  type Guard,
  isArrayOf,
  isBoolean,
  isNullOr,
  isRecord,
  isShape,
  isString,
  isWholeNumber,
  optional,
  WebviewCommandType,
  WebviewNotificationType,
  WebviewRequestType,
} from './webviewProtocol';
import type { TimelineMark } from './protocol';

/** The view type of the timeline panel (also the serializer's key). */
export const TIMELINE_VIEW_TYPE = 'eventbus.timeline';

export type LaneMode = 'aggregate' | 'source' | 'type';

export const isLaneMode = (value: unknown): value is LaneMode => value === 'aggregate' || value === 'source' || value === 'type';

/** How lanes are ordered (by the whole store, so zooming never reorders them): most events, natural name order, or first event. */
export type LaneOrder = 'count' | 'name' | 'first';

export const isLaneOrder = (value: unknown): value is LaneOrder => value === 'count' || value === 'name' || value === 'first';

/** Lanes the user pinned, per lane mode (an aggregate id means nothing as a type lane). */
export type PinnedLanes = Readonly<Partial<Record<LaneMode, readonly string[]>>>;

const isPinnedLanes: Guard<PinnedLanes> = isShape<PinnedLanes>({ aggregate: optional(isArrayOf(isString)), source: optional(isArrayOf(isString)), type: optional(isArrayOf(isString)) });

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

// ---------------------------------------------------------------- data shapes

export interface TimeRange {
  /** Epoch ms. */
  readonly from: number;
  readonly to: number;
}

export const isTimeRange: Guard<TimeRange> = (value: unknown): value is TimeRange =>
  isShape<TimeRange>({ from: isFiniteNumber, to: isFiniteNumber })(value) && value.from <= value.to;

export interface LaneBins {
  readonly key: string;
  readonly counts: number[];
  readonly total: number;
}

/**
 * One event drawn individually (the range holds few events): the server's
 * mark without its file and line (they stay on the host side); status and
 * retry count may be absent in a page's saved state from an older version.
 */
export type TimelineEventMark = Omit<TimelineMark, 'file' | 'line' | 'status' | 'retryCount'> & Partial<Pick<TimelineMark, 'status' | 'retryCount'>>;

export const isTimelineEventMark: Guard<TimelineEventMark> = isShape<TimelineEventMark>({
  ordinal: isWholeNumber,
  timestampMs: isFiniteNumber,
  lane: isString,
  type: isString,
  eventId: isString,
  aggregateId: isNullOr(isString),
  correlationId: isNullOr(isString),
  status: optional(isString),
  retryCount: optional(isWholeNumber),
});

export interface BinsResult {
  readonly from: number;
  readonly to: number;
  readonly bucketMs: number;
  readonly lanes: LaneBins[];
  readonly total: number;
  /** Present when the range holds at most `marksBelow` events. */
  readonly marks?: TimelineEventMark[];
  /** The lanes folded into `(other)` with their counts in the range (the first `listOther`), and how many there are. */
  readonly otherLanes?: LaneCount[];
  readonly otherLaneCount?: number;
}

export interface LaneCount {
  readonly key: string;
  readonly total: number;
}

const isLaneBins = isShape<LaneBins>({ key: isString, counts: isArrayOf(isFiniteNumber), total: isWholeNumber });

export const isBinsResult: Guard<BinsResult> = isShape<BinsResult>({
  from: isFiniteNumber,
  to: isFiniteNumber,
  bucketMs: isFiniteNumber,
  lanes: isArrayOf(isLaneBins),
  total: isWholeNumber,
  marks: optional(isArrayOf(isTimelineEventMark)),
  otherLanes: optional(isArrayOf(isShape<LaneCount>({ key: isString, total: isWholeNumber }))),
  otherLaneCount: optional(isWholeNumber),
});

// ---------------------------------------------------------------- page → host requests

export interface BinsParams {
  /** Absent: the store's whole range. */
  readonly range?: TimeRange;
  /** 1..2,000 (the server's limit). */
  readonly buckets: number;
  readonly lane: LaneMode;
  /** Only these types (absent: every type). */
  readonly types?: readonly string[];
  /** The rest of the shared filter (sources, aggregate prefix, time window). */
  readonly filter?: Omit<SharedFilter, 'types'>;
  readonly maxLanes: number;
  readonly marksBelow: number;
  readonly laneOrder?: LaneOrder;
  /** Always shown first, in this order. */
  readonly pinnedLanes?: readonly string[];
  /** A content query choosing which lanes get a row. */
  readonly laneWhere?: string;
  /** How many of the lanes folded into `(other)` to list. */
  readonly listOther?: number;
}

export const MAX_BUCKETS = 2000;

export const BinsRequest = new WebviewRequestType<BinsParams, BinsResult>(
  'timeline/bins',
  (value: unknown): value is BinsParams =>
    isShape<BinsParams>({
      range: optional(isTimeRange),
      buckets: isWholeNumber,
      lane: isLaneMode,
      types: optional(isArrayOf(isString)),
      filter: optional(isSharedFilter),
      maxLanes: isWholeNumber,
      marksBelow: isWholeNumber,
      laneOrder: optional(isLaneOrder),
      pinnedLanes: optional(isArrayOf(isString)),
      laneWhere: optional(isString),
      listOther: optional(isWholeNumber),
    })(value) &&
    value.buckets >= 1 &&
    value.buckets <= MAX_BUCKETS &&
    value.maxLanes >= 1 &&
    value.marksBelow >= 0,
  isBinsResult,
);

/**
 * The filter the timeline shares with the Event Bus trees (the Aggregates
 * view holds every field; Correlations and Event Types the ones they have):
 * shown types and sources (absent: all), an aggregate id prefix, and a time
 * window (epoch ms, inclusive, either end open). It narrows which events are
 * counted and drawn; the visible range is separate (where the user looks).
 */
export interface SharedFilter {
  readonly types?: readonly string[];
  readonly sources?: readonly string[];
  readonly aggregatePrefix?: string;
  readonly from?: number;
  readonly to?: number;
  /** A content query (src/engine/query), set from the Event Bus query box. */
  readonly where?: string;
}

export const isSharedFilter: Guard<SharedFilter> = (value: unknown): value is SharedFilter =>
  isShape<SharedFilter>({
    types: optional(isArrayOf(isString)),
    sources: optional(isArrayOf(isString)),
    aggregatePrefix: optional(isString),
    where: optional(isString),
    from: optional(isFiniteNumber),
    to: optional(isFiniteNumber),
  })(value) &&
  (value.from === undefined || value.to === undefined || value.from <= value.to);

export interface TypeCount {
  readonly type: string;
  readonly count: number;
}

export interface TypesResult {
  readonly types: TypeCount[];
}

/** Page → host: every event type with its count (the legend). */
export const TypesRequest = new WebviewRequestType<Record<string, never>, TypesResult>(
  'timeline/types',
  isRecord as Guard<Record<string, never>>,
  isShape<TypesResult>({ types: isArrayOf(isShape<TypeCount>({ type: isString, count: isWholeNumber })) }),
);

export interface SourceCount {
  readonly source: string;
  readonly count: number;
}

/** Page → host: every source with its count (the filter bar's source list). */
export const SourcesRequest = new WebviewRequestType<Record<string, never>, { readonly sources: SourceCount[] }>(
  'timeline/sources',
  isRecord as Guard<Record<string, never>>,
  isShape<{ sources: SourceCount[] }>({ sources: isArrayOf(isShape<SourceCount>({ source: isString, count: isWholeNumber })) }),
);

/** One event of a causation chain, flattened from the server's tree (parents before children). */
export interface ChainEvent {
  readonly eventId: string;
  /** Null for a root (or a cause the store does not hold). */
  readonly causeId: string | null;
  readonly timestampMs: number | null;
  readonly sinceCauseMs: number | null;
  readonly type: string;
  readonly aggregateId: string | null;
  readonly source: string;
}

export interface CausationChain {
  readonly correlationId: string;
  readonly events: ChainEvent[];
  /** The correlation's first and last timestamp; null when no event has one. */
  readonly range: TimeRange | null;
}

const isChainEvent = isShape<ChainEvent>({
  eventId: isString,
  causeId: isNullOr(isString),
  timestampMs: isNullOr(isFiniteNumber),
  sinceCauseMs: isNullOr(isFiniteNumber),
  type: isString,
  aggregateId: isNullOr(isString),
  source: isString,
});

export const isCausationChain: Guard<CausationChain> = isShape<CausationChain>({
  correlationId: isString,
  events: isArrayOf(isChainEvent),
  range: isNullOr(isTimeRange),
});

/** Page → host: the causation chain of a correlation (arrows across lanes); null when the correlation is unknown. */
export const CausationRequest = new WebviewRequestType<{ readonly correlationId: string }, CausationChain | null>(
  'timeline/causation',
  isShape<{ correlationId: string }>({ correlationId: isString }),
  isNullOr(isCausationChain),
);

export interface NeighbourParams {
  /** Step from this event (the selection); absent: from `timestampMs`. */
  readonly eventId?: string;
  /** The view's centre (epoch ms), used when no event is selected. */
  readonly timestampMs: number;
  readonly direction: 'next' | 'previous';
  readonly lane: LaneMode;
  readonly types?: readonly string[];
  readonly filter?: Omit<SharedFilter, 'types'>;
}

/** Page → host: "next/previous event": the nearest event the filter keeps after (before) the selection or the centre; null at the end. */
export const NeighbourRequest = new WebviewRequestType<NeighbourParams, TimelineEventMark | null>(
  'timeline/neighbour',
  isShape<NeighbourParams>({
    eventId: optional(isString),
    timestampMs: isFiniteNumber,
    direction: (value: unknown): value is 'next' | 'previous' => value === 'next' || value === 'previous',
    lane: isLaneMode,
    types: optional(isArrayOf(isString)),
    filter: optional(isSharedFilter),
  }),
  isNullOr(isTimelineEventMark),
);

// ---------------------------------------------------------------- page → host commands

/** Page → host: the user clicked an event: open it (the event document or the Aggregates view). */
export const OpenEventCommand = new WebviewCommandType<{ readonly eventId: string }>(
  'timeline/openEvent',
  isShape<{ eventId: string }>({ eventId: isString }),
);

/** Page → host: the user double-clicked an event: open the time-travel inspector at that step. */
export const OpenInspectorCommand = new WebviewCommandType<{ readonly eventId: string }>(
  'timeline/openInspector',
  isShape<{ eventId: string }>({ eventId: isString }),
);

/** Page → host: the user changed the timeline's filter (legend, filter bar, a brushed time window); the trees take it over. */
export const FilterChangedCommand = new WebviewCommandType<{ readonly filter: SharedFilter }>(
  'timeline/filterChanged',
  isShape<{ filter: SharedFilter }>({ filter: isSharedFilter }),
);

// ---------------------------------------------------------------- host → page notifications

/** Host → page: the trees' filter changed (or the page just became ready): the timeline shows the same events. */
export const FilterNotification = new WebviewNotificationType<{ readonly filter: SharedFilter }>(
  'timeline/filter',
  isShape<{ filter: SharedFilter }>({ filter: isSharedFilter }),
);

export interface StoreInfo {
  /** The store the panel shows (absolute root): the page keeps it in its saved state, so a reload reopens the same store. */
  readonly store: string;
  /** Shown in the toolbar (the store folder's name). */
  readonly label: string;
  readonly eventCount: number;
  /**
   * The filter shared with the trees, when either side has set one since the
   * window opened. Absent (a window just reloaded): the page's saved filter
   * is the newest there is, and the page announces it to the trees.
   */
  readonly filter?: SharedFilter;
}

/** Host → page, right after `ready`: which store the panel shows. */
export const StoreInfoNotification = new WebviewNotificationType<StoreInfo>(
  'timeline/store',
  isShape<StoreInfo>({ store: isString, label: isString, eventCount: isWholeNumber, filter: optional(isSharedFilter) }),
);

export interface StoreGrewParams {
  readonly eventCount: number;
  readonly appendedEvents: number;
  /** Files were rewritten or removed: every cached count may be stale. */
  readonly rewritten: boolean;
  /** The store's newest timestamp now (epoch ms): a following page moves there before anything else. */
  readonly lastTimestampMs?: number;
}

/** Host → page: the store changed on disk; the page asks again for what it shows (and follows "now" in follow mode). */
export const StoreGrewNotification = new WebviewNotificationType<StoreGrewParams>(
  'timeline/storeChanged',
  isShape<StoreGrewParams>({ eventCount: isWholeNumber, appendedEvents: isWholeNumber, rewritten: isBoolean, lastTimestampMs: optional(isFiniteNumber) }),
);

export interface RevealParams {
  readonly eventId: string;
  readonly timestampMs: number | null;
  readonly correlationId: string | null;
}

/** Host → page: "Show in timeline": centre the event, select it and draw its causation chain. */
export const RevealEventNotification = new WebviewNotificationType<RevealParams>(
  'timeline/reveal',
  isShape<RevealParams>({ eventId: isString, timestampMs: isNullOr(isFiniteNumber), correlationId: isNullOr(isString) }),
);

export interface DebugMarkerParams {
  /** The event a debug session stands on; null when no session is stopped any more. */
  readonly marker: { readonly eventId: string; readonly timestampMs: number | null; readonly label: string } | null;
}

/** Host → page: an `eventbus` debug session stopped on this event (a marker; the view moves there when it is out of view), or ended. */
export const DebugMarkerNotification = new WebviewNotificationType<DebugMarkerParams>(
  'timeline/debugMarker',
  isShape<DebugMarkerParams>({
    marker: isNullOr(isShape<NonNullable<DebugMarkerParams['marker']>>({ eventId: isString, timestampMs: isNullOr(isFiniteNumber), label: isString })),
  }),
);

// ---------------------------------------------------------------- saved state (getState/setState, serializer)

/** What survives hide/show and reloads: where the user looked and how, never counts or events. */
export interface TimelineSavedState {
  readonly version: 1;
  readonly range: TimeRange | null;
  readonly lane: LaneMode;
  readonly hiddenTypes: readonly string[];
  readonly follow: boolean;
  readonly selectedEventId: string | null;
  /** The shared filter's other fields (types live in hiddenTypes); absent in states saved before filters were shared. */
  readonly filter?: Omit<SharedFilter, 'types'>;
  /** Lane order, pinned lanes and the lane-choosing query; absent in states saved before lanes could be chosen. */
  readonly laneOrder?: LaneOrder;
  readonly pinnedLanes?: PinnedLanes;
  readonly laneQuery?: string;
  /** The store shown (StoreInfo.store); absent in states saved before the timeline named its store. */
  readonly store?: string;
}

export const isTimelineSavedState: Guard<TimelineSavedState> = isShape<TimelineSavedState>({
  version: (value: unknown): value is 1 => value === 1,
  range: isNullOr(isTimeRange),
  lane: isLaneMode,
  hiddenTypes: isArrayOf(isString),
  follow: isBoolean,
  selectedEventId: isNullOr(isString),
  filter: optional(isSharedFilter),
  laneOrder: optional(isLaneOrder),
  pinnedLanes: optional(isPinnedLanes),
  laneQuery: optional(isString),
  store: optional(isString),
});

export const INITIAL_TIMELINE_STATE: TimelineSavedState = {
  version: 1,
  range: null,
  lane: 'aggregate',
  hiddenTypes: [],
  follow: false,
  selectedEventId: null,
};
