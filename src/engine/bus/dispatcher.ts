import type { Event } from '../model/event';
import type { BusClock } from './busClock';
import { retryDelayMs, type RetryPolicy } from './retryPolicy';
import type { DeliveryContext, Subscription, SubscriptionRegistry } from './subscriptions';

export const LIVE_DELIVERY: DeliveryContext = Object.freeze({ replay: false, attempt: 1 });
export const REPLAY_DELIVERY: DeliveryContext = Object.freeze({ replay: true, attempt: 1 });

export interface DeliveryFailure {
  readonly event: Event;
  readonly subscription: Subscription;
  readonly error: unknown;
  /** Deliveries tried in all (first + retries). */
  readonly attempts: number;
  readonly replay: boolean;
}

export interface DispatcherHooks {
  /** A retry is about to be tried. */
  onRetry(): void;
  /**
   * A failed delivery starts (+1) or stops (-1) waiting for its retries: the
   * bus counts those toward its queue limit, since each one keeps its event
   * in memory until it succeeds or is given up.
   */
  onWaiting(delta: 1 | -1): void;
  /** Every retry failed too: the caller marks the event failed, dead-letters it, reports it. */
  onExhausted(failure: DeliveryFailure): Promise<void>;
}

/**
 * Delivers one event to every matching handler. Sync handlers are called
 * without any await (the in-memory hot path); async ones are awaited together,
 * so one handler sees events in order. A failing delivery is retried for that
 * handler only, in the background, so one broken handler does not stall the
 * others or the queue; its retries may therefore reach it after later events.
 */
export class Dispatcher {
  private readonly retries = new Set<Promise<void>>();
  private waiting = 0;

  constructor(
    private readonly registry: SubscriptionRegistry,
    private readonly policy: RetryPolicy,
    private readonly clock: BusClock,
    private readonly hooks: DispatcherHooks,
  ) {}

  /** Returns a promise only when some handler was async; undefined when all is done already. */
  deliver(event: Event, context: DeliveryContext): Promise<void> | undefined {
    const subscriptions = this.registry.handlersFor(event.event_type);
    let waits: Promise<void>[] | undefined;
    for (let i = 0; i < subscriptions.length; i++) {
      const subscription = subscriptions[i];
      let result: void | Promise<void>;
      try {
        result = subscription.handler(event, context);
      } catch (error) {
        this.failed(event, subscription, error, context.replay);
        continue;
      }
      if (result !== undefined && typeof (result as Promise<void>).then === 'function') {
        (waits ??= []).push(
          (result as Promise<void>).then(undefined, (error: unknown) =>
            this.failed(event, subscription, error, context.replay),
          ),
        );
      }
    }
    if (!waits) return undefined;
    return waits.length === 1 ? waits[0] : Promise.all(waits).then(() => undefined);
  }

  /** Failed deliveries waiting for a retry (not those already given up and being dead-lettered). */
  get pendingRetries(): number {
    return this.waiting;
  }

  /** True while any retry (or the dead-lettering after the last one) is still running. */
  get retrying(): boolean {
    return this.retries.size > 0;
  }

  /** Resolves once every retry started so far has finished (including retries they start). */
  async settleRetries(): Promise<void> {
    while (this.retries.size > 0) await Promise.allSettled([...this.retries]);
  }

  private failed(event: Event, subscription: Subscription, error: unknown, replay: boolean): void {
    this.waiting++;
    this.hooks.onWaiting(1);
    const retry = this.retry(event, subscription, error, replay).catch(() => undefined);
    this.retries.add(retry);
    void retry.then(() => this.retries.delete(retry));
  }

  private async retry(event: Event, subscription: Subscription, firstError: unknown, replay: boolean): Promise<void> {
    let lastError = firstError;
    let waitingNow = true;
    const stopWaiting = (): void => {
      if (!waitingNow) return;
      waitingNow = false;
      this.waiting--;
      this.hooks.onWaiting(-1);
    };
    try {
      for (let retry = 1; retry <= this.policy.maxRetries; retry++) {
        await this.clock.sleep(retryDelayMs(this.policy, retry));
        this.hooks.onRetry();
        try {
          await subscription.handler(event, { replay, attempt: retry + 1 });
          return;
        } catch (error) {
          lastError = error;
        }
      }
    } finally {
      // Before the dead-lettering: it publishes a system_error, which may itself wait for room in the queue.
      stopWaiting();
    }
    await this.hooks.onExhausted({
      event,
      subscription,
      error: lastError,
      attempts: this.policy.maxRetries + 1,
      replay,
    });
  }
}
