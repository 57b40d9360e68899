import { performance } from 'node:perf_hooks';
import {
  DEFAULT_EVENT_VERSION,
  DEFAULT_SCHEMA_VERSION,
  freezeEvent,
  withMetadata,
  type Event,
  type EventMetadata,
} from '../model/event';
import { newEventId } from '../model/ids';
import { EventStatus } from '../model/eventStatus';
import { EventType } from '../model/eventTypes';
import { attachRawData } from '../model/rawData';
import { formatTimestamp } from '../model/timestamp';
import { SYSTEM_AGGREGATE } from '../model/snapshotTypes';
import { MemoryEventStorage } from '../store/memoryStorage';
import type { EventStorage, StorageHealth } from '../store/storage';
import { resolveBusConfig, type BusConfig } from './busConfig';
import { systemClock, type BusClock } from './busClock';
import { BusMetrics } from './busMetrics';
import { CorrelationTracker } from './correlationTracker';
import { MemoryDeadLetterSink, type DeadLetterSink } from './deadLetter';
import { Dispatcher, LIVE_DELIVERY, REPLAY_DELIVERY, type DeliveryFailure } from './dispatcher';
import { EventQueue } from './eventQueue';
import { HistoryRing } from './historyRing';
import { LatencyReservoir } from './latency';
import { SubscriptionRegistry, type EventHandler } from './subscriptions';
import { EventValidationError, envelopeProblems, type ValidateEvent } from './publishValidation';
import type { PublishOptions } from './publishOptions';
import { buildStatus, type BusState, type BusStatus } from './busStatus';

export type SequenceMode = 'global' | 'aggregate';

/** Runs after events are durable and queued (automatic snapshots plug in here). */
export type AfterPersistHook = (events: readonly Event[]) => Promise<void>;

export interface EventBusOptions {
  /** The guide's `event_bus` block; missing keys take the guide's defaults. */
  readonly config?: Partial<BusConfig>;
  /** Where events go when `enable_persistence`; default an in-memory store (nothing survives the process). */
  readonly storage?: EventStorage;
  /** Schema validator, used when `schema_validation`; the bus itself only checks the envelope basics. */
  readonly validate?: ValidateEvent;
  /** 'global' (default): one bus-wide counter; 'aggregate': one counter per aggregate_id. */
  readonly sequenceMode?: SequenceMode;
  /** Where failed deliveries are recorded; default in memory (pass `FileDeadLetterSink(store)` for the store's file). */
  readonly deadLetter?: DeadLetterSink;
  readonly afterPersist?: AfterPersistHook | readonly AfterPersistHook[];
  /** First retry delay; doubles per retry, plus jitter. Default 100 ms. */
  readonly retryBaseDelayMs?: number;
  /** Cap of a single retry delay. Default 30 s. */
  readonly retryMaxDelayMs?: number;
  readonly clock?: BusClock;
  /** [0, 1) source for retry jitter. */
  readonly random?: () => number;
  /**
   * When set, `publish` waits while the bus holds this many events for
   * delivery (back-pressure): queued, being persisted, or a failed delivery
   * waiting for its retry. The system_error and health events the bus
   * publishes itself wait for room the same way. Handlers failing during a
   * delivery can add at most that event's subscriptions over the limit
   * (delivery then pauses until retries finish). Note: a handler that
   * awaits `publish` on a full bus waits for itself; publish from handlers
   * without awaiting, or leave this unset.
   */
  readonly maxQueueSize?: number;
  /** Refuses event types the store does not know (see knownEventTypes.ts); default: any type. */
  readonly typeGate?: (eventType: string) => Error | undefined;
}

export interface ReplayResult {
  readonly delivered: number;
}

const NO_OPTIONS: PublishOptions = Object.freeze({});
const NO_TAGS: Readonly<Record<string, string>> = Object.freeze({});

/**
 * The Enhanced Event Bus: publish assigns metadata, validates, persists
 * (resolving once durable) and queues; a dispatcher delivers queued events to
 * subscribers in batches, retrying failing handlers and dead-lettering what
 * still fails.
 */
export class EventBus {
  readonly config: BusConfig;
  readonly storage: EventStorage;
  readonly sequenceMode: SequenceMode;

