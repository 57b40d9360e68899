import type pg from 'pg';
import type { Event } from '../../model/event';
import type { Snapshot, SnapshotRef } from '../../model/snapshotTypes';
import { naturalCompare } from '../../model/naturalOrder';
import type { EventCounts, EventQuery, StorageHealth } from '../../store/storage';
import type {
  AggregatePageRequest,
  AggregateSummary,
  BackendCapabilities,
  Cursor,
  ExpectedAppendOutcome,
  Page,
  RangeRequest,
  SequenceWindow,
  StoreBackend,
  StoredEvent,
  Subscription,
  Support,
} from '../storeBackend';
import { redactUrl } from '../storeLocation';
import { detectLayout } from './detectLayout';
import { describePostgresError } from './postgresErrors';
import { layoutStatements } from './postgresLayout';
import { openPool, PostgresEventStorage } from './postgresStorage';
import { formatPosition, parsePosition, subscribePostgres } from './postgresSubscription';
import type { LayoutRow, PostgresLayoutName, SqlEventLayout } from './sqlEventLayout';

export interface PostgresBackendOptions {
  /** Allow appends and snapshots (the project's own layout only). Default: read-only. */
  readonly write?: boolean;
  /** Create the project's layout when the database holds none (implies `write`). */
  readonly create?: boolean;
  /** Connection timeout, ms (default 5,000): an unreachable host fails instead of hanging. */
  readonly connectTimeoutMs?: number;
  /** Read this layout instead of detecting one (e.g. a database that holds two). */
  readonly layout?: PostgresLayoutName;
  /** How often a live reader polls when no NOTIFY arrives (default 500 ms). */
  readonly pollIntervalMs?: number;
}

/** Rows per round trip of a streamed read in store order. */
const PAGE = 1_000;
/** Rows per round trip of one aggregate's read: most aggregates in one trip (each round trip costs more than the rows). */
const AGGREGATE_PAGE = 10_000;

/**
 * Opens a PostgreSQL event store through the backend seam: the project's own
 * layout, or (read-only, creating nothing) an Emmett, Marten or message-db
 * store, detected from its tables. Fails with one clear line (wrong password,
 * unreachable host within the connect timeout, no event tables).
 */
export async function openPostgresBackend(url: string, options: PostgresBackendOptions = {}): Promise<StoreBackend> {
  const { pool, schema, connectionString } = openPool(url, options.connectTimeoutMs, 3);
  try {
    if (options.create) for (const statement of layoutStatements(schema)) await pool.query(statement);
    const layout = await detectLayout(pool, schema, options.layout);
    const own = layout.name === 'eventbus' ? PostgresEventStorage.over(url, pool, schema) : null;
    const replica = ((await pool.query('SELECT pg_is_in_recovery() AS replica')).rows[0] as { replica: boolean }).replica;
    return new PostgresBackend(url, connectionString, pool, layout, own, replica ? 'replica' : options.write || options.create ? 'writable' : 'read-only', options);
  } catch (error) {
    await pool.end().catch(() => {});
    throw (error as Error).message?.startsWith(redactUrl(url)) ? error : describePostgresError(url, error);
  }
}

class PostgresBackend implements StoreBackend {
  readonly kind = 'postgres';
  readonly description: string;

  constructor(
    private readonly url: string,
    private readonly connectionString: string,
    private readonly pool: pg.Pool,
    private readonly layout: SqlEventLayout,
    /** The project's own layout's writer (appends, snapshots); null for the read-only layouts. */
    private readonly own: PostgresEventStorage | null,
    /** A streaming replica is read-only whatever was asked, and gets no NOTIFY (LISTEN is refused during recovery). */
    private readonly access: 'writable' | 'read-only' | 'replica',
    private readonly options: PostgresBackendOptions,
  ) {
    this.description = `${redactUrl(url)} (${layout.name} layout${access === 'replica' ? ', read-only replica' : ''})`;
  }

