import type { EventIndexView } from '../../engine/index/indexTypes';
import type { TimelineBins, TimelineBinsParams, TimelineFilters, TimelineLaneBins, TimelineMark } from '../../shared/protocol';
import { finiteOr, type HandlerStore } from './handlerStore';

const MAX_BUCKETS = 2000;
const NO_AGGREGATE = '(none)';
const OTHER_LANES = '(other)';

interface LaneSource {
  readonly key: string;
  readonly ordinals: ArrayLike<number>;
}

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
  const { timestamps } = index.numericColumns();
  const keep = filterMask(index, params.filters ?? {});
  const marksBelow = Math.max(0, Math.floor(finiteOr(params.marksBelow, 500)));
  let marks: { ordinal: number; lane: string }[] | null = [];

  const lanes: TimelineLaneBins[] = [];
  for (const lane of laneSources(index, params.lane)) {
    const counts = new Array<number>(buckets).fill(0);
    let total = 0;
    for (let i = 0; i < lane.ordinals.length; i++) {
      const ordinal = lane.ordinals[i];
      if (keep && keep[ordinal] === 0) continue;
      const t = timestamps[ordinal];
      if (!(t >= from && t <= to)) continue;
      counts[Math.min(buckets - 1, Math.floor((t - from) / bucketMs))]++;
      total++;
      if (marks) {
        marks.push({ ordinal, lane: lane.key });
        if (marks.length > marksBelow) marks = null;
      }
    }
    if (total > 0) lanes.push({ key: lane.key, counts, total });
  }
  lanes.sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : 1));
  const maxLanes = Math.max(1, Math.floor(finiteOr(params.maxLanes, 50)));
  const shown = lanes.length > maxLanes ? foldExtraLanes(lanes, maxLanes, buckets) : lanes;
  const total = shown.reduce((sum, lane) => sum + lane.total, 0);
  return { from, to, bucketMs, lanes: shown, total, ...(marks ? { marks: marks.map((m) => markOf(index, m.ordinal, m.lane)).sort((a, b) => a.timestampMs - b.timestampMs || a.ordinal - b.ordinal) } : {}) };
}

function laneSources(index: EventIndexView, lane: TimelineBinsParams['lane']): LaneSource[] {
  if (lane === 'type') return [...index.eventTypeCounts().keys()].map((key) => ({ key, ordinals: index.ordinalsOfType(key) }));
  if (lane === 'source') return index.sources().map((key) => ({ key, ordinals: index.ordinalsOfSource(key) }));
  if (lane !== 'aggregate') throw new Error(`lane must be aggregate, source or type, got ${JSON.stringify(lane)}`);
  const covered = new Uint8Array(index.eventCount);
  const sources: LaneSource[] = index.aggregateIds().map((key) => {
    const ordinals = index.ordinalsOfAggregate(key);
    for (const ordinal of ordinals) covered[ordinal] = 1;
    return { key, ordinals };
  });
  const loose: number[] = [];
  for (let ordinal = 0; ordinal < covered.length; ordinal++) if (covered[ordinal] === 0) loose.push(ordinal);
  if (loose.length > 0) sources.push({ key: NO_AGGREGATE, ordinals: loose });
  return sources;
}

/** 1 for ordinals every given filter accepts; null when there is no filter. */
function filterMask(index: EventIndexView, filters: TimelineFilters): Uint8Array | null {
  const groups: (readonly number[])[][] = [];
  if (filters.aggregateIds?.length) groups.push(filters.aggregateIds.map((id) => index.ordinalsOfAggregate(id)));
  if (filters.types?.length) groups.push(filters.types.map((type) => index.ordinalsOfType(type)));
  if (filters.sources?.length) groups.push(filters.sources.map((source) => index.ordinalsOfSource(source)));
  if (filters.correlationId) groups.push([index.ordinalsOfCorrelation(filters.correlationId)]);
  if (groups.length === 0) return null;
  const hits = new Uint8Array(index.eventCount);
  for (const group of groups) {
    // Within a group the values are alternatives: an ordinal counts once per group.
    const seen = new Uint8Array(index.eventCount);
    for (const ordinals of group) for (const ordinal of ordinals) seen[ordinal] = 1;
    for (let i = 0; i < seen.length; i++) hits[i] += seen[i];
  }
  for (let i = 0; i < hits.length; i++) hits[i] = hits[i] === groups.length ? 1 : 0;
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
