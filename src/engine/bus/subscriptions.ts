import type { Event } from '../model/event';

/** What a handler learns besides the event. */
export interface DeliveryContext {
  /** True when the event is being re-dispatched by `replayIntoSubscribers`, not published now. */
  readonly replay: boolean;
  /** 1 for the first delivery, 2.. for retries. */
  readonly attempt: number;
}

export type EventHandler = (event: Event, context: DeliveryContext) => void | Promise<void>;

export interface Subscription {
  /** An event type, or '*' for every event. */
  readonly type: string;
  readonly handler: EventHandler;
  /** Shown in dead-letter records and errors: the handler's function name unless given. */
  readonly name: string;
}

export const WILDCARD = '*';

/**
 * Who listens to what. Lists are copied on change rather than mutated, so a
 * handler that unsubscribes (or subscribes) during dispatch does not disturb
 * the delivery in progress; the per-type list including wildcard handlers is
 * cached because dispatch looks it up for every event.
 */
export class SubscriptionRegistry {
  private byType = new Map<string, readonly Subscription[]>();
  private resolved = new Map<string, readonly Subscription[]>();

  add(type: string, handler: EventHandler, name?: string): () => void {
    const subscription: Subscription = { type, handler, name: name ?? (handler.name || 'anonymous handler') };
    this.byType.set(type, [...(this.byType.get(type) ?? []), subscription]);
    this.resolved.clear();
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      const remaining = (this.byType.get(type) ?? []).filter((s) => s !== subscription);
      if (remaining.length === 0) this.byType.delete(type);
      else this.byType.set(type, remaining);
      this.resolved.clear();
    };
  }

  /** Handlers of the type first, then wildcard handlers, each in subscription order. */
  handlersFor(type: string): readonly Subscription[] {
    let list = this.resolved.get(type);
    if (!list) {
      const typed = type === WILDCARD ? [] : (this.byType.get(type) ?? []);
      list = [...typed, ...(this.byType.get(WILDCARD) ?? [])];
      this.resolved.set(type, list);
    }
    return list;
  }

  /** Subscriber count per subscribed type ('*' included). */
  counts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const [type, list] of this.byType) counts[type] = list.length;
    return counts;
  }
}