  capabilities(): BackendCapabilities {
    const l = this.layout;
    const byIndex = (question: keyof SqlEventLayout['indexes']): Support => (l.indexes[question].indexed ? { how: 'native' } : { how: 'unindexed', advice: l.indexes[question].advice });
    const notes = [...l.notes];
    if (this.access === 'replica') notes.push('a streaming replica: read-only, and live reads poll (NOTIFY does not reach replicas)');
    if (l.lacks.length > 0) notes.push(`the ${l.name} layout does not store ${l.lacks.join(', ')}: shown with the guide's defaults`);
    return {
      aggregateReads: { how: 'native' },
      correlationReads: byIndex('correlation'),
      timeRanges: byIndex('time'),
      countsByType: { how: 'native' },
      subscribe: this.listens() ? { how: 'native' } : { how: 'engine', why: `${this.access === 'replica' ? 'a replica gets no NOTIFY' : `the ${l.name} layout sends no NOTIFY`}: polled every ${this.pollIntervalMs()} ms` },
      snapshots: this.own ? { how: 'native' } : { how: 'unsupported', why: `the ${l.name} layout keeps no snapshots the guide's bus reads` },
      append: !this.own
        ? { how: 'unsupported', why: `the ${l.name} layout is read-only here (its own library writes it)` }
        : this.access === 'writable'
          ? { how: 'native' }
          : { how: 'unsupported', why: this.access === 'replica' ? 'a streaming replica is read-only: write to its primary' : 'opened read-only: a command that names an expected version opens it for writing' },
      lineLocations: { how: 'unsupported', why: 'events in a database have no day file and line: they open as documents' },
      notes,
    };
  }

  async listAggregates(request: AggregatePageRequest): Promise<Page<AggregateSummary>> {
    const l = this.layout;
    const params: unknown[] = [];
    const where = [l.scope, `${l.aggregate} IS NOT NULL`, `${l.aggregate} <> ''`];
    if (request.prefix) where.push(`starts_with(${l.aggregate}, $${params.push(request.prefix)})`);
    // Natural order (trader_2 before trader_10) has no SQL collation that needs
    // no CREATE: the groups are sorted here, then paged by the last id.
    const rows = await this.run<{ id: string; n: string; last: string | null }>(
      `SELECT ${l.aggregate} AS id, count(*) AS n, max(${l.sequence}) AS last FROM ${l.table} WHERE ${where.join(' AND ')} GROUP BY 1`,
      params,
    );
    const sorted = rows.map((row) => ({ aggregateId: row.id, events: Number(row.n), lastSequenceNumber: row.last === null ? -1 : Number(row.last) })).sort((a, b) => naturalCompare(a.aggregateId, b.aggregateId));
    const start = request.after === undefined ? 0 : sorted.findIndex((summary) => naturalCompare(summary.aggregateId, request.after as string) > 0);
    if (start < 0) return { items: [] };
    const items = sorted.slice(start, start + request.limit);
    const more = start + request.limit < sorted.length;
    return more ? { items, next: items[items.length - 1].aggregateId } : { items };
  }

  async *readAggregate(aggregateId: string, window: SequenceWindow = {}): AsyncIterable<StoredEvent> {
    const l = this.layout;
    const conditions = [`${l.aggregate} = $1`];
    const params: unknown[] = [aggregateId];
    if (window.fromSequenceNumber !== undefined) conditions.push(`${l.sequence} >= $${params.push(window.fromSequenceNumber)}`);
    if (window.toSequenceNumber !== undefined) conditions.push(`${l.sequence} <= $${params.push(window.toSequenceNumber)}`);
    yield* this.pages(conditions, params, 'sequence', window.limit);
  }

  async *readCorrelation(correlationId: string): AsyncIterable<StoredEvent> {
    yield* this.pages([`${this.layout.correlation} = $1`], [correlationId], 'position');
  }

  async *readRange(request: RangeRequest): AsyncIterable<StoredEvent> {
    const l = this.layout;
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (request.after !== undefined) conditions.push(`${l.position} > $${params.push(parsePosition(request.after).position)}`);
    if (request.since !== undefined) conditions.push(l.timeFrom(`$${params.push(request.since)}`));
    if (request.until !== undefined) conditions.push(l.timeTo(`$${params.push(request.until)}`));
    if (request.eventTypes !== undefined) conditions.push(`${l.eventType} = ANY($${params.push(request.eventTypes)}::text[])`);
    yield* this.pages(conditions, params, 'position', request.limit);
  }

