import type { EventIndexView } from '../../engine/model/indexTypes';
import type { TimelineBins, TimelineBinsParams, TimelineFilters, TimelineLaneBins, TimelineMark } from '../../shared/protocol';
import { contentMaskOf } from './contentQuery';
import { finiteOr, type HandlerStore, sortedWithPrefix } from './handlerStore';

const MAX_BUCKETS = 2000;
const NO_AGGREGATE = '(none)';
const OTHER_LANES = '(other)';


/**
 * Events per lane (aggregate, source or type) per equal time bucket over
 * [from, to], from the index's id lists and timestamp column alone: no event
 * body is read, so a million events bin in well under a second. When the
 * range holds few events, each one is listed as a mark too.
 */
export function timelineBins(store: HandlerStore, params: TimelineBinsParams): TimelineBins {
  const index = store.engine.index;
  const buckets = Math.min(MAX_BUCKETS, Math.max(1, Math.floor(finiteOr(params.buckets, 100))));
  const from = finiteOr(params.from, index.firstTimestamp());
  const to = finiteOr(params.to, index.lastTimestamp());
  if (!Number.isFinite(from) || !Number.isFinite(to)) return { from: 0, to: 0, bucketMs: 0, lanes: [], total: 0 };
  if (to < from) throw new Error(`timeline range: from (${from}) is after to (${to})`);
  const bucketMs = Math.max(to - from, 1) / buckets;
  const table = laneTable(index, params.lane);
  const { timestamps, order, laneOf } = table;
  const filters = params.filters ?? {};
  const keep = filterMask(index, filters);
  // The filter's time window narrows the scan; the buckets stay those of [from, to].
  const scanFrom = Math.max(from, finiteOr(filters.from, Number.NEGATIVE_INFINITY));
  const scanTo = Math.min(to, finiteOr(filters.to, Number.POSITIVE_INFINITY));
  const marksBelow = Math.max(0, Math.floor(finiteOr(params.marksBelow, 500)));
  let marks: number[] | null = [];
  // Only the events inside [from, to], found in the time order: a zoomed-in
  // view costs what it shows, not the whole store.
  const counts = new Int32Array(table.keys.length * buckets);
  const totals = new Int32Array(table.keys.length);
  for (let k = firstAtOrAfter(order, timestamps, scanFrom); k < order.length; k++) {
    const ordinal = order[k];
    const t = timestamps[ordinal];
    if (t > scanTo) break;
    if (keep && keep[ordinal] === 0) continue;
    const lane = laneOf[ordinal];
    counts[lane * buckets + Math.min(buckets - 1, Math.floor((t - from) / bucketMs))]++;
    totals[lane]++;
    if (marks) {
      marks.push(ordinal);
      if (marks.length > marksBelow) marks = null;
    }
  }
  const lanes: TimelineLaneBins[] = [];
  table.keys.forEach((key, lane) => {
    if (totals[lane] > 0) lanes.push({ key, counts: Array.from(counts.subarray(lane * buckets, (lane + 1) * buckets)), total: totals[lane] });
  });
  lanes.sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : 1));
  const maxLanes = Math.max(1, Math.floor(finiteOr(params.maxLanes, 50)));
  const shown = lanes.length > maxLanes ? foldExtraLanes(lanes, maxLanes, buckets) : lanes;
  const total = shown.reduce((sum, lane) => sum + lane.total, 0);
  const markList = marks?.map((ordinal) => markOf(index, ordinal, table.keys[laneOf[ordinal]])).sort((a, b) => a.timestampMs - b.timestampMs || a.ordinal - b.ordinal);
  return { from, to, bucketMs, lanes: shown, total, ...(markList ? { marks: markList } : {}) };
}

/**
 * Which lane each event is in, for one lane mode, with the timestamps and
 * the time order: built once per index state and kept, because the timeline
 * asks for bins on every zoom and pan step.
 */
interface LaneTable {
  readonly keys: string[];
  readonly keyIds: ReadonlyMap<string, number>;
  /** Lane index per ordinal. */
  readonly laneOf: Int32Array;
  readonly timestamps: Float64Array;
  readonly order: Int32Array;
  /** The index's ordinalsVersion the table was made for. */
  readonly version: number;
}

/**
 * Per index and lane mode. After appends (same ordinals version) a table is
 * extended by the new events only, so a store being written to costs each
 * bins request what was appended, not a pass over a million events.
 */
const laneTables = new WeakMap<EventIndexView, Map<TimelineBinsParams['lane'], LaneTable>>();

function laneTable(index: EventIndexView, lane: TimelineBinsParams['lane']): LaneTable {
  if (lane !== 'type' && lane !== 'source' && lane !== 'aggregate') throw new Error(`lane must be aggregate, source or type, got ${JSON.stringify(lane)}`);
  const order = index.timeOrdered();
  let byMode = laneTables.get(index);
  if (!byMode) {
    byMode = new Map();
    laneTables.set(index, byMode);
  }
  const known = byMode.get(lane);
  const sameOrdinals = known !== undefined && known.version === index.ordinalsVersion && known.laneOf.length <= index.eventCount;
  if (sameOrdinals && known.order === order && known.laneOf.length === index.eventCount) return known;
  const table = sameOrdinals ? extendLaneTable(known, index, lane, order) : buildLaneTable(index, lane, order);
  byMode.set(lane, table);
  return table;
}

