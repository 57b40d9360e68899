"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.openPostgresBackend = openPostgresBackend;
const naturalOrder_1 = require("../../model/naturalOrder");
const storeLocation_1 = require("../storeLocation");
const detectLayout_1 = require("./detectLayout");
const postgresErrors_1 = require("./postgresErrors");
const postgresLayout_1 = require("./postgresLayout");
const postgresStorage_1 = require("./postgresStorage");
const postgresSubscription_1 = require("./postgresSubscription");
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
async function openPostgresBackend(url, options = {}) {
    const { pool, schema, connectionString } = (0, postgresStorage_1.openPool)(url, options.connectTimeoutMs, 3);
    try {
        if (options.create)
            for (const statement of (0, postgresLayout_1.layoutStatements)(schema))
                await pool.query(statement);
        const layout = await (0, detectLayout_1.detectLayout)(pool, schema, options.layout);
        const own = layout.name === 'eventbus' ? postgresStorage_1.PostgresEventStorage.over(url, pool, schema) : null;
        const replica = (await pool.query('SELECT pg_is_in_recovery() AS replica')).rows[0].replica;
        return new PostgresBackend(url, connectionString, pool, layout, own, replica ? 'replica' : options.write || options.create ? 'writable' : 'read-only', options);
    }
    catch (error) {
        await pool.end().catch(() => { });
        throw error.message?.startsWith((0, storeLocation_1.redactUrl)(url)) ? error : (0, postgresErrors_1.describePostgresError)(url, error);
    }
}
class PostgresBackend {
    url;
    connectionString;
    pool;
    layout;
    own;
    access;
    options;
    kind = 'postgres';
    description;
    constructor(url, connectionString, pool, layout, 
    /** The project's own layout's writer (appends, snapshots); null for the read-only layouts. */
    own, 
    /** A streaming replica is read-only whatever was asked, and gets no NOTIFY (LISTEN is refused during recovery). */
    access, options) {
        this.url = url;
        this.connectionString = connectionString;
        this.pool = pool;
        this.layout = layout;
        this.own = own;
        this.access = access;
        this.options = options;
        this.description = `${(0, storeLocation_1.redactUrl)(url)} (${layout.name} layout${access === 'replica' ? ', read-only replica' : ''})`;
    }
    capabilities() {
        const l = this.layout;
        const byIndex = (question) => (l.indexes[question].indexed ? { how: 'native' } : { how: 'unindexed', advice: l.indexes[question].advice });
        const notes = [...l.notes];
        if (this.access === 'replica')
            notes.push('a streaming replica: read-only, and live reads poll (NOTIFY does not reach replicas)');
        if (l.lacks.length > 0)
            notes.push(`the ${l.name} layout does not store ${l.lacks.join(', ')}: shown with the guide's defaults`);
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
    async listAggregates(request) {
        const l = this.layout;
        const params = [];
        const where = [l.scope, `${l.aggregate} IS NOT NULL`, `${l.aggregate} <> ''`];
        if (request.prefix)
            where.push(`starts_with(${l.aggregate}, $${params.push(request.prefix)})`);
        // Natural order (trader_2 before trader_10) has no SQL collation that needs
        // no CREATE: the groups are sorted here, then paged by the last id.
        const rows = await this.run(`SELECT ${l.aggregate} AS id, count(*) AS n, max(${l.sequence}) AS last FROM ${l.table} WHERE ${where.join(' AND ')} GROUP BY 1`, params);
        const sorted = rows.map((row) => ({ aggregateId: row.id, events: Number(row.n), lastSequenceNumber: row.last === null ? -1 : Number(row.last) })).sort((a, b) => (0, naturalOrder_1.naturalCompare)(a.aggregateId, b.aggregateId));
        const start = request.after === undefined ? 0 : sorted.findIndex((summary) => (0, naturalOrder_1.naturalCompare)(summary.aggregateId, request.after) > 0);
        if (start < 0)
            return { items: [] };
        const items = sorted.slice(start, start + request.limit);
        const more = start + request.limit < sorted.length;
        return more ? { items, next: items[items.length - 1].aggregateId } : { items };
    }
    async *readAggregate(aggregateId, window = {}) {
        const l = this.layout;
        const conditions = [`${l.aggregate} = $1`];
        const params = [aggregateId];
        if (window.fromSequenceNumber !== undefined)
            conditions.push(`${l.sequence} >= $${params.push(window.fromSequenceNumber)}`);
        if (window.toSequenceNumber !== undefined)
            conditions.push(`${l.sequence} <= $${params.push(window.toSequenceNumber)}`);
        yield* this.pages(conditions, params, 'sequence', window.limit);
    }
    async *readCorrelation(correlationId) {
        yield* this.pages([`${this.layout.correlation} = $1`], [correlationId], 'position');
    }
    async *readRange(request) {
        const l = this.layout;
        const conditions = [];
        const params = [];
        if (request.after !== undefined)
            conditions.push(`${l.position} > $${params.push((0, postgresSubscription_1.parsePosition)(request.after).position)}`);
        if (request.since !== undefined)
            conditions.push(l.timeFrom(`$${params.push(request.since)}`));
        if (request.until !== undefined)
            conditions.push(l.timeTo(`$${params.push(request.until)}`));
        if (request.eventTypes !== undefined)
            conditions.push(`${l.eventType} = ANY($${params.push(request.eventTypes)}::text[])`);
        yield* this.pages(conditions, params, 'position', request.limit);
    }
    async countByType() {
        const l = this.layout;
        const rows = await this.run(`SELECT ${l.eventType} AS type, count(*) AS n FROM ${l.table} WHERE ${l.scope} GROUP BY 1`, []);
        return new Map(rows.map((row) => [row.type, Number(row.n)]));
    }
    async countEvents() {
        const l = this.layout;
        const rows = await this.run(`SELECT ${l.aggregate} AS id, count(*) AS n FROM ${l.table} WHERE ${l.scope} GROUP BY 1`, []);
        let total = 0;
        const byAggregate = new Map();
        for (const row of rows) {
            total += Number(row.n);
            if (row.id !== null && row.id !== '')
                byAggregate.set(row.id, Number(row.n));
        }
        return { total, byAggregate };
    }
    subscribe(from, onEvents, onError) {
        return (0, postgresSubscription_1.subscribePostgres)({
            pool: this.pool,
            connectionString: this.connectionString,
            layout: this.layout,
            from,
            pollIntervalMs: this.pollIntervalMs(),
            listen: this.listens(),
            describeError: (error) => (0, postgresErrors_1.describePostgresError)(this.url, error),
            onEvents,
            onError,
        });
    }
    async appendExpecting(aggregateId, expectedVersion, events) {
        const refusal = this.writeRefusal();
        if (refusal !== null || !this.own)
            return { ok: false, reason: 'read-only', detail: refusal ?? '' };
        return this.own.appendExpecting(aggregateId, expectedVersion, events);
    }
    async append(events) {
        await this.writer().append(events);
    }
    async *query(query) {
        const l = this.layout;
        const limit = query.limit ?? Number.POSITIVE_INFINITY;
        if (limit <= 0)
            return;
        const conditions = [];
        const params = [];
        const add = (sql, value) => conditions.push(sql(`$${params.push(value)}`));
        if (query.aggregateId !== undefined)
            add((p) => `${l.aggregate} = ${p}`, query.aggregateId);
        if (query.correlationId !== undefined)
            add((p) => `${l.correlation} = ${p}`, query.correlationId);
        if (query.eventType !== undefined)
            add((p) => `${l.eventType} = ${p}`, query.eventType);
        if (query.source !== undefined)
            add((p) => (l.source === null ? `${p}::text IS NULL` : `${l.source} = ${p}`), query.source);
        if (query.since !== undefined)
            add(l.timeFrom, query.since);
        if (query.until !== undefined)
            add(l.timeTo, query.until);
        if (query.fromSequenceNumber !== undefined)
            add((p) => `${l.sequence} >= ${p}`, query.fromSequenceNumber);
        if (query.toSequenceNumber !== undefined)
            add((p) => `${l.sequence} <= ${p}`, query.toSequenceNumber);
        for await (const stored of this.pages(conditions, params, query.aggregateId !== undefined ? 'sequence' : 'position', query.limit))
            yield stored.event;
    }
    async getEvent(eventId) {
        const l = this.layout;
        const rows = await this.run(`SELECT ${l.columns} FROM ${l.table} WHERE ${l.scope} AND ${l.eventId} = $1 LIMIT 1`, [eventId]);
        return rows.length > 0 ? l.toRaw(rows[0]).event : undefined;
    }
    async lastSequence(aggregateId) {
        const l = this.layout;
        const rows = aggregateId === undefined
            ? await this.run(`SELECT max(${l.sequence}) AS last FROM ${l.table} WHERE ${l.scope}`, [])
            : await this.run(`SELECT max(${l.sequence}) AS last FROM ${l.table} WHERE ${l.scope} AND ${l.aggregate} = $1`, [aggregateId]);
        return rows[0]?.last === null || rows[0]?.last === undefined ? -1 : Number(rows[0].last);
    }
    async saveSnapshot(snapshot) {
        return this.writer().saveSnapshot(snapshot);
    }
    async listSnapshots(aggregateId) {
        return this.own ? this.own.listSnapshots(aggregateId) : [];
    }
    async loadSnapshot(ref) {
        if (!this.own)
            throw new Error(`${this.description}: keeps no snapshots`);
        return this.own.loadSnapshot(ref);
    }
    async health() {
        try {
            const rows = await this.run(`SELECT count(*) AS n FROM ${this.layout.table} WHERE ${this.layout.scope}`, []);
            return { healthy: true, detail: `PostgreSQL ${this.description}`, events: Number(rows[0].n) };
        }
        catch (error) {
            return { healthy: false, detail: error.message };
        }
    }
    async close() {
        await this.pool.end();
    }
    pollIntervalMs() {
        return this.options.pollIntervalMs ?? 500;
    }
    /** NOTIFY comes from the project's layout's trigger, and never to a replica. */
    listens() {
        return this.layout.name === 'eventbus' && this.access !== 'replica';
    }
    writeRefusal() {
        if (!this.own)
            return `${this.description}: the ${this.layout.name} layout is read-only here`;
        if (this.access === 'replica')
            return `${this.description}: a streaming replica is read-only: write to its primary`;
        if (this.access !== 'writable')
            return `${this.description}: opened read-only (open it for writing to append)`;
        return null;
    }
    writer() {
        const refusal = this.writeRefusal();
        if (refusal !== null || !this.own)
            throw new Error(refusal ?? this.description);
        return this.own;
    }
    /**
     * Streams matching rows by keyset pages: by global position, or by
     * (sequence, position) within an aggregate, never holding a whole result.
     */
    async *pages(conditions, params, order, limit = Number.POSITIVE_INFINITY) {
        const l = this.layout;
        if (limit <= 0)
            return;
        const sequenceKey = `COALESCE(${l.sequence}, -1)`;
        const tx = l.transactionId === null ? 'NULL' : `${l.transactionId}::text`;
        let after = null;
        let yielded = 0;
        for (;;) {
            const pageParams = [...params];
            const keyset = after === null
                ? 'TRUE'
                : order === 'sequence'
                    ? `(${sequenceKey}, ${l.position}) > ($${pageParams.push(after.sequence)}, $${pageParams.push(after.position)}::bigint)`
                    : `${l.position} > $${pageParams.push(after.position)}::bigint`;
            const orderBy = order === 'sequence' ? `${sequenceKey}, ${l.position}` : l.position;
            const pageSize = Math.min(order === 'sequence' ? AGGREGATE_PAGE : PAGE, limit - yielded);
            const rows = await this.run(`SELECT ${l.position} AS eb_position, ${sequenceKey} AS eb_sequence, ${tx} AS eb_tx, ${l.columns} FROM ${l.table} WHERE ${[l.scope, ...conditions, keyset].join(' AND ')} ORDER BY ${orderBy} LIMIT ${pageSize}`, pageParams);
            for (const row of rows) {
                yield { ...l.toRaw(row), cursor: (0, postgresSubscription_1.formatPosition)(row.eb_position, row.eb_tx) };
                if (++yielded >= limit)
                    return;
            }
            if (rows.length < pageSize)
                return;
            const last = rows[rows.length - 1];
            after = { sequence: Number(last.eb_sequence), position: String(last.eb_position) };
        }
    }
    async run(sql, params) {
        try {
            return (await this.pool.query(sql, params)).rows;
        }
        catch (error) {
            throw (0, postgresErrors_1.describePostgresError)(this.url, error);
        }
    }
}
//# sourceMappingURL=postgresBackend.js.map