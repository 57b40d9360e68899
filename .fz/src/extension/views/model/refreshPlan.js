"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OwedRefreshes = exports.Batcher = exports.REAL_TIMERS = void 0;
exports.planRefresh = planRefresh;
function planRefresh(changes) {
    const stores = new Set();
    let full = false;
    let appended = false;
    for (const change of changes) {
        stores.add(change.storeRoot);
        // Its events were shown when the 'indexed' notification came: only the problem counts are new.
        if (change.announced)
            continue;
        if (change.reason === 'opened' || change.rebuiltFiles.length > 0 || change.removedFiles.length > 0)
            full = true;
        if (change.appendedEvents > 0)
            appended = true;
    }
    const views = new Set(changes.length > 0 ? ['status'] : []);
    // A change with nothing appended or moved (a severity setting) only changes problem counts.
    if (full || appended)
        for (const view of ['aggregates', 'correlations', 'eventTypes', 'snapshots'])
            views.add(view);
    return { stores, full, views };
}
exports.REAL_TIMERS = {
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle),
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
class Batcher {
    flush;
    quietMs;
    maxWaitMs;
    timers;
    items = [];
    timer;
    firstAt = 0;
    lastFlushAt = Number.NEGATIVE_INFINITY;
    constructor(flush, quietMs = 100, maxWaitMs = 300, timers = exports.REAL_TIMERS) {
        this.flush = flush;
        this.quietMs = quietMs;
        this.maxWaitMs = maxWaitMs;
        this.timers = timers;
    }
    push(item) {
        const now = this.timers.now();
        if (this.timer === undefined && now - this.lastFlushAt >= this.quietMs) {
            this.lastFlushAt = now;
            this.flush([item]);
            return;
        }
        if (this.items.length === 0)
            this.firstAt = now;
        this.items.push(item);
        if (this.timer !== undefined)
            this.timers.clearTimeout(this.timer);
        const waited = this.timers.now() - this.firstAt;
        this.timer = this.timers.setTimeout(() => this.fire(), Math.max(0, Math.min(this.quietMs, this.maxWaitMs - waited)));
    }
    dispose() {
        if (this.timer !== undefined)
            this.timers.clearTimeout(this.timer);
        this.timer = undefined;
        this.items = [];
    }
    fire() {
        this.timer = undefined;
        this.lastFlushAt = this.timers.now();
        const items = this.items;
        this.items = [];
        if (items.length > 0)
            this.flush(items);
    }
}
exports.Batcher = Batcher;
/**
 * Refreshes owed to views that were hidden when the store changed: they are
 * refreshed when shown, not fetched in the background.
 */
class OwedRefreshes {
    owed = new Map();
    /** Records the plan's views; returns those that should refresh now (visible). */
    add(plan, isVisible) {
        const now = [];
        for (const view of plan.views) {
            if (isVisible(view))
                now.push(view);
            else
                this.owed.set(view, true);
        }
        return now;
    }
    /** True (and forgotten) when `view` missed a change while hidden. */
    take(view) {
        const owed = this.owed.get(view) ?? false;
        this.owed.delete(view);
        return owed;
    }
}
exports.OwedRefreshes = OwedRefreshes;
//# sourceMappingURL=refreshPlan.js.map