"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.loadMeasures = void 0;
/**
 * The bus under sustained load (issue 7, "Load"): 1,000,000 events from 4
 * concurrent publishers (async producers on one event loop, as in a
 * service: two await each publish, two publish in bursts) to 10 subscribers
 * (3 plain, 3 slow, 3 failing, 1 reference that samples getStatus()), with
 * a queue limit of 5,000 and max_history 1,000. The scenario itself checks
 * every delivery against the retry rules and every status sample against
 * what the subscribers saw (test/unit/busLoadScenario.ts; the unit test runs
 * it at 50,000 events).
 *
 * Targets: no violation at all; the bus holds at most the queue limit plus
 * one event's subscriptions; the live heap after a full GC grows by less
 * than 16 MB from before the first publish to after stop (what stays is
 * max_history events and the correlations of those); peak RSS under 300
 * MB: Node itself, this measure's per-event bookkeeping outside the heap
 * (10 delivery counters and 2 timing arrays, 26 MB at 1,000,000 events)
 * and the garbage of a million events between collections. Before the
 * fixes of issue 7 the same run peaked at 490 MB: the correlation tracker
 * kept up to 10 million ids, and failed deliveries waiting for a retry
 * were not counted toward the queue limit.
 */
const busLoadScenario_1 = require("../unit/busLoadScenario");
const EVENTS = Number(process.env.EVENTBUS_LOAD_EVENTS ?? 1_000_000);
const MAX_QUEUE = 5000;
const SUBSCRIBERS = 10;
exports.loadMeasures = [
    {
        name: 'bus-load',
        runs: 1,
        async run() {
            const result = await (0, busLoadScenario_1.runLoadScenario)({ events: EVENTS, maxQueueSize: MAX_QUEUE, maxHistory: 1000, batchSize: 100, persistence: 'off', sampleEvery: 1000 });
            for (const violation of result.violations)
                process.stderr.write(`bus-load: ${violation}\n`);
            return [
                { name: `bus under load: ${EVENTS.toLocaleString('en-US')} events, 4 publishers → 10 subscribers`, value: result.eventsPerSecond, unit: 'events/s' },
                { name: 'bus under load: publish→handle p50', value: result.latencyP50, unit: 'ms' },
                { name: 'bus under load: publish→handle p99', value: result.latencyP99, unit: 'ms' },
                { name: 'bus under load: peak RSS', value: result.peak.rssMb, unit: 'MB', target: { max: 300 } },
                ...(result.liveHeapMb
                    ? [{ name: 'bus under load: live heap growth (after GC, start → stop)', value: result.liveHeapMb.after - result.liveHeapMb.before, unit: 'MB', target: { max: 16 } }]
                    : []),
                { name: 'bus under load: peak queued + waiting for retry', value: result.peak.queuePlusRetries, unit: 'events', target: { max: MAX_QUEUE + SUBSCRIBERS } },
                { name: 'bus under load: lost, duplicated or miscounted (of every delivery and status sample)', value: result.violations.length, unit: 'violations', target: { max: 0 } },
                { name: 'bus under load: getStatus() samples checked', value: result.samples, unit: 'samples' },
            ];
        },
    },
];
//# sourceMappingURL=loadMeasures.js.map