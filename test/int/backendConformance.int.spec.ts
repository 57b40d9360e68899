import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { openBackend } from '../../src/engine/backends/openBackend';
import { cursorOf, type StoreBackend, type StoredEvent, supports } from '../../src/engine/backends/storeBackend';
import { createEvent, type Event } from '../../src/engine/model/event';
import { makeTempDir } from '../helpers/tempStore';
import { natsUnavailable, startNats, type NatsServer } from '../helpers/servers/natsServer';
import { postgresUnavailable, startPostgres, type PostgresServer } from '../helpers/servers/postgresServer';

/**
 * One suite every StoreBackend passes: the same questions give the same
 * events in the same order, whatever answers them. A backend joins by
 * adding a factory. The PostgreSQL and JetStream factories start their real
 * server on first use (one per run) and open a new schema or stream per store.
 */
interface BackendFactory {
  readonly name: string;
  /** Why this backend cannot run here (its server is not installed), or null. */
  readonly unavailable?: () => string | null;
  /** A new, empty, writable store. */
  open(): Promise<StoreBackend>;
}

const cleanups: (() => void | Promise<void>)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

let postgres: Promise<PostgresServer> | undefined;
let nats: Promise<NatsServer> | undefined;
let stores = 0;

/** The run's PostgreSQL server, started on first use and stopped by pid after the suite. */
function postgresServer(): Promise<PostgresServer> {
  postgres ??= startPostgres().then((server) => {
    cleanups.push(() => server.stop());
    return server;
  });
  return postgres;
}

function natsServer(): Promise<NatsServer> {
  nats ??= startNats().then((server) => {
    cleanups.push(() => server.stop());
    return server;
  });
  return nats;
}

export const BACKEND_FACTORIES: readonly BackendFactory[] = [
  {
    name: 'folder',
    async open() {
      const { dir, cleanup } = makeTempDir('eventbus-backend-');
      cleanups.push(cleanup);
      return openBackend(dir, { writable: {}, noCache: true });
    },
  },
  { name: 'memory', open: () => openBackend('memory://conformance') },
  {
    name: 'postgres',
    unavailable: postgresUnavailable,
    async open() {
      const server = await postgresServer();
      return openBackend(`${server.url}?schema=conformance_${++stores}`, { create: true });
    },
  },
  {
    name: 'nats',
    unavailable: natsUnavailable,
    async open() {
      const server = await natsServer();
      return openBackend(`${server.url}?stream=CONFORMANCE${++stores}`, { create: true });
    },
  },
];

const T0 = Date.parse('2024-01-15T10:00:00Z');
const MINUTE = 60_000;

/**
 * Twelve events over two days in append order (times rising, so a folder's
 * day-file order is the append order too): aggregates trader_2, trader_10
 * and order_1 (natural order puts trader_2 first), two correlations, three
 * types, and one aggregate stored out of sequence order.
 */
function sample(): Event[] {
  const spec: [string, string, number, string][] = [
    ['trade_executed', 'trader_2', 1, 'c1'],
    ['trade_executed', 'trader_10', 1, 'c1'],
    ['order_placed', 'order_1', 2, 'c2'],
    ['order_placed', 'order_1', 1, 'c2'],
    ['risk_alert', 'trader_2', 2, 'c1'],
    ['trade_executed', 'trader_2', 3, 'c2'],
    ['trade_executed', 'trader_10', 2, 'c1'],
    ['risk_alert', 'trader_10', 3, 'c2'],
    ['order_placed', 'order_1', 3, 'c2'],
    ['trade_executed', 'trader_2', 4, 'c1'],
    ['risk_alert', 'trader_2', 5, 'c1'],
    ['trade_executed', 'trader_10', 4, 'c2'],
  ];
  return spec.map(([type, aggregate, sequence, correlation], n) =>
    createEvent(type, { n }, { aggregate_id: aggregate, sequence_number: sequence, correlation_id: correlation, source: 'conformance', timestamp: new Date(T0 + n * 4 * 60 * MINUTE).toISOString() }),
  );
}

async function all(events: AsyncIterable<StoredEvent>): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

const ns = (events: readonly StoredEvent[]): number[] => events.map((e) => (e.event.data as { n: number }).n);