  async countByType(): Promise<ReadonlyMap<string, number>> {
    const l = this.layout;
    const rows = await this.run<{ type: string; n: string }>(`SELECT ${l.eventType} AS type, count(*) AS n FROM ${l.table} WHERE ${l.scope} GROUP BY 1`, []);
    return new Map(rows.map((row) => [row.type, Number(row.n)]));
  }

  async countEvents(): Promise<EventCounts> {
    const l = this.layout;
    const rows = await this.run<{ id: string | null; n: string }>(`SELECT ${l.aggregate} AS id, count(*) AS n FROM ${l.table} WHERE ${l.scope} GROUP BY 1`, []);
    let total = 0;
    const byAggregate = new Map<string, number>();
    for (const row of rows) {
      total += Number(row.n);
      if (row.id !== null && row.id !== '') byAggregate.set(row.id, Number(row.n));
    }
    return { total, byAggregate };
  }

  subscribe(from: Cursor | 'start' | 'end', onEvents: (events: readonly StoredEvent[]) => void | Promise<void>, onError?: (error: Error) => void): Subscription {
    return subscribePostgres({
      pool: this.pool,
      connectionString: this.connectionString,
      layout: this.layout,
      from,
      pollIntervalMs: this.pollIntervalMs(),
      listen: this.listens(),
      describeError: (error) => describePostgresError(this.url, error),
      onEvents,
      onError,
    });
  }

  async appendExpecting(aggregateId: string, expectedVersion: number, events: readonly Event[]): Promise<ExpectedAppendOutcome> {
    const refusal = this.writeRefusal();
    if (refusal !== null || !this.own) return { ok: false, reason: 'read-only', detail: refusal ?? '' };
    return this.own.appendExpecting(aggregateId, expectedVersion, events);
  }

  async append(events: readonly Event[]): Promise<void> {
    await this.writer().append(events);
  }