  private readonly validator: ValidateEvent | undefined;
  private readonly deadLetter: DeadLetterSink;
  private readonly hooks: AfterPersistHook[];
  private readonly clock: BusClock;
  private readonly maxQueueSize: number;
  private readonly typeGate: EventBusOptions['typeGate'];

  private readonly registry = new SubscriptionRegistry();
  private readonly dispatcher: Dispatcher;
  private readonly queue = new EventQueue();
  private readonly history: HistoryRing<Event>;
  private readonly correlations: CorrelationTracker;
  private readonly metrics = new BusMetrics();
  private readonly latency = new LatencyReservoir();

  private state: BusState = 'stopped';
  private nextSequence = -1;
  private sequenceInit: Promise<void> | undefined;
  private readonly aggregateNext = new Map<string, number>();
  private readonly aggregateInit = new Map<string, Promise<void>>();
  /** The storage's writer-lock generation the counters above were read in (see `EventStorage.writerGeneration`). */
  private counterGeneration = 0;
  private counterResync: Promise<void> | undefined;

  private cycleTimer: NodeJS.Timeout | undefined;
  private cycleImmediate: NodeJS.Immediate | undefined;
  private cycleRunning: Promise<void> | undefined;
  private lastCycleEnd = Number.NEGATIVE_INFINITY;
  private healthTimer: NodeJS.Timeout | undefined;
  private lastStorageHealth: (StorageHealth & { checked_at: string }) | undefined;

  private readonly inFlight = new Set<Promise<unknown>>();
  /** Events held for delivery: being persisted, queued, or a failed delivery waiting for a retry (what maxQueueSize bounds). */
  private held = 0;
  private spaceWaiters: (() => void)[] = [];
  /** The dispatch cycle, paused while failed deliveries alone hold the bus over its limit. */
  private overLimitWaiter: (() => void) | undefined;
  private stopping: Promise<void> | undefined;
  private runWaiters: (() => void)[] = [];

  private lastTimestampMs = Number.NaN;
  private lastTimestamp = '';

  constructor(options: EventBusOptions = {}) {
    this.config = resolveBusConfig(options.config);
    this.storage = options.storage ?? new MemoryEventStorage();
    this.sequenceMode = options.sequenceMode ?? 'global';
    this.validator = options.validate;
    this.deadLetter = options.deadLetter ?? new MemoryDeadLetterSink();
    const hooks = options.afterPersist;
    this.hooks = hooks === undefined ? [] : typeof hooks === 'function' ? [hooks] : [...hooks];
    this.clock = options.clock ?? systemClock;
    this.maxQueueSize = options.maxQueueSize ?? 0;
    this.typeGate = options.typeGate;
    this.history = new HistoryRing(this.config.max_history);
    // The same recent window as the history: ids of at most max_history events.
    this.correlations = new CorrelationTracker(10_000, 1_000, this.config.max_history);
    this.dispatcher = new Dispatcher(
      this.registry,
      {
        maxRetries: Math.max(0, this.config.max_retry_count),
        baseDelayMs: options.retryBaseDelayMs ?? 100,
        maxDelayMs: options.retryMaxDelayMs ?? 30_000,
        random: options.random ?? Math.random,
      },
      this.clock,
      {
        onRetry: () => this.metrics.increment('deliveries_retried'),
        onWaiting: (delta) => {
          this.held += delta;
          if (delta < 0) this.releaseSpace();
        },
        onExhausted: (failure) => this.recordFailure(failure),
      },
    );
  }

  // ---- publishing ---------------------------------------------------------

  /**
   * Assigns the metadata, validates (when `schema_validation`), persists
   * (when `enable_persistence`, resolving only once durable) and queues the
   * event for dispatch. Rejects with `EventValidationError` for an invalid
   * event (and records a `system_error` event about it).
   */
  publish<Data>(type: string, data: Data, options: PublishOptions = NO_OPTIONS): Promise<Event<Data>> {
    const refusal = this.typeGate?.(type);
    if (refusal) return Promise.reject(refusal);
    if (this.maxQueueSize > 0 && this.held >= this.maxQueueSize) {
      return this.waitForSpace().then(() => this.publish(type, data, options));
    }
    return this.publishNow(type, data, options);
  }

