"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OTHER_LANES_LISTED = exports.MARKS_BELOW = exports.PIXELS_PER_BUCKET = void 0;
exports.bucketsForWidth = bucketsForWidth;
exports.binsParamsFor = binsParamsFor;
exports.createLatestOnly = createLatestOnly;
/**
 * Which bins the page asks for, and when. Every range or width change asks
 * the host for the visible range at about one bucket per two pixels; the
 * asks are debounced and only the latest one's answer is drawn, so a burst
 * of wheel events costs one server request and a slow answer for an old
 * range never overwrites a newer one.
 */
const timelineProtocol_1 = require("../../shared/timelineProtocol");
exports.PIXELS_PER_BUCKET = 2;
/** Individual marks are requested when the range holds at most this many events. */
exports.MARKS_BELOW = 2000;
function bucketsForWidth(width, pixelsPerBucket = exports.PIXELS_PER_BUCKET) {
    if (!Number.isFinite(width) || width <= 0)
        return 1;
    return Math.min(timelineProtocol_1.MAX_BUCKETS, Math.max(1, Math.round(width / pixelsPerBucket)));
}
/** How many of the lanes folded into `(other)` the page lists (its label opens the list). */
exports.OTHER_LANES_LISTED = 200;
/** The request for what the view shows; `types` is set only when some type is hidden. */
function binsParamsFor(view) {
    const hidden = new Set(view.hiddenTypes);
    const types = hidden.size > 0 ? view.allTypes.filter((t) => !hidden.has(t)) : undefined;
    return {
        range: { from: view.range.from, to: view.range.to },
        buckets: bucketsForWidth(view.plotWidth),
        lane: view.lane,
        ...(types ? { types } : {}),
        ...(view.filter && Object.keys(view.filter).length > 0 ? { filter: view.filter } : {}),
        maxLanes: Math.max(1, Math.floor(view.laneRows)),
        marksBelow: exports.MARKS_BELOW,
        ...(view.laneOrder ? { laneOrder: view.laneOrder, listOther: exports.OTHER_LANES_LISTED } : {}),
        ...(view.pinnedLanes?.length ? { pinnedLanes: [...view.pinnedLanes] } : {}),
        ...(view.laneQuery?.trim() ? { laneWhere: view.laneQuery.trim() } : {}),
    };
}
/**
 * A debounced caller whose answers are delivered only if no newer call
 * started since. Scheduled calls keep at most one request in flight: while
 * one runs, the newest waiting parameters replace older ones and start when
 * it ends, so a server slower than the pointer is never handed a queue.
 */
function createLatestOnly(options) {
    let generation = 0;
    let timer;
    let waitingSince;
    let inFlight = 0;
    let waiting;
    const settle = () => {
        inFlight--;
        if (inFlight === 0 && waiting) {
            const next = waiting.params;
            waiting = undefined;
            start(next);
        }
    };
    const start = (params) => {
        waitingSince = undefined;
        const mine = ++generation;
        inFlight++;
        options.run(params).then((result) => {
            if (mine === generation)
                options.deliver(result, params);
            settle();
        }, (error) => {
            if (mine === generation)
                options.onError(error, params);
            settle();
        });
    };
    const startOrWait = (params) => {
        if (inFlight > 0)
            waiting = { params };
        else
            start(params);
    };
    return {
        schedule(params) {
            if (timer !== undefined)
                options.timers.clear(timer);
            const now = options.timers.now();
            waitingSince ??= now;
            const delay = Math.max(0, Math.min(options.debounceMs, waitingSince + options.maxWaitMs - now));
            timer = options.timers.set(() => {
                timer = undefined;
                startOrWait(params);
            }, delay);
        },
        now(params) {
            if (timer !== undefined)
                options.timers.clear(timer);
            timer = undefined;
            waiting = undefined;
            start(params);
        },
        get inFlight() {
            return inFlight;
        },
    };
}
//# sourceMappingURL=binPlanner.js.map