"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FAILS = exports.LOAD_TYPE = void 0;
exports.runLoadScenario = runLoadScenario;
const node_perf_hooks_1 = require("node:perf_hooks");
const eventBus_1 = require("../../src/engine/bus/eventBus");
const memoryStorage_1 = require("../../src/engine/store/memoryStorage");
/**
 * The load scenario, shared by the test (small) and the bench
 * (1,000,000 events): 4 concurrent publishers in one process (async
 * producers on one event loop: two await every publish, two publish bursts
 * and await them together) and 10 subscribers — 4 plain, 3 slow, 3 failing
 * in different ways. Every delivery is accounted per subscriber and event,
 * and getStatus() is sampled throughout and checked against what the
 * subscribers saw. Checks never throw inside handlers (that would be a
 * failure the bus retries): they collect violations for the caller.
 */
exports.LOAD_TYPE = 'load_tick';
const SYSTEM_ERROR = 'system_error';
/** Which events (by publish index k) each failing subscriber fails on, and how often. */
exports.FAILS = {
    /** Throws synchronously on the first attempt only. */
    flakySync: { every: 97, failedAttempts: 1 },
    /** Rejects on the first two attempts, then succeeds. */
    flakyAsync: { every: 89, failedAttempts: 2 },
    /** Always rejects: dead-lettered after max_retry_count + 1 attempts. */
    broken: { every: 47, failedAttempts: Number.POSITIVE_INFINITY },
};
const SUBSCRIBERS = ['plain-1', 'plain-2', 'plain-3', 'slow-immediate', 'slow-timer', 'slow-cpu', 'flaky-sync', 'flaky-async', 'broken', 'reference'];
/** Keeps what the checks need of each dead letter (not the event and stack), so the scenario's own memory stays flat. */
class CountingDeadLetters {
    entries = [];
    async record(entry) {
        this.entries.push({ k: entry.event.data.k, handler: entry.handler, attempts: entry.attempts, status: entry.event.metadata.status });
    }
}
function liveHeapMb() {
    const gc = globalThis.gc;
    if (!gc)
        return undefined;
    gc();
    return process.memoryUsage().heapUsed / (1024 * 1024);
}
/** How many first attempts of event k the subscriber fails (0 for most). */
function failedAttemptsFor(name, k) {
    const rule = name === 'flaky-sync' ? exports.FAILS.flakySync : name === 'flaky-async' ? exports.FAILS.flakyAsync : name === 'broken' ? exports.FAILS.broken : undefined;
    return rule && k % rule.every === 0 ? rule.failedAttempts : 0;
}
/** Deliveries of event k the subscriber must see: one, or every attempt up to the first success or max_retry_count + 1. */
function attemptsFor(name, k, maxRetries) {
    return Math.min(failedAttemptsFor(name, k) + 1, maxRetries + 1);
}
function percentile(sorted, fraction) {
    if (sorted.length === 0)
        return Number.NaN;
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}
const tick = () => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function runLoadScenario(options) {
    const total = options.events;
    const maxRetries = options.maxRetries ?? 3;
    const violations = [];
    const violate = (text) => {
        if (violations.length < 25)
            violations.push(text);
    };
    const deadLetter = new CountingDeadLetters();
    const bus = new eventBus_1.EventBus({
        config: {
            enable_persistence: options.persistence === 'memory',
            processing_interval: 0,
            batch_size: options.batchSize,
            schema_validation: false,
            max_history: options.maxHistory,
            max_retry_count: maxRetries,
            health_check_interval: 0,
            correlation_tracking: true,
        },
        storage: new memoryStorage_1.MemoryEventStorage(),
        deadLetter,
        maxQueueSize: options.maxQueueSize,
        retryBaseDelayMs: 4,
        retryMaxDelayMs: 50,
    });
    // Per subscriber, per event k: deliveries so far (attempts arrive 1, 2, 3… in order).
    const seen = new Map(SUBSCRIBERS.map((name) => [name, new Uint8Array(total)]));
    const lastFirstSequence = new Map(SUBSCRIBERS.map((name) => [name, 0]));
    const publishedAt = new Float64Array(total);
    const latency = new Float64Array(total);
    let deliveries = 0;
    let systemErrors = 0;
    let referenceSeen = 0;
    const peak = { queue: 0, queuePlusRetries: 0, history: 0, rssMb: 0, correlations: 0 };
    let samples = 0;
    // Publishes the publishers saw resolve, and how many were started (resolved ≤ published ≤ started).
    let resolved = 0;
    let started = 0;
    const checkBounds = (status, where) => {
        samples++;
        peak.queue = Math.max(peak.queue, status.queue_size);
        peak.queuePlusRetries = Math.max(peak.queuePlusRetries, status.queue_size + status.pending_retries);
        peak.history = Math.max(peak.history, status.history_size);
        peak.correlations = Math.max(peak.correlations, status.correlations_tracked);
        // The documented bound: failing handlers may add at most one event's subscriptions over the limit.
        if (status.queue_size + status.pending_retries > options.maxQueueSize + SUBSCRIBERS.length) {
            violate(`${where}: ${status.queue_size} queued + ${status.pending_retries} waiting for a retry exceed the queue limit ${options.maxQueueSize} + ${SUBSCRIBERS.length} subscriptions`);
        }
        if (status.history_size > options.maxHistory)
            violate(`${where}: history ${status.history_size} exceeds max_history ${options.maxHistory}`);
        const published = status.metrics.events_published;
        if (status.history_size !== Math.min(options.maxHistory, published))
            violate(`${where}: history_size ${status.history_size} for ${published} published`);
        // Published = the publishers' events + the system errors queued so far, which are at most one per exhausted delivery.
        if (published < resolved || published - status.metrics.events_failed > started) {
            violate(`${where}: events_published ${published} (${status.metrics.events_failed} failed) outside what the publishers started (${started}) and saw resolve (${resolved})`);
        }
    };
    const record = (name, event, context) => {
        deliveries++;
        const k = event.data.k;
        const counts = seen.get(name);
        if (counts[k] !== context.attempt - 1)
            violate(`${name}: event ${k} attempt ${context.attempt} after ${counts[k]} deliveries`);
        counts[k]++;
        if (context.attempt === 1) {
            const sequence = event.metadata.sequence_number;
            if (sequence <= lastFirstSequence.get(name))
                violate(`${name}: event ${k} (sequence ${sequence}) came after sequence ${lastFirstSequence.get(name)}`);
            lastFirstSequence.set(name, sequence);
        }
        return k;
    };
    const failing = (name, k, attempt) => attempt <= failedAttemptsFor(name, k);
    for (const name of ['plain-1', 'plain-2', 'plain-3'])
        bus.subscribe(exports.LOAD_TYPE, (event, context) => void record(name, event, context), name);
    bus.subscribe(exports.LOAD_TYPE, async (event, context) => {
        const k = record('slow-immediate', event, context);
        if (k % 64 === 0)
            await tick();
    }, 'slow-immediate');
    bus.subscribe(exports.LOAD_TYPE, async (event, context) => {
        const k = record('slow-timer', event, context);
        if (k % 2000 === 0)
            await sleep(1);
    }, 'slow-timer');
    bus.subscribe(exports.LOAD_TYPE, (event, context) => {
        record('slow-cpu', event, context);
        // Work proportional to the event: a serializer or a mapper.
        if (JSON.stringify(event).length === 0)
            violate('slow-cpu: empty event');
    }, 'slow-cpu');
    bus.subscribe(exports.LOAD_TYPE, (event, context) => {
        const k = record('flaky-sync', event, context);
        if (failing('flaky-sync', k, context.attempt))
            throw new Error(`flaky-sync refuses ${k}`);
    }, 'flaky-sync');
    bus.subscribe(exports.LOAD_TYPE, async (event, context) => {
        const k = record('flaky-async', event, context);
        if (failing('flaky-async', k, context.attempt))
            throw new Error(`flaky-async refuses ${k}`);
    }, 'flaky-async');
    bus.subscribe(exports.LOAD_TYPE, async (event, context) => {
        const k = record('broken', event, context);
        if (failing('broken', k, context.attempt))
            throw new Error(`broken refuses ${k}`);
    }, 'broken');
    // The reference: subscribed to everything, so it runs last for each event and sees system errors too.
    bus.subscribe('*', (event, context) => {
        if (event.event_type === SYSTEM_ERROR) {
            systemErrors++;
            referenceSeen++;
            return;
        }
        const k = record('reference', event, context);
        latency[k] = node_perf_hooks_1.performance.now() - publishedAt[k];
        if (referenceSeen % options.sampleEvery === 0) {
            const status = bus.getStatus();
            // Every event before this one is processed; this one is being delivered (taken from the queue, not yet counted).
            if (status.metrics.events_processed !== referenceSeen)
                violate(`handler: events_processed ${status.metrics.events_processed}, the reference subscriber saw ${referenceSeen}`);
            if (status.metrics.events_published - status.metrics.events_processed - 1 !== status.queue_size) {
                violate(`handler: queue_size ${status.queue_size} but ${status.metrics.events_published} published and ${status.metrics.events_processed} processed`);
            }
            checkBounds(status, 'handler');
        }
        referenceSeen++;
    }, 'reference');
    await bus.start();
    const timer = setInterval(() => {
        checkBounds(bus.getStatus(), 'timer');
        peak.rssMb = Math.max(peak.rssMb, process.memoryUsage.rss() / (1024 * 1024));
    }, 5);
    const perPublisher = Math.ceil(total / 4);
    const publishOne = (k) => {
        publishedAt[k] = node_perf_hooks_1.performance.now();
        started++;
        return bus.publish(exports.LOAD_TYPE, { k, publisher: k % 4 }, { source: 'load', aggregate_id: `agg-${k % 100}`, correlation_id: `corr-${k % 5000}` }).then(() => {
            resolved++;
        });
    };
    const indices = (p) => {
        const ks = [];
        for (let i = 0; i < perPublisher; i++) {
            const k = i * 4 + p;
            if (k < total)
                ks.push(k);
        }
        return ks;
    };
    const awaitingEach = async (p) => {
        for (const k of indices(p))
            await publishOne(k);
    };
    const inBursts = async (p, burst) => {
        const ks = indices(p);
        for (let i = 0; i < ks.length; i += burst)
            await Promise.all(ks.slice(i, i + burst).map(publishOne));
    };
    const heapBefore = liveHeapMb();
    const began = node_perf_hooks_1.performance.now();
    await Promise.all([awaitingEach(0), awaitingEach(1), inBursts(2, 100), inBursts(3, 250)]);
    await bus.stop();
    const ms = node_perf_hooks_1.performance.now() - began;
    clearInterval(timer);
    peak.rssMb = Math.max(peak.rssMb, process.resourceUsage().maxRSS / 1024);
    const finalStatus = bus.getStatus();
    const heapAfter = liveHeapMb();
    // Every event reached every subscriber exactly as the retry rules say: no loss, no extra delivery.
    let expectedRetries = 0;
    let expectedDead = 0;
    for (const name of SUBSCRIBERS) {
        const counts = seen.get(name);
        let wrong = 0;
        for (let k = 0; k < total; k++) {
            const expected = attemptsFor(name, k, maxRetries);
            if (counts[k] !== expected) {
                if (wrong++ < 3)
                    violate(`${name}: event ${k} delivered ${counts[k]} times, expected ${expected}`);
            }
            if (name === 'reference')
                continue;
            expectedRetries += expected - 1;
            if (name === 'broken' && k % exports.FAILS.broken.every === 0)
                expectedDead++;
        }
        if (wrong > 3)
            violate(`${name}: ${wrong} events delivered a wrong number of times in all`);
    }
    const metrics = finalStatus.metrics;
    if (metrics.deliveries_retried !== expectedRetries)
        violate(`deliveries_retried ${metrics.deliveries_retried}, the subscribers saw ${expectedRetries} retries`);
    if (metrics.events_failed !== expectedDead || deadLetter.entries.length !== expectedDead || systemErrors !== expectedDead) {
        violate(`events_failed ${metrics.events_failed}, dead letters ${deadLetter.entries.length}, system errors ${systemErrors}; expected ${expectedDead} of each`);
    }
    const deadKs = deadLetter.entries.map((entry) => entry.k);
    if (new Set(deadKs).size !== deadKs.length)
        violate('an event was dead-lettered twice');
    for (const entry of deadLetter.entries) {
        if (entry.handler !== 'broken' || entry.attempts !== maxRetries + 1 || entry.status !== 'failed' || entry.k % exports.FAILS.broken.every !== 0) {
            violate(`dead letter of event ${entry.k} by ${entry.handler} after ${entry.attempts} attempts (${entry.status})`);
        }
    }
    if (metrics.events_published !== total + expectedDead)
        violate(`events_published ${metrics.events_published}, expected ${total} + ${expectedDead} system errors`);
    if (metrics.events_processed !== metrics.events_published)
        violate(`events_processed ${metrics.events_processed} ≠ events_published ${metrics.events_published} after stop`);
    if (finalStatus.queue_size !== 0 || finalStatus.pending_retries !== 0)
        violate(`after stop: queue ${finalStatus.queue_size}, pending retries ${finalStatus.pending_retries}`);
    if (options.persistence === 'memory' && (await bus.storage.lastSequence()) !== metrics.events_published) {
        violate(`the store's last sequence is ${await bus.storage.lastSequence()}, ${metrics.events_published} were published`);
    }
    const sorted = latency.slice().sort();
    return {
        events: total,
        ms,
        eventsPerSecond: (total / ms) * 1000,
        latencyP50: percentile(sorted, 0.5),
        latencyP99: percentile(sorted, 0.99),
        samples,
        peak,
        violations,
        finalStatus,
        deadLetters: deadLetter.entries.length,
        systemErrors,
        deliveries,
        ...(heapBefore !== undefined && heapAfter !== undefined ? { liveHeapMb: { before: heapBefore, after: heapAfter } } : {}),
    };
}
//# sourceMappingURL=busLoadScenario.js.map