  async *query(query: EventQuery): AsyncIterable<Event> {
    const l = this.layout;
    const limit = query.limit ?? Number.POSITIVE_INFINITY;
    if (limit <= 0) return;
    const conditions: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (p: string) => string, value: unknown) => conditions.push(sql(`$${params.push(value)}`));
    if (query.aggregateId !== undefined) add((p) => `${l.aggregate} = ${p}`, query.aggregateId);
    if (query.correlationId !== undefined) add((p) => `${l.correlation} = ${p}`, query.correlationId);
    if (query.eventType !== undefined) add((p) => `${l.eventType} = ${p}`, query.eventType);
    if (query.source !== undefined) add((p) => (l.source === null ? `${p}::text IS NULL` : `${l.source} = ${p}`), query.source);
    if (query.since !== undefined) add(l.timeFrom, query.since);
    if (query.until !== undefined) add(l.timeTo, query.until);
    if (query.fromSequenceNumber !== undefined) add((p) => `${l.sequence} >= ${p}`, query.fromSequenceNumber);
    if (query.toSequenceNumber !== undefined) add((p) => `${l.sequence} <= ${p}`, query.toSequenceNumber);
    for await (const stored of this.pages(conditions, params, query.aggregateId !== undefined ? 'sequence' : 'position', query.limit)) yield stored.event;
  }

  async getEvent(eventId: string): Promise<Event | undefined> {
    const l = this.layout;
    const rows = await this.run<LayoutRow>(`SELECT ${l.columns} FROM ${l.table} WHERE ${l.scope} AND ${l.eventId} = $1 LIMIT 1`, [eventId]);
    return rows.length > 0 ? l.toRaw(rows[0]).event : undefined;
  }

  async lastSequence(aggregateId?: string): Promise<number> {
    const l = this.layout;
    const rows =
      aggregateId === undefined
        ? await this.run<{ last: string | null }>(`SELECT max(${l.sequence}) AS last FROM ${l.table} WHERE ${l.scope}`, [])
        : await this.run<{ last: string | null }>(`SELECT max(${l.sequence}) AS last FROM ${l.table} WHERE ${l.scope} AND ${l.aggregate} = $1`, [aggregateId]);
    return rows[0]?.last === null || rows[0]?.last === undefined ? -1 : Number(rows[0].last);
  }

  async saveSnapshot(snapshot: Snapshot): Promise<SnapshotRef> {
    return this.writer().saveSnapshot(snapshot);
  }

  async listSnapshots(aggregateId?: string): Promise<readonly SnapshotRef[]> {
    return this.own ? this.own.listSnapshots(aggregateId) : [];
  }

  async loadSnapshot(ref: SnapshotRef): Promise<Snapshot> {
    if (!this.own) throw new Error(`${this.description}: keeps no snapshots`);
    return this.own.loadSnapshot(ref);
  }

  async health(): Promise<StorageHealth> {
    try {
      const rows = await this.run<{ n: string }>(`SELECT count(*) AS n FROM ${this.layout.table} WHERE ${this.layout.scope}`, []);
      return { healthy: true, detail: `PostgreSQL ${this.description}`, events: Number(rows[0].n) };
    } catch (error) {
      return { healthy: false, detail: (error as Error).message };
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private pollIntervalMs(): number {
    return this.options.pollIntervalMs ?? 500;
  }

  /** NOTIFY comes from the project's layout's trigger, and never to a replica. */
  private listens(): boolean {
    return this.layout.name === 'eventbus' && this.access !== 'replica';
  }

  private writeRefusal(): string | null {
    if (!this.own) return `${this.description}: the ${this.layout.name} layout is read-only here`;
    if (this.access === 'replica') return `${this.description}: a streaming replica is read-only: write to its primary`;
    if (this.access !== 'writable') return `${this.description}: opened read-only (open it for writing to append)`;
    return null;
  }

  private writer(): PostgresEventStorage {
    const refusal = this.writeRefusal();
    if (refusal !== null || !this.own) throw new Error(refusal ?? this.description);
    return this.own;
  }

  /**
   * Streams matching rows by keyset pages: by global position, or by
   * (sequence, position) within an aggregate, never holding a whole result.
   */
  private async *pages(conditions: readonly string[], params: readonly unknown[], order: 'position' | 'sequence', limit = Number.POSITIVE_INFINITY): AsyncIterable<StoredEvent> {
    const l = this.layout;
    if (limit <= 0) return;
    const sequenceKey = `COALESCE(${l.sequence}, -1)`;
    const tx = l.transactionId === null ? 'NULL' : `${l.transactionId}::text`;
    let after: { sequence: number; position: string } | null = null;
    let yielded = 0;
    for (;;) {
      const pageParams = [...params];
      const keyset: string =
        after === null
          ? 'TRUE'
          : order === 'sequence'
            ? `(${sequenceKey}, ${l.position}) > ($${pageParams.push(after.sequence)}, $${pageParams.push(after.position)}::bigint)`
            : `${l.position} > $${pageParams.push(after.position)}::bigint`;
      const orderBy = order === 'sequence' ? `${sequenceKey}, ${l.position}` : l.position;
      type PageRow = LayoutRow & { eb_position: string; eb_sequence: string; eb_tx: string | null };
      const pageSize = Math.min(order === 'sequence' ? AGGREGATE_PAGE : PAGE, limit - yielded);
      const rows: PageRow[] = await this.run<PageRow>(
        `SELECT ${l.position} AS eb_position, ${sequenceKey} AS eb_sequence, ${tx} AS eb_tx, ${l.columns} FROM ${l.table} WHERE ${[l.scope, ...conditions, keyset].join(' AND ')} ORDER BY ${orderBy} LIMIT ${pageSize}`,
        pageParams,
      );
      for (const row of rows) {
        yield { ...l.toRaw(row), cursor: formatPosition(row.eb_position, row.eb_tx) };
        if (++yielded >= limit) return;
      }
      if (rows.length < pageSize) return;
      const last: PageRow = rows[rows.length - 1];
      after = { sequence: Number(last.eb_sequence), position: String(last.eb_position) };
    }
  }

  private async run<Row extends object>(sql: string, params: readonly unknown[]): Promise<Row[]> {
    try {
      return (await this.pool.query(sql, params as unknown[])).rows as Row[];
    } catch (error) {
      throw describePostgresError(this.url, error);
    }
  }
}