for (const factory of BACKEND_FACTORIES) {
  describe(`StoreBackend conformance: ${factory.name}`, { skip: factory.unavailable?.() ?? false }, () => {
    async function filled(): Promise<StoreBackend> {
      const backend = await factory.open();
      await backend.append(sample());
      return backend;
    }

    it('reads an aggregate in sequence order, from a position, to a position, up to a limit', async () => {
      const backend = await filled();
      try {
        assert.deepEqual(ns(await all(backend.readAggregate('order_1'))), [3, 2, 8]);
        assert.deepEqual(ns(await all(backend.readAggregate('trader_2', { fromSequenceNumber: 2 }))), [4, 5, 9, 10]);
        assert.deepEqual(ns(await all(backend.readAggregate('trader_2', { fromSequenceNumber: 2, toSequenceNumber: 4 }))), [4, 5, 9]);
        assert.deepEqual(ns(await all(backend.readAggregate('trader_2', { limit: 2 }))), [0, 4]);
        assert.deepEqual(ns(await all(backend.readAggregate('nobody'))), []);
        const [first] = await all(backend.readAggregate('trader_10'));
        assert.deepEqual(JSON.parse(first.raw), JSON.parse(JSON.stringify(first.event)), 'the raw line is the event as stored');
      } finally {
        await backend.close();
      }
    });

    it('reads a correlation in store order', async () => {
      const backend = await filled();
      try {
        assert.deepEqual(ns(await all(backend.readCorrelation('c2'))), [2, 3, 5, 7, 8, 11]);
        assert.deepEqual(ns(await all(backend.readCorrelation('c9'))), []);
      } finally {
        await backend.close();
      }
    });

    it('reads a time range in store order, narrowed by type, paged by cursor', async () => {
      const backend = await filled();
      try {
        const since = T0 + 8 * 60 * MINUTE; // event 2
        const until = T0 + 36 * 60 * MINUTE; // event 9
        assert.deepEqual(ns(await all(backend.readRange({ since, until }))), [2, 3, 4, 5, 6, 7, 8, 9]);
        assert.deepEqual(ns(await all(backend.readRange({ since, until, eventTypes: ['risk_alert', 'order_placed'] }))), [2, 3, 4, 7, 8]);
        // Paging: each page continues after the last cursor of the one before, with nothing lost or repeated.
        const pages: number[][] = [];
        let after: StoredEvent['cursor'] | undefined;
        for (;;) {
          const page = await all(backend.readRange({ limit: 5, ...(after !== undefined ? { after } : {}) }));
          if (page.length === 0) break;
          pages.push(ns(page));
          after = page[page.length - 1].cursor;
        }
        assert.deepEqual(pages, [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9], [10, 11]]);
      } finally {
        await backend.close();
      }
    });

    it('lists aggregates in natural order, by prefix, paged', async () => {
      const backend = await filled();
      try {
        const firstPage = await backend.listAggregates({ limit: 2 });
        assert.deepEqual(firstPage.items.map((a) => a.aggregateId), ['order_1', 'trader_2']);
        assert.ok(firstPage.next !== undefined, 'a further page is announced');
        const secondPage = await backend.listAggregates({ limit: 2, after: firstPage.next });
        assert.deepEqual(secondPage.items.map((a) => a.aggregateId), ['trader_10']);
        assert.equal(secondPage.next, undefined, 'the last page has no next');
        const traders = await backend.listAggregates({ prefix: 'trader_', limit: 10 });
        // firstTime/lastTime are optional (given when the backend knows cheaply), exact when given.
        const expected = [
          { aggregateId: 'trader_2', events: 5, lastSequenceNumber: 5, firstTime: T0, lastTime: T0 + 40 * 60 * MINUTE },
          { aggregateId: 'trader_10', events: 4, lastSequenceNumber: 4, firstTime: T0 + 4 * 60 * MINUTE, lastTime: T0 + 44 * 60 * MINUTE },
        ];
        assert.deepEqual(
          traders.items,
          expected.map((want, i) => {
            const got = traders.items[i] ?? {};
            const { firstTime, lastTime, ...always } = want;
            return { ...always, ...('firstTime' in got ? { firstTime } : {}), ...('lastTime' in got ? { lastTime } : {}) };
          }),
        );
        assert.deepEqual((await backend.listAggregates({ prefix: 'zzz', limit: 10 })).items, []);
      } finally {
        await backend.close();
      }
    });

    it('counts events by type and by aggregate', async () => {
      const backend = await filled();
      try {
        assert.deepEqual(Object.fromEntries(await backend.countByType()), { trade_executed: 6, order_placed: 3, risk_alert: 3 });
        const counts = await backend.countEvents();
        assert.equal(counts.total, 12);
        assert.deepEqual(Object.fromEntries(counts.byAggregate), { trader_2: 5, trader_10: 4, order_1: 3 });
      } finally {
        await backend.close();
      }
    });

    it('appends with an expected version, and refuses a stale one', async () => {
      const backend = await filled();
      try {
        assert.ok(supports(backend.capabilities().append));
        const next = (sequence: number, n: number) => createEvent('order_placed', { n }, { aggregate_id: 'order_1', sequence_number: sequence, source: 'conformance', timestamp: new Date(T0 + 50 * 60 * MINUTE + n).toISOString() });
        assert.deepEqual(await backend.appendExpecting('order_1', 3, [next(4, 100), next(5, 101)]), { ok: true, lastSequenceNumber: 5 });
        assert.deepEqual(await backend.appendExpecting('order_1', 3, [next(6, 102)]), { ok: false, reason: 'version-mismatch', actualVersion: 5 });
        assert.deepEqual(await backend.appendExpecting('order_2', -1, [createEvent('order_placed', { n: 103 }, { aggregate_id: 'order_2', sequence_number: 1, source: 'conformance', timestamp: new Date(T0 + 51 * 60 * MINUTE).toISOString() })]), { ok: true, lastSequenceNumber: 1 });
        assert.deepEqual(await backend.appendExpecting('order_2', -1, [createEvent('order_placed', { n: 104 }, { aggregate_id: 'order_2', sequence_number: 1, source: 'conformance', timestamp: new Date(T0 + 52 * 60 * MINUTE).toISOString() })]), { ok: false, reason: 'version-mismatch', actualVersion: 1 });
        await assert.rejects(backend.appendExpecting('order_1', 5, [next(6, 105), createEvent('x', {}, { aggregate_id: 'other', sequence_number: 1 })]), /belongs to aggregate "other"/);
        assert.deepEqual(ns(await all(backend.readAggregate('order_1'))), [3, 2, 8, 100, 101], 'the refused appends wrote nothing');
        assert.deepEqual(ns(await all(backend.readAggregate('order_2'))), [103]);
      } finally {
        await backend.close();
      }
    });

    it('follows the store from a cursor: what is after it, then each append', async () => {
      const backend = await filled();
      const seen: number[] = [];
      let arrived: () => void = () => undefined;
      const waitFor = (count: number) =>
        new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`${factory.name}: saw ${JSON.stringify(seen)}, waited for ${count} events`)), 10_000);
          arrived = () => {
            if (seen.length >= count) {
              clearTimeout(timer);
              resolve();
            }
          };
          arrived();
        });
      const page = await all(backend.readRange({ limit: 9 }));
      const subscription = backend.subscribe(page[page.length - 1].cursor, (batch) => {
        seen.push(...ns(batch));
        arrived();
      });
      try {
        await waitFor(3);
        assert.deepEqual(seen, [9, 10, 11], 'only what lies after the cursor');
        await backend.append([createEvent('trade_executed', { n: 200 }, { aggregate_id: 'trader_2', sequence_number: 6, source: 'conformance', timestamp: new Date(T0 + 60 * 60 * MINUTE).toISOString() })]);
        await waitFor(4);
        assert.deepEqual(seen, [9, 10, 11, 200]);
      } finally {
        await subscription.stop();
        await backend.close();
      }
      const fromEnd = await filled();
      const late: number[] = [];
      const endSubscription = fromEnd.subscribe('end', (batch) => {
        late.push(...ns(batch));
      });
      try {
        await new Promise((resolve) => setTimeout(resolve, 300));
        assert.deepEqual(late, [], "'end' delivers nothing already stored");
      } finally {
        await endSubscription.stop();
        await fromEnd.close();
      }
    });

    it('refuses a cursor it did not hand out, plainly', async () => {
      const backend = await filled();
      try {
        await assert.rejects(all(backend.readRange({ after: cursorOf('not-a-position') })), /cursor/);
      } finally {
        await backend.close();
      }
    });
  });
}
