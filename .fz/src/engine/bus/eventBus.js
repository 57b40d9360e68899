"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EventBus = void 0;
const node_perf_hooks_1 = require("node:perf_hooks");
const event_1 = require("../model/event");
const ids_1 = require("../model/ids");
const eventStatus_1 = require("../model/eventStatus");
const eventTypes_1 = require("../model/eventTypes");
const rawData_1 = require("../model/rawData");
const timestamp_1 = require("../model/timestamp");
const snapshotTypes_1 = require("../model/snapshotTypes");
const memoryStorage_1 = require("../store/memoryStorage");
const busConfig_1 = require("./busConfig");
const busClock_1 = require("./busClock");
const busMetrics_1 = require("./busMetrics");
const correlationTracker_1 = require("./correlationTracker");
const deadLetter_1 = require("./deadLetter");
const dispatcher_1 = require("./dispatcher");
const eventQueue_1 = require("./eventQueue");
const historyRing_1 = require("./historyRing");
const latency_1 = require("./latency");
const subscriptions_1 = require("./subscriptions");
const publishValidation_1 = require("./publishValidation");
const busStatus_1 = require("./busStatus");
const NO_OPTIONS = Object.freeze({});
const NO_TAGS = Object.freeze({});
/**
 * The Enhanced Event Bus: publish assigns metadata, validates, persists
 * (resolving once durable) and queues; a dispatcher delivers queued events to
 * subscribers in batches, retrying failing handlers and dead-lettering what
 * still fails.
 */
