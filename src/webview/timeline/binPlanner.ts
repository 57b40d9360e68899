/**
 * Which bins the page asks for, and when. Every range or width change asks
 * the host for the visible range at about one bucket per two pixels; the
 * asks are debounced and only the latest one's answer is drawn, so a burst
 * of wheel events costs one server request and a slow answer for an old
 * range never overwrites a newer one.
 */
import { type BinsParams, type LaneMode, type LaneOrder, MAX_BUCKETS, type SharedFilter, type TimeRange } from '../../shared/timelineProtocol';

export const PIXELS_PER_BUCKET = 2;
/** Individual marks are requested when the range holds at most this many events. */
export const MARKS_BELOW = 2000;

export function bucketsForWidth(width: number, pixelsPerBucket = PIXELS_PER_BUCKET): number {
  if (!Number.isFinite(width) || width <= 0) return 1;
  return Math.min(MAX_BUCKETS, Math.max(1, Math.round(width / pixelsPerBucket)));
}

export interface ViewRequest {
  readonly range: TimeRange;
  readonly plotWidth: number;
  /** Lanes the plot has room for (the rest fold into `(other)`). */
  readonly laneRows: number;
  readonly lane: LaneMode;
  readonly allTypes: readonly string[];
  readonly hiddenTypes: readonly string[];
  /** The shared filter's other fields (sources, aggregate prefix, time window). */
  readonly filter?: Omit<SharedFilter, 'types'>;
  /** Lane order by the whole store (absent: by events in the range). */
  readonly laneOrder?: LaneOrder;
  readonly pinnedLanes?: readonly string[];
  /** A content query choosing the lanes ('' or absent: any lane). */
  readonly laneQuery?: string;
}

/** How many of the lanes folded into `(other)` the page lists (its label opens the list). */
export const OTHER_LANES_LISTED = 200;

/** The request for what the view shows; `types` is set only when some type is hidden. */
export function binsParamsFor(view: ViewRequest): BinsParams {
  const hidden = new Set(view.hiddenTypes);
  const types = hidden.size > 0 ? view.allTypes.filter((t) => !hidden.has(t)) : undefined;
  return {
    range: { from: view.range.from, to: view.range.to },
    buckets: bucketsForWidth(view.plotWidth),
    lane: view.lane,
    ...(types ? { types } : {}),
    ...(view.filter && Object.keys(view.filter).length > 0 ? { filter: view.filter } : {}),
    maxLanes: Math.max(1, Math.floor(view.laneRows)),
    marksBelow: MARKS_BELOW,
    ...(view.laneOrder ? { laneOrder: view.laneOrder, listOther: OTHER_LANES_LISTED } : {}),
    ...(view.pinnedLanes?.length ? { pinnedLanes: [...view.pinnedLanes] } : {}),
    ...(view.laneQuery?.trim() ? { laneWhere: view.laneQuery.trim() } : {}),
  };
}

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
  now(): number;
}

export interface LatestOnlyOptions<P, R> {
  readonly debounceMs: number;
  /** A burst longer than this (continuous panning) still asks this often, so detail keeps up. */
  readonly maxWaitMs: number;
  readonly run: (params: P) => Promise<R>;
  readonly deliver: (result: R, params: P) => void;
  readonly onError: (error: unknown, params: P) => void;
  readonly timers: Timers;
}

export interface LatestOnly<P> {
  /** Asks for `params` after the debounce; a newer schedule replaces it. */
  schedule(params: P): void;
  /** Asks now (skips the debounce), e.g. for the first paint. */
  now(params: P): void;
  /** Answers still expected (started, not yet delivered or dropped). */
  readonly inFlight: number;
}

/**
 * A debounced caller whose answers are delivered only if no newer call
 * started since. Scheduled calls keep at most one request in flight: while
 * one runs, the newest waiting parameters replace older ones and start when
 * it ends, so a server slower than the pointer is never handed a queue.
 */
export function createLatestOnly<P, R>(options: LatestOnlyOptions<P, R>): LatestOnly<P> {
  let generation = 0;
  let timer: unknown;
  let waitingSince: number | undefined;
  let inFlight = 0;
  let waiting: { params: P } | undefined;
  const settle = () => {
    inFlight--;
    if (inFlight === 0 && waiting) {
      const next = waiting.params;
      waiting = undefined;
      start(next);
    }
  };
  const start = (params: P) => {
    waitingSince = undefined;
    const mine = ++generation;
    inFlight++;
    options.run(params).then(
      (result) => {
        if (mine === generation) options.deliver(result, params);
        settle();
      },
      (error: unknown) => {
        if (mine === generation) options.onError(error, params);
        settle();
      },
    );
  };
  const startOrWait = (params: P) => {
    if (inFlight > 0) waiting = { params };
    else start(params);
  };
  return {
    schedule(params) {
      if (timer !== undefined) options.timers.clear(timer);
      const now = options.timers.now();
      waitingSince ??= now;
      const delay = Math.max(0, Math.min(options.debounceMs, waitingSince + options.maxWaitMs - now));
      timer = options.timers.set(() => {
        timer = undefined;
        startOrWait(params);
      }, delay);
    },
    now(params) {
      if (timer !== undefined) options.timers.clear(timer);
      timer = undefined;
      waiting = undefined;
      start(params);
    },
    get inFlight() {
      return inFlight;
    },
  };
}