  subscribe(type: string, handler: EventHandler, name?: string): () => void {
    return this.registry.add(type, handler, name);
  }

  /** Adds a hook that runs after each persisted publish (the snapshot engine's entry point). */
  addAfterPersistHook(hook: AfterPersistHook): () => void {
    this.hooks.push(hook);
    return () => {
      const index = this.hooks.indexOf(hook);
      if (index >= 0) this.hooks.splice(index, 1);
    };
  }

  /** For the snapshot hook: counts snapshots in the bus metrics. */
  recordSnapshotsCreated(count = 1): void {
    this.metrics.increment('snapshots_created', count);
  }

  private publishNow<Data>(type: string, data: Data, options: PublishOptions): Promise<Event<Data>> {
    if (this.config.enable_persistence && this.storage.writerGeneration) {
      const generation = this.storage.writerGeneration();
      // No number is taken before the lock is held and the store's tail re-read under it.
      if (generation === 0 || generation !== this.counterGeneration) {
        return this.resyncCounters().then(() => this.publish(type, data, options));
      }
    }
    let sequence: number;
    let aggregateKey = '';
    if (this.sequenceMode === 'global') {
      // Back to `publish`: the room checked there may be gone once the counter is loaded.
      if (this.nextSequence < 0) return this.initGlobalSequence().then(() => this.publish(type, data, options));
      sequence = this.nextSequence++;
    } else {
      // Events without an aggregate are numbered in the bus-wide `system` stream.
      aggregateKey = options.aggregate_id ?? SYSTEM_AGGREGATE;
      const next = this.aggregateNext.get(aggregateKey);
      if (next === undefined) {
        return this.initAggregateSequence(aggregateKey).then(() => this.publish(type, data, options));
      }
      sequence = next;
      this.aggregateNext.set(aggregateKey, next + 1);
    }

    const event = this.makeEvent(type, data, options, sequence);

    if (this.config.schema_validation) {
      let problems = envelopeProblems(type, data, options);
      if (this.validator) {
        const verdict = this.validator(event);
        if (!verdict.valid) {
          problems = [...(problems ?? []), ...(verdict.errors.length > 0 ? verdict.errors : ['invalid by its schema'])];
        }
      }
      if (problems) {
        // Validation is synchronous, so no other publish took a number since
        // ours: give it back and the store sees no gap for a rejected event.
        if (this.sequenceMode === 'global') this.nextSequence--;
        else this.aggregateNext.set(aggregateKey, sequence);
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
  private makeEvent<Data>(type: string, data: Data, options: PublishOptions, sequence: number): Event<Data> {
    const metadata: EventMetadata = Object.freeze({
      event_id: newEventId(),
      version: DEFAULT_EVENT_VERSION,
      schema_version: options.schema_version ?? DEFAULT_SCHEMA_VERSION,
      timestamp: this.timestampNow(),
      source: options.source ?? 'unknown',
      correlation_id: options.correlation_id ?? null,
      causation_id: options.causation_id ?? null,
      aggregate_id: options.aggregate_id ?? null,
      sequence_number: sequence,
      retry_count: 0,
      status: EventStatus.PENDING,
      tags: options.tags === undefined ? NO_TAGS : Object.freeze({ ...options.tags }),
    });
    const event = freezeEvent({ event_type: type, data, metadata });
    return options.dataText === undefined ? event : attachRawData(event, options.dataText);
  }

  private async persistAndQueue<Data>(event: Event<Data>): Promise<Event<Data>> {
    // The append starts synchronously inside publish, so the store gets events
    // in sequence order even with many concurrent publishers.
    const appended = this.storage.append([event]);
    this.inFlight.add(appended);
    try {
      await appended;
    } catch (error) {
      this.held--;
      this.releaseSpace();
      // Its number was taken but nothing durable holds it: read the counters again from the store before the next number.
      if (this.storage.writerGeneration) this.counterGeneration = -1;
      throw new Error(
        `Could not persist ${event.event_type} event ${event.metadata.event_id} (sequence ${event.metadata.sequence_number}) ` +
          `to the ${this.storage.kind} storage: ${(error as Error).message}`,
        { cause: error },
      );
    } finally {
      this.inFlight.delete(appended);
    }
    this.enqueue(event);
    if (this.hooks.length > 0) await this.runHooks([event]);
    return event;
  }

  private async runHooks(events: readonly Event[]): Promise<void> {
    for (const hook of [...this.hooks]) {
      try {
        await hook(events);
      } catch {
        // The events are durable already; a failing hook (say, a snapshot that
        // could not be written) must not turn a successful publish into an error.
        this.metrics.increment('after_persist_hook_errors');
      }
    }
  }

  private async reject(event: Event, problems: string[]): Promise<never> {
    this.metrics.increment('validation_failures');
    const error = new EventValidationError(event.event_type, event.metadata.event_id, problems);
    if (event.event_type !== EventType.SYSTEM_ERROR) {
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
  private async publishSystemError(data: Record<string, unknown>, related: PublishOptions): Promise<void> {
    try {
      await this.publish(EventType.SYSTEM_ERROR, data, { ...related, source: 'EventBus' });
    } catch {
      // Nothing sensible left to report to.
    }
  }

  private enqueue(event: Event): void {
    this.queue.push(event, performance.now());
    this.history.push(event);
    this.metrics.events_published++;
    const correlationId = event.metadata.correlation_id;
    if (correlationId !== null && this.config.correlation_tracking) {
      this.correlations.track(correlationId, event.metadata.event_id);
    }
    this.scheduleCycle();
  }

  private timestampNow(): string {
    const ms = this.clock.now();
    if (ms !== this.lastTimestampMs) {
      this.lastTimestampMs = ms;
      this.lastTimestamp = formatTimestamp(ms);
    }
    return this.lastTimestamp;
  }

  /**
   * Takes the storage's writer lock (the storage re-reads the tail) and
   * reloads the counters from what is stored now: another writer may have
   * appended since they were last read, or while we did not hold the lock.
   */
  private resyncCounters(): Promise<void> {
    this.counterResync ??= (async () => {
      try {
        const storage = this.storage as Required<Pick<EventStorage, 'prepareWrite'>> & EventStorage;
        const generation = await storage.prepareWrite();
        this.aggregateNext.clear();
        this.aggregateInit.clear();
        if (this.sequenceMode === 'global') {
          const last = await this.storage.lastSequence();
          this.nextSequence = Math.max(0, last) + 1;
        }
        this.counterGeneration = generation;
      } catch (error) {
        throw new Error(`Could not take the writer lock of the ${this.storage.kind} storage: ${(error as Error).message}`, { cause: error });
      } finally {
        this.counterResync = undefined;
      }
    })();
    return this.counterResync;
  }

  private initGlobalSequence(): Promise<void> {
    this.sequenceInit ??= this.storage.lastSequence().then(
      (last) => {
        // Sequences start at 1, so the 100th event is `snapshot_system_100`.
        if (this.nextSequence < 0) this.nextSequence = Math.max(0, last) + 1;
      },
      (error: unknown) => {
        this.sequenceInit = undefined;
        throw new Error(`Could not read the last sequence number from the ${this.storage.kind} storage: ${(error as Error).message}`);
      },
    );
    return this.sequenceInit;
  }

  private initAggregateSequence(aggregateId: string): Promise<void> {
    let init = this.aggregateInit.get(aggregateId);
    if (!init) {
      const generation = this.counterGeneration;
      init = this.storage.lastSequence(aggregateId).then(
        (last) => {
          // Counters re-read under a newer lock since this started: theirs win.
          if (generation !== this.counterGeneration) return;
          if (!this.aggregateNext.has(aggregateId)) this.aggregateNext.set(aggregateId, Math.max(0, last) + 1);
          this.aggregateInit.delete(aggregateId);
        },
        (error: unknown) => {
          this.aggregateInit.delete(aggregateId);
          throw new Error(
            `Could not read the last sequence number of aggregate "${aggregateId}" from the ${this.storage.kind} storage: ${(error as Error).message}`,
          );
        },
      );
      this.aggregateInit.set(aggregateId, init);
    }
    return init;
  }

  private waitForSpace(): Promise<void> {
    return new Promise((resolve) => this.spaceWaiters.push(resolve));
  }

  /** Wakes as many waiting publishers as there is room for, oldest first; each checks again in `publish`. */
  private releaseSpace(): void {
    if (this.overLimitWaiter && this.held <= this.maxQueueSize) {
      const resume = this.overLimitWaiter;
      this.overLimitWaiter = undefined;
      resume();
    }
    const room = this.maxQueueSize - this.held;
    if (this.spaceWaiters.length === 0 || room <= 0) return;
    const woken = this.spaceWaiters.splice(0, room);
    for (const wake of woken) wake();
  }

  // ---- dispatching --------------------------------------------------------

  /** Starts the dispatcher and the health checks; resolves once the sequence counter is loaded. */
  async start(): Promise<void> {
    if (this.state === 'running') return;
    if (this.stopping) await this.stopping;
    if (this.sequenceMode === 'global') await this.initGlobalSequence();
    this.state = 'running';
    const every = this.config.health_check_interval;
    if (every > 0) {
      this.healthTimer = setInterval(() => void this.healthCheck(), every * 1000);
    }
    void this.refreshStorageHealth();
    this.scheduleCycle();
  }

  /** The guide's `await bus.run()`: starts, and resolves when `stop()` has finished. */
  async run(): Promise<void> {
    await this.start();
    await new Promise<void>((resolve) => this.runWaiters.push(resolve));
  }

  /**
   * Stops the timers, waits for publishes still being persisted, drains the
   * queue (delivering everything, retries included) and flushes the storage.
   */
  stop(): Promise<void> {
    this.stopping ??= this.drainAndStop().finally(() => {
      this.stopping = undefined;
    });
    return this.stopping;
  }

  private async drainAndStop(): Promise<void> {
    this.state = 'stopping';
    if (this.healthTimer) clearInterval(this.healthTimer);
    this.healthTimer = undefined;
    this.cancelScheduledCycle();
    while (this.queue.size > 0 || this.inFlight.size > 0 || this.dispatcher.retrying || this.cycleRunning) {
      if (this.cycleRunning) await this.cycleRunning;
      else if (this.queue.size > 0) await this.runCycle();
      else if (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
      else await this.dispatcher.settleRetries();
    }
    const flushable = this.storage as EventStorage & { flush?: () => Promise<void> };
    if (typeof flushable.flush === 'function') await flushable.flush();
    this.state = 'stopped';
    const waiters = this.runWaiters;
    this.runWaiters = [];
    for (const wake of waiters) wake();
  }

  private scheduleCycle(): void {
    if (this.state !== 'running' || this.cycleRunning || this.cycleTimer || this.cycleImmediate) return;
    if (this.queue.size === 0) return;
    const wait = this.lastCycleEnd + this.config.processing_interval * 1000 - performance.now();
    if (wait <= 0) {
      this.cycleImmediate = setImmediate(() => {
        this.cycleImmediate = undefined;
        void this.runCycle();
      });
    } else {
      this.cycleTimer = setTimeout(() => {
        this.cycleTimer = undefined;
        void this.runCycle();
      }, wait);
    }
  }

  private cancelScheduledCycle(): void {
    if (this.cycleTimer) clearTimeout(this.cycleTimer);
    if (this.cycleImmediate) clearImmediate(this.cycleImmediate);
    this.cycleTimer = undefined;
    this.cycleImmediate = undefined;
  }

  private runCycle(): Promise<void> {
    if (!this.cycleRunning) {
      this.cycleRunning = this.cycle().finally(() => {
        this.cycleRunning = undefined;
        this.lastCycleEnd = performance.now();
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
  private async cycle(): Promise<void> {
    const batchSize = Math.max(1, this.config.batch_size);
    const measure = this.config.metrics_enabled;
    let sliceStart = performance.now();
    while (this.queue.size > 0) {
      const take = Math.min(batchSize, this.queue.size);
      for (let i = 0; i < take; i++) {
        // Publishers cannot push the bus over its limit, but failing handlers
        // can (each failure holds its event for a retry): then delivery waits
        // for retries to finish, so what the bus holds stays within the limit
        // plus the subscriptions of one event.
        if (this.maxQueueSize > 0 && this.held > this.maxQueueSize) await new Promise<void>((resolve) => (this.overLimitWaiter = resolve));
        const queuedAt = this.queue.peekQueuedAt();
        const event = this.queue.shift();
        const pending = this.dispatcher.deliver(event, LIVE_DELIVERY);
        if (pending) await pending;
        this.metrics.events_processed++;
        this.held--;
        if (measure) this.latency.record(performance.now() - queuedAt);
      }
      if (this.maxQueueSize > 0) this.releaseSpace();
      // Let timers, I/O and publishers run now and then during a long backlog.
      const now = performance.now();
      if (now - sliceStart > 10 && this.queue.size > 0) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
  }

  // ---- failures -----------------------------------------------------------

  private async recordFailure(failure: DeliveryFailure): Promise<void> {
    const { event, subscription, error, attempts, replay } = failure;
    this.metrics.increment('events_failed');
    const failed = withMetadata(event, { status: EventStatus.FAILED, retry_count: attempts - 1 });
    const asError = error instanceof Error ? error : new Error(String(error));
    try {
      await this.deadLetter.record({
        event: failed,
        handler: subscription.name,
        error: { name: asError.name, message: asError.message, stack: asError.stack },
        attempts,
        failed_at: formatTimestamp(this.clock.now()),
        replay,
      });
    } catch {
      this.metrics.increment('dead_letter_write_errors');
    }
    // A failing system_error handler is dead-lettered but not reported with
    // another system_error: that one would fail the same way, forever.
    if (event.event_type === EventType.SYSTEM_ERROR) return;
    await this.publishSystemError(
      {
        error_type: asError.name,
        message: `Handler "${subscription.name}" failed on ${event.event_type} event ${event.metadata.event_id} after ${attempts} attempts: ${asError.message}`,
        component: 'EventBus',
        stack_trace: asError.stack ?? null,
        failed_event_id: event.metadata.event_id,
        failed_event_type: event.event_type,
        handler: subscription.name,
        attempts,
        replay,
      },
      { correlation_id: event.metadata.correlation_id, causation_id: event.metadata.event_id },
    );
  }

  // ---- replay -------------------------------------------------------------

  /**
   * Re-delivers stored events to the current subscribers, in the given order,
   * with `context.replay === true` so handlers can tell (and, say, skip side
   * effects). Does not persist or queue anything.
   */
  async replayIntoSubscribers(events: Iterable<Event> | AsyncIterable<Event>): Promise<ReplayResult> {
    this.metrics.increment('replays_performed');
    let delivered = 0;
    for await (const event of events) {
      const pending = this.dispatcher.deliver(event, REPLAY_DELIVERY);
      if (pending) await pending;
      delivered++;
    }
    return { delivered };
  }

  // ---- status -------------------------------------------------------------

  /** The most recent events published (oldest first), at most `max_history`. */
  getHistory(limit?: number): Event[] {
    return this.history.toArray(limit);
  }

  /** Ids of the recent events sharing a correlation id, in publish order. */
  getCorrelatedEventIds(correlationId: string): readonly string[] {
    return this.correlations.eventIds(correlationId);
  }

  get queueSize(): number {
    return this.queue.size;
  }

  getStatus(): BusStatus {
    return buildStatus({
      timestamp: formatTimestamp(this.clock.now()),
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
  async getHealth(): Promise<BusStatus> {
    await this.refreshStorageHealth();
    return this.getStatus();
  }

  private async refreshStorageHealth(): Promise<void> {
    let health: StorageHealth;
    try {
      health = await this.storage.health();
    } catch (error) {
      health = { healthy: false, detail: `health check failed: ${(error as Error).message}` };
    }
    this.lastStorageHealth = { ...health, checked_at: formatTimestamp(this.clock.now()) };
  }

  private async healthCheck(): Promise<void> {
    const status = await this.getHealth();
    try {
      await this.publish(
        EventType.SYSTEM_HEALTH_CHECK,
        {
          status: status.status,
          queue_size: status.queue_size,
          metrics: status.metrics,
          latency_ms: status.latency_ms,
          storage: status.storage,
          subscribers_count: status.subscribers_count,
        },
        { source: 'EventBus' },
      );
    } catch {
      // The next check tries again; a failing store shows in `storage.healthy`.
    }
  }
}