class EventBus {
    config;
    storage;
    sequenceMode;
    validator;
    deadLetter;
    hooks;
    clock;
    maxQueueSize;
    typeGate;
    registry = new subscriptions_1.SubscriptionRegistry();
    dispatcher;
    queue = new eventQueue_1.EventQueue();
    history;
    correlations;
    metrics = new busMetrics_1.BusMetrics();
    latency = new latency_1.LatencyReservoir();
    state = 'stopped';
    nextSequence = -1;
    sequenceInit;
    aggregateNext = new Map();
    aggregateInit = new Map();
    /** The storage's writer-lock generation the counters above were read in (see `EventStorage.writerGeneration`). */
    counterGeneration = 0;
    counterResync;
    cycleTimer;
    cycleImmediate;
    cycleRunning;
    lastCycleEnd = Number.NEGATIVE_INFINITY;
    healthTimer;
    lastStorageHealth;
    inFlight = new Set();
    /** Events held for delivery: being persisted, queued, or a failed delivery waiting for a retry (what maxQueueSize bounds). */
    held = 0;
    spaceWaiters = [];
    /** The dispatch cycle, paused while failed deliveries alone hold the bus over its limit. */
    overLimitWaiter;
    stopping;
    runWaiters = [];
    lastTimestampMs = Number.NaN;
    lastTimestamp = '';
    constructor(options = {}) {
        this.config = (0, busConfig_1.resolveBusConfig)(options.config);
        this.storage = options.storage ?? new memoryStorage_1.MemoryEventStorage();
        this.sequenceMode = options.sequenceMode ?? 'global';
        this.validator = options.validate;
        this.deadLetter = options.deadLetter ?? new deadLetter_1.MemoryDeadLetterSink();
        const hooks = options.afterPersist;
        this.hooks = hooks === undefined ? [] : typeof hooks === 'function' ? [hooks] : [...hooks];
        this.clock = options.clock ?? busClock_1.systemClock;
        this.maxQueueSize = options.maxQueueSize ?? 0;
        this.typeGate = options.typeGate;
        this.history = new historyRing_1.HistoryRing(this.config.max_history);
        // The same recent window as the history: ids of at most max_history events.
        this.correlations = new correlationTracker_1.CorrelationTracker(10_000, 1_000, this.config.max_history);
        this.dispatcher = new dispatcher_1.Dispatcher(this.registry, {
            maxRetries: Math.max(0, this.config.max_retry_count),
            baseDelayMs: options.retryBaseDelayMs ?? 100,
            maxDelayMs: options.retryMaxDelayMs ?? 30_000,
            random: options.random ?? Math.random,
        }, this.clock, {
            onRetry: () => this.metrics.increment('deliveries_retried'),
            onWaiting: (delta) => {
                this.held += delta;
                if (delta < 0)
                    this.releaseSpace();
            },
            onExhausted: (failure) => this.recordFailure(failure),
        });
    }
    // ---- publishing ---------------------------------------------------------
    /**
     * Assigns the metadata, validates (when `schema_validation`), persists
     * (when `enable_persistence`, resolving only once durable) and queues the
     * event for dispatch. Rejects with `EventValidationError` for an invalid
     * event (and records a `system_error` event about it).
     */
    publish(type, data, options = NO_OPTIONS) {
        const refusal = this.typeGate?.(type);
        if (refusal)
            return Promise.reject(refusal);
        if (this.maxQueueSize > 0 && this.held >= this.maxQueueSize) {
            return this.waitForSpace().then(() => this.publish(type, data, options));
        }
        return this.publishNow(type, data, options);
    }
    subscribe(type, handler, name) {
        return this.registry.add(type, handler, name);
    }
    /** Adds a hook that runs after each persisted publish (the snapshot engine's entry point). */
    addAfterPersistHook(hook) {
        this.hooks.push(hook);
        return () => {
            const index = this.hooks.indexOf(hook);
            if (index >= 0)
                this.hooks.splice(index, 1);
        };
    }
    /** For the snapshot hook: counts snapshots in the bus metrics. */
    recordSnapshotsCreated(count = 1) {
        this.metrics.increment('snapshots_created', count);
    }
    publishNow(type, data, options) {
        if (this.config.enable_persistence && this.storage.writerGeneration) {
            const generation = this.storage.writerGeneration();
            // No number is taken before the lock is held and the store's tail re-read under it.
            if (generation === 0 || generation !== this.counterGeneration) {
                return this.resyncCounters().then(() => this.publish(type, data, options));
            }
        }
        let sequence;
        let aggregateKey = '';
        if (this.sequenceMode === 'global') {
            // Back to `publish`: the room checked there may be gone once the counter is loaded.
            if (this.nextSequence < 0)
                return this.initGlobalSequence().then(() => this.publish(type, data, options));
            sequence = this.nextSequence++;
        }
        else {
            // Events without an aggregate are numbered in the bus-wide `system` stream.
            aggregateKey = options.aggregate_id ?? snapshotTypes_1.SYSTEM_AGGREGATE;
            const next = this.aggregateNext.get(aggregateKey);
            if (next === undefined) {
                return this.initAggregateSequence(aggregateKey).then(() => this.publish(type, data, options));
            }
            sequence = next;
            this.aggregateNext.set(aggregateKey, next + 1);
        }
        const event = this.makeEvent(type, data, options, sequence);
        if (this.config.schema_validation) {
            let problems = (0, publishValidation_1.envelopeProblems)(type, data, options);
            if (this.validator) {
                const verdict = this.validator(event);
                if (!verdict.valid) {
                    problems = [...(problems ?? []), ...(verdict.errors.length > 0 ? verdict.errors : ['invalid by its schema'])];
                }
            }
            if (problems) {
                // Validation is synchronous, so no other publish took a number since
                // ours: give it back and the store sees no gap for a rejected event.
                if (this.sequenceMode === 'global')
                    this.nextSequence--;
                else
                    this.aggregateNext.set(aggregateKey, sequence);
                return this.reject(event, problems);
            }
        }
        // Held from here until every handler is done with it (see cycle()).
        this.held++;
        if (!this.config.enable_persistence) {
            this.enqueue(event);
            return Promise.resolve(event);
        }
        return this.persistAndQueue(event);
    }
    /**
     * `createEvent` with the hot path in mind (this runs a million times a
     * second): metadata and tags are built already frozen, a shared frozen
     * empty object stands for "no tags", and `freezeEvent` then only has to
     * deep-freeze `data`.
     */
    makeEvent(type, data, options, sequence) {
        const metadata = Object.freeze({
            event_id: (0, ids_1.newEventId)(),
            version: event_1.DEFAULT_EVENT_VERSION,
            schema_version: options.schema_version ?? event_1.DEFAULT_SCHEMA_VERSION,
            timestamp: this.timestampNow(),
            source: options.source ?? 'unknown',
            correlation_id: options.correlation_id ?? null,
            causation_id: options.causation_id ?? null,
            aggregate_id: options.aggregate_id ?? null,
            sequence_number: sequence,
            retry_count: 0,
            status: eventStatus_1.EventStatus.PENDING,
            tags: options.tags === undefined ? NO_TAGS : Object.freeze({ ...options.tags }),
        });
        const event = (0, event_1.freezeEvent)({ event_type: type, data, metadata });
        return options.dataText === undefined ? event : (0, rawData_1.attachRawData)(event, options.dataText);
    }
    async persistAndQueue(event) {
        // The append starts synchronously inside publish, so the store gets events
        // in sequence order even with many concurrent publishers.
        const appended = this.storage.append([event]);
        this.inFlight.add(appended);
        try {
            await appended;
        }
        catch (error) {
            this.held--;
            this.releaseSpace();
            // Its number was taken but nothing durable holds it: read the counters again from the store before the next number.
            if (this.storage.writerGeneration)
                this.counterGeneration = -1;
            throw new Error(`Could not persist ${event.event_type} event ${event.metadata.event_id} (sequence ${event.metadata.sequence_number}) ` +
                `to the ${this.storage.kind} storage: ${error.message}`, { cause: error });
        }
        finally {
            this.inFlight.delete(appended);
        }
        this.enqueue(event);
        if (this.hooks.length > 0)
            await this.runHooks([event]);
        return event;
    }
    async runHooks(events) {
        for (const hook of [...this.hooks]) {
            try {
                await hook(events);
            }
            catch {
                // The events are durable already; a failing hook (say, a snapshot that
                // could not be written) must not turn a successful publish into an error.
                this.metrics.increment('after_persist_hook_errors');
            }
        }
    }
    async reject(event, problems) {
        this.metrics.increment('validation_failures');
        const error = new publishValidation_1.EventValidationError(event.event_type, event.metadata.event_id, problems);
        if (event.event_type !== eventTypes_1.EventType.SYSTEM_ERROR) {
            await this.publishSystemError({
                error_type: 'ValidationError',
                message: error.message,
                component: 'EventBus',
                errors: problems,
                rejected_event_type: event.event_type,
                rejected_event_id: event.metadata.event_id,
            }, { correlation_id: event.metadata.correlation_id, causation_id: event.metadata.causation_id });
        }
        throw error;
    }
    /**
     * Never throws: a system_error that cannot be recorded must not hide the
     * original problem. Goes through `publish`, so a failure storm waits for
     * room like any publisher instead of growing the queue past its limit.
     */
    async publishSystemError(data, related) {
        try {
            await this.publish(eventTypes_1.EventType.SYSTEM_ERROR, data, { ...related, source: 'EventBus' });
        }
        catch {
            // Nothing sensible left to report to.
        }
    }
    enqueue(event) {
        this.queue.push(event, node_perf_hooks_1.performance.now());
        this.history.push(event);
        this.metrics.events_published++;
        const correlationId = event.metadata.correlation_id;
        if (correlationId !== null && this.config.correlation_tracking) {
            this.correlations.track(correlationId, event.metadata.event_id);
        }
        this.scheduleCycle();
    }
    timestampNow() {
        const ms = this.clock.now();
        if (ms !== this.lastTimestampMs) {
            this.lastTimestampMs = ms;
            this.lastTimestamp = (0, timestamp_1.formatTimestamp)(ms);
        }
        return this.lastTimestamp;
    }
    /**
     * Takes the storage's writer lock (the storage re-reads the tail) and
     * reloads the counters from what is stored now: another writer may have
     * appended since they were last read, or while we did not hold the lock.
     */
    resyncCounters() {
        this.counterResync ??= (async () => {
            try {
                const storage = this.storage;
                const generation = await storage.prepareWrite();
                this.aggregateNext.clear();
                this.aggregateInit.clear();
                if (this.sequenceMode === 'global') {
                    const last = await this.storage.lastSequence();
                    this.nextSequence = Math.max(0, last) + 1;
                }
                this.counterGeneration = generation;
            }
            catch (error) {
                throw new Error(`Could not take the writer lock of the ${this.storage.kind} storage: ${error.message}`, { cause: error });
            }
            finally {
                this.counterResync = undefined;
            }
        })();
        return this.counterResync;
    }
    initGlobalSequence() {
        this.sequenceInit ??= this.storage.lastSequence().then((last) => {
            // Sequences start at 1, so the 100th event is `snapshot_system_100`.
            if (this.nextSequence < 0)
                this.nextSequence = Math.max(0, last) + 1;
        }, (error) => {
            this.sequenceInit = undefined;
            throw new Error(`Could not read the last sequence number from the ${this.storage.kind} storage: ${error.message}`);
        });
        return this.sequenceInit;
    }
    initAggregateSequence(aggregateId) {
        let init = this.aggregateInit.get(aggregateId);
        if (!init) {
            const generation = this.counterGeneration;
            init = this.storage.lastSequence(aggregateId).then((last) => {
                // Counters re-read under a newer lock since this started: theirs win.
                if (generation !== this.counterGeneration)
                    return;
                if (!this.aggregateNext.has(aggregateId))
                    this.aggregateNext.set(aggregateId, Math.max(0, last) + 1);
                this.aggregateInit.delete(aggregateId);
            }, (error) => {
                this.aggregateInit.delete(aggregateId);
                throw new Error(`Could not read the last sequence number of aggregate "${aggregateId}" from the ${this.storage.kind} storage: ${error.message}`);
            });
            this.aggregateInit.set(aggregateId, init);
        }
        return init;
    }
    waitForSpace() {
        return new Promise((resolve) => this.spaceWaiters.push(resolve));
    }
    /** Wakes as many waiting publishers as there is room for, oldest first; each checks again in `publish`. */
    releaseSpace() {
        if (this.overLimitWaiter && this.held <= this.maxQueueSize) {
            const resume = this.overLimitWaiter;
            this.overLimitWaiter = undefined;
            resume();
        }
        const room = this.maxQueueSize - this.held;
        if (this.spaceWaiters.length === 0 || room <= 0)
            return;
        const woken = this.spaceWaiters.splice(0, room);
        for (const wake of woken)
            wake();
    }
    // ---- dispatching --------------------------------------------------------
    /** Starts the dispatcher and the health checks; resolves once the sequence counter is loaded. */
    async start() {
        if (this.state === 'running')
            return;
        if (this.stopping)
            await this.stopping;
        if (this.sequenceMode === 'global')
            await this.initGlobalSequence();
        this.state = 'running';
        const every = this.config.health_check_interval;
        if (every > 0) {
            this.healthTimer = setInterval(() => void this.healthCheck(), every * 1000);
        }
        void this.refreshStorageHealth();
        this.scheduleCycle();
    }
    /** The guide's `await bus.run()`: starts, and resolves when `stop()` has finished. */
    async run() {
        await this.start();
        await new Promise((resolve) => this.runWaiters.push(resolve));
    }
    /**
     * Stops the timers, waits for publishes still being persisted, drains the
     * queue (delivering everything, retries included) and flushes the storage.
     */
    stop() {
        this.stopping ??= this.drainAndStop().finally(() => {
            this.stopping = undefined;
        });
        return this.stopping;
    }
    async drainAndStop() {
        this.state = 'stopping';
        if (this.healthTimer)
            clearInterval(this.healthTimer);
        this.healthTimer = undefined;
        this.cancelScheduledCycle();
        while (this.queue.size > 0 || this.inFlight.size > 0 || this.dispatcher.retrying || this.cycleRunning) {
            if (this.cycleRunning)
                await this.cycleRunning;
            else if (this.queue.size > 0)
                await this.runCycle();
            else if (this.inFlight.size > 0)
                await Promise.allSettled([...this.inFlight]);
            else
                await this.dispatcher.settleRetries();
        }
        const flushable = this.storage;
        if (typeof flushable.flush === 'function')
            await flushable.flush();
        this.state = 'stopped';
        const waiters = this.runWaiters;
        this.runWaiters = [];
        for (const wake of waiters)
            wake();
    }
    scheduleCycle() {
        if (this.state !== 'running' || this.cycleRunning || this.cycleTimer || this.cycleImmediate)
            return;
        if (this.queue.size === 0)
            return;
        const wait = this.lastCycleEnd + this.config.processing_interval * 1000 - node_perf_hooks_1.performance.now();
        if (wait <= 0) {
            this.cycleImmediate = setImmediate(() => {
                this.cycleImmediate = undefined;
                void this.runCycle();
            });
        }
        else {
            this.cycleTimer = setTimeout(() => {
                this.cycleTimer = undefined;
                void this.runCycle();
            }, wait);
        }
    }
    cancelScheduledCycle() {
        if (this.cycleTimer)
            clearTimeout(this.cycleTimer);
        if (this.cycleImmediate)
            clearImmediate(this.cycleImmediate);
        this.cycleTimer = undefined;
        this.cycleImmediate = undefined;
    }
    runCycle() {
        if (!this.cycleRunning) {
            this.cycleRunning = this.cycle().finally(() => {
                this.cycleRunning = undefined;
                this.lastCycleEnd = node_perf_hooks_1.performance.now();
                this.scheduleCycle();
            });
        }
        return this.cycleRunning;
    }
    /**
     * Takes up to `batch_size` events at a time and keeps going while the queue
     * is not empty. Only an idle bus waits `processing_interval` before the
     * next cycle: pausing between batches while events are waiting would cap
     * throughput at batch_size / processing_interval, and a bus receiving more
     * than that would fall further behind forever, by design.
     */
    async cycle() {
        const batchSize = Math.max(1, this.config.batch_size);
        const measure = this.config.metrics_enabled;
        let sliceStart = node_perf_hooks_1.performance.now();
        while (this.queue.size > 0) {
            const take = Math.min(batchSize, this.queue.size);
            for (let i = 0; i < take; i++) {
                // Publishers cannot push the bus over its limit, but failing handlers
                // can (each failure holds its event for a retry): then delivery waits
                // for retries to finish, so what the bus holds stays within the limit
                // plus the subscriptions of one event.
                if (this.maxQueueSize > 0 && this.held > this.maxQueueSize)
                    await new Promise((resolve) => (this.overLimitWaiter = resolve));
                const queuedAt = this.queue.peekQueuedAt();
                const event = this.queue.shift();
                const pending = this.dispatcher.deliver(event, dispatcher_1.LIVE_DELIVERY);
                if (pending)
                    await pending;
                this.metrics.events_processed++;
                this.held--;
                if (measure)
                    this.latency.record(node_perf_hooks_1.performance.now() - queuedAt);
            }
            if (this.maxQueueSize > 0)
                this.releaseSpace();
            // Let timers, I/O and publishers run now and then during a long backlog.
            const now = node_perf_hooks_1.performance.now();
            if (now - sliceStart > 10 && this.queue.size > 0) {
                await new Promise((resolve) => setImmediate(resolve));
                sliceStart = node_perf_hooks_1.performance.now();
            }
        }
    }
    // ---- failures -----------------------------------------------------------
    async recordFailure(failure) {
        const { event, subscription, error, attempts, replay } = failure;
        this.metrics.increment('events_failed');
        const failed = (0, event_1.withMetadata)(event, { status: eventStatus_1.EventStatus.FAILED, retry_count: attempts - 1 });
        const asError = error instanceof Error ? error : new Error(String(error));
        try {
            await this.deadLetter.record({
                event: failed,
                handler: subscription.name,
                error: { name: asError.name, message: asError.message, stack: asError.stack },
                attempts,
                failed_at: (0, timestamp_1.formatTimestamp)(this.clock.now()),
                replay,
            });
        }
        catch {
            this.metrics.increment('dead_letter_write_errors');
        }
        // A failing system_error handler is dead-lettered but not reported with
        // another system_error: that one would fail the same way, forever.
        if (event.event_type === eventTypes_1.EventType.SYSTEM_ERROR)
            return;
        await this.publishSystemError({
            error_type: asError.name,
            message: `Handler "${subscription.name}" failed on ${event.event_type} event ${event.metadata.event_id} after ${attempts} attempts: ${asError.message}`,
            component: 'EventBus',
            stack_trace: asError.stack ?? null,
            failed_event_id: event.metadata.event_id,
            failed_event_type: event.event_type,
            handler: subscription.name,
            attempts,
            replay,
        }, { correlation_id: event.metadata.correlation_id, causation_id: event.metadata.event_id });
    }
    // ---- replay -------------------------------------------------------------
    /**
     * Re-delivers stored events to the current subscribers, in the given order,
     * with `context.replay === true` so handlers can tell (and, say, skip side
     * effects). Does not persist or queue anything.
     */
    async replayIntoSubscribers(events) {
        this.metrics.increment('replays_performed');
        let delivered = 0;
        for await (const event of events) {
            const pending = this.dispatcher.deliver(event, dispatcher_1.REPLAY_DELIVERY);
            if (pending)
                await pending;
            delivered++;
        }
        return { delivered };
    }
    // ---- status -------------------------------------------------------------
    /** The most recent events published (oldest first), at most `max_history`. */
    getHistory(limit) {
        return this.history.toArray(limit);
    }
    /** Ids of the recent events sharing a correlation id, in publish order. */
    getCorrelatedEventIds(correlationId) {
        return this.correlations.eventIds(correlationId);
    }
    get queueSize() {
        return this.queue.size;
    }
    getStatus() {
        return (0, busStatus_1.buildStatus)({
            timestamp: (0, timestamp_1.formatTimestamp)(this.clock.now()),
            state: this.state,
            metrics: this.metrics.snapshot(),
            queueSize: this.queue.size,
            subscribers: this.registry.counts(),
            config: this.config,
            latency: this.latency.summary(),
            storageKind: this.storage.kind,
            storageHealth: this.lastStorageHealth,
            sequenceMode: this.sequenceMode,
            historySize: this.history.size,
            correlationsTracked: this.correlations.size,
            pendingRetries: this.dispatcher.pendingRetries,
        });
    }
    /** Asks the storage for its health now, then returns the status. */
    async getHealth() {
        await this.refreshStorageHealth();
        return this.getStatus();
    }
    async refreshStorageHealth() {
        let health;
        try {
            health = await this.storage.health();
        }
        catch (error) {
            health = { healthy: false, detail: `health check failed: ${error.message}` };
        }
        this.lastStorageHealth = { ...health, checked_at: (0, timestamp_1.formatTimestamp)(this.clock.now()) };
    }
    async healthCheck() {
        const status = await this.getHealth();
        try {
            await this.publish(eventTypes_1.EventType.SYSTEM_HEALTH_CHECK, {
                status: status.status,
                queue_size: status.queue_size,
                metrics: status.metrics,
                latency_ms: status.latency_ms,
                storage: status.storage,
                subscribers_count: status.subscribers_count,
            }, { source: 'EventBus' });
        }
        catch {
            // The next check tries again; a failing store shows in `storage.healthy`.
        }
    }
}
exports.EventBus = EventBus;
//# sourceMappingURL=eventBus.js.map