function buildLaneTable(index: EventIndexView, lane: TimelineBinsParams['lane'], order: Int32Array): LaneTable {
  const laneOf = new Int32Array(index.eventCount).fill(-1);
  const keys: string[] = [];
  const assign = (key: string, ordinals: readonly number[]): void => {
    const id = keys.push(key) - 1;
    for (const ordinal of ordinals) laneOf[ordinal] = id;
  };
  if (lane === 'type') {
    for (const key of index.eventTypeCounts().keys()) assign(key, index.ordinalsOfType(key));
  } else if (lane === 'source') {
    // An empty source is no source: it shares the lane of events without one.
    for (const key of index.sources()) if (key !== '') assign(key, index.ordinalsOfSource(key));
  } else {
    for (const key of index.aggregateIds()) assign(key, index.ordinalsOfAggregate(key));
  }
  // Events without an aggregate (or source) share one lane.
  let none = -1;
  for (let ordinal = 0; ordinal < laneOf.length; ordinal++) {
    if (laneOf[ordinal] !== -1) continue;
    if (none === -1) none = keys.push(NO_AGGREGATE) - 1;
    laneOf[ordinal] = none;
  }
  return { keys, keyIds: new Map(keys.map((key, id) => [key, id])), laneOf, timestamps: index.numericColumns().timestamps, order, version: index.ordinalsVersion };
}

function extendLaneTable(known: LaneTable, index: EventIndexView, lane: TimelineBinsParams['lane'], order: Int32Array): LaneTable {
  const count = index.eventCount;
  const laneOf = new Int32Array(count);
  laneOf.set(known.laneOf);
  const timestamps = new Float64Array(count);
  timestamps.set(known.timestamps);
  const keys = [...known.keys];
  const keyIds = new Map(known.keyIds);
  const idOf = (key: string): number => {
    let id = keyIds.get(key);
    if (id === undefined) {
      id = keys.push(key) - 1;
      keyIds.set(key, id);
    }
    return id;
  };
  for (let ordinal = known.laneOf.length; ordinal < count; ordinal++) {
    const event = index.event(ordinal);
    const key = lane === 'type' ? event.eventType : lane === 'source' ? event.source : event.aggregateId;
    laneOf[ordinal] = idOf(key === null || key === '' ? NO_AGGREGATE : key);
    timestamps[ordinal] = event.timestampMs;
  }
  return { keys, keyIds, laneOf, timestamps, order, version: known.version };
}

/** First position in the time order whose timestamp is at least `t`. */
function firstAtOrAfter(order: Int32Array, timestamps: Float64Array, t: number): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (timestamps[order[mid]] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** 1 for ordinals every given filter accepts; null when there is no filter. */
function filterMask(index: EventIndexView, filters: TimelineFilters): Uint8Array | null {
  const groups: (readonly number[])[][] = [];
  if (filters.aggregateIds?.length) groups.push(filters.aggregateIds.map((id) => index.ordinalsOfAggregate(id)));
  if (filters.aggregatePrefix) groups.push(sortedWithPrefix(index.aggregateIds(), filters.aggregatePrefix).map((id) => index.ordinalsOfAggregate(id)));
  if (filters.types?.length) groups.push(filters.types.map((type) => index.ordinalsOfType(type)));
  if (filters.sources?.length) groups.push(filters.sources.map((source) => index.ordinalsOfSource(source)));
  if (filters.correlationId) groups.push([index.ordinalsOfCorrelation(filters.correlationId)]);
  const content = filters.where?.trim() ? contentMaskOf(index, filters.where) : null;
  if (groups.length === 0) return content;
  const hits = new Uint8Array(index.eventCount);
  for (const group of groups) {
    // Within a group the values are alternatives: an ordinal counts once per group.
    const seen = new Uint8Array(index.eventCount);
    for (const ordinals of group) for (const ordinal of ordinals) seen[ordinal] = 1;
    for (let i = 0; i < seen.length; i++) hits[i] += seen[i];
  }
  for (let i = 0; i < hits.length; i++) hits[i] = hits[i] === groups.length && (!content || content[i] === 1) ? 1 : 0;
  return hits;
}

function foldExtraLanes(lanes: readonly TimelineLaneBins[], maxLanes: number, buckets: number): TimelineLaneBins[] {
  const kept = lanes.slice(0, maxLanes - 1);
  const counts = new Array<number>(buckets).fill(0);
  let total = 0;
  for (const lane of lanes.slice(maxLanes - 1)) {
    for (let b = 0; b < buckets; b++) counts[b] += lane.counts[b];
    total += lane.total;
  }
  return [...kept, { key: OTHER_LANES, counts, total }];
}

function markOf(index: EventIndexView, ordinal: number, lane: string): TimelineMark {
  const event = index.event(ordinal);
  return {
    ordinal,
    timestampMs: event.timestampMs,
    lane,
    type: event.eventType,
    eventId: event.eventId,
    aggregateId: event.aggregateId,
    correlationId: event.correlationId,
    file: event.file,
    line: event.line,
    status: event.status,
    retryCount: event.retryCount,
  };
}
