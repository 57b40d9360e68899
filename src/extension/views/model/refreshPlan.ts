import type { StoreChangedParams } from '../../../shared/protocol';
import type { ViewName } from './viewNames';

/**
 * What to refresh after a burst of store changes. `full`: ordinals, lines or
 * files moved (a store opened, a day rewritten, compressed or deleted), so
 * every loaded page is dropped; otherwise events were only appended and a
 * loaded list is re-fetched only where its count changed.
 */
export interface RefreshPlan {
  readonly stores: ReadonlySet<string>;
  readonly full: boolean;
  readonly views: ReadonlySet<ViewName>;
}

export function planRefresh(changes: readonly StoreChangedParams[]): RefreshPlan {
  const stores = new Set<string>();
  let full = false;
  let appended = false;
  for (const change of changes) {
    stores.add(change.storeRoot);
    // Its events were shown when the 'indexed' notification came: only the problem counts are new.
    if (change.announced) continue;
    if (change.reason === 'opened' || change.rebuiltFiles.length > 0 || change.removedFiles.length > 0) full = true;
    if (change.appendedEvents > 0) appended = true;
  }
  const views = new Set<ViewName>(changes.length > 0 ? ['status'] : []);
  // A change with nothing appended or moved (a severity setting) only changes problem counts.
  if (full || appended) for (const view of ['aggregates', 'correlations', 'eventTypes', 'snapshots'] as const) views.add(view);
  return { stores, full, views };
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export const REAL_TIMERS: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

/**
 * Collects items and flushes them together once `quietMs` passed without a
 * new one, but never later than `maxWaitMs` after the first: a store being
 * appended to continuously still refreshes the views every `maxWaitMs`
 * (well inside the 500 ms the views promise), and a burst refreshes once.
 * An item after a quiet spell flushes at once: a single write should not
 * wait for a burst that is not coming.
 */
export class Batcher<T> {
  private items: T[] = [];
  private timer: unknown;
  private firstAt = 0;
  private lastFlushAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly flush: (items: T[]) => void,
    private readonly quietMs = 100,
    private readonly maxWaitMs = 300,
    private readonly timers: Timers = REAL_TIMERS,
  ) {}

  push(item: T): void {
    const now = this.timers.now();
    if (this.timer === undefined && now - this.lastFlushAt >= this.quietMs) {
      this.lastFlushAt = now;
      this.flush([item]);
      return;
    }
    if (this.items.length === 0) this.firstAt = now;
    this.items.push(item);
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    const waited = this.timers.now() - this.firstAt;
    this.timer = this.timers.setTimeout(() => this.fire(), Math.max(0, Math.min(this.quietMs, this.maxWaitMs - waited)));
  }

  dispose(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.items = [];
  }

  private fire(): void {
    this.timer = undefined;
    this.lastFlushAt = this.timers.now();
    const items = this.items;
    this.items = [];
    if (items.length > 0) this.flush(items);
  }
}

/**
 * Refreshes owed to views that were hidden when the store changed: they are
 * refreshed when shown, not fetched in the background.
 */
export class OwedRefreshes {
  private readonly owed = new Map<ViewName, boolean>();

  /** Records the plan's views; returns those that should refresh now (visible). */
  add(plan: RefreshPlan, isVisible: (view: ViewName) => boolean): ViewName[] {
    const now: ViewName[] = [];
    for (const view of plan.views) {
      if (isVisible(view)) now.push(view);
      else this.owed.set(view, true);
    }
    return now;
  }

  /** True (and forgotten) when `view` missed a change while hidden. */
  take(view: ViewName): boolean {
    const owed = this.owed.get(view) ?? false;
    this.owed.delete(view);
    return owed;
  }
}
