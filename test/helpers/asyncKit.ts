import type { CopySource } from '../../src/engine/backends/copySource';
import { serializeEvent, type Event } from '../../src/engine/model/event';

/** Everything an async iterable yields, in order. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Polls `check` until it holds; fails naming `what` after `ms`. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A copy source over events in memory, each line as serializeEvent writes it. */
export function memoryCopySource(events: readonly Event[]): CopySource {
  return {
    description: 'events in memory',
    total: events.length,
    notEvents: 0,
    async *read() {
      for (const event of events) yield { event, raw: serializeEvent(event) };
    },
    close: async () => {},
  };
}
