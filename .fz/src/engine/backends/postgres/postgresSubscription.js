"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.formatPosition = formatPosition;
exports.parsePosition = parsePosition;
exports.subscribePostgres = subscribePostgres;
const pg_1 = __importDefault(require("pg"));
const storeBackend_1 = require("../storeBackend");
const postgresLayout_1 = require("./postgresLayout");
/**
 * A PostgreSQL cursor: the global position, and the writing transaction's
 * id where the layout has one (`123@4567`), since live readers go in
 * (transaction, position) order: a position is taken when a transaction
 * inserts, not when it commits, so position order alone would skip a row
 * that commits after a higher one was read.
 */
function formatPosition(position, transactionId) {
    return (0, storeBackend_1.cursorOf)(transactionId === null ? String(position) : `${position}@${transactionId}`);
}
function parsePosition(cursor) {
    const match = /^(\d+)(?:@(\d+))?$/.exec(cursor);
    if (!match)
        throw new Error(`cursor ${JSON.stringify(cursor)} is not one this PostgreSQL store hands out (expected a number, or number@transaction)`);
    return { position: match[1], transactionId: match[2] ?? null };
}
/** Rows per batch delivered to a subscriber. */
const BATCH = 1_000;
/** A gap in the positions older than this is a rolled-back or filtered row, not a write in flight. */
const GAP_SETTLE = "interval '3 seconds'";
/**
 * Follows a store live. With transaction ids (the project's layout, Emmett)
 * it reads only rows of transactions below the oldest one still running
 * (`pg_snapshot_xmin(pg_current_snapshot())`), in (transaction, position)
 * order: every row it passes is committed, and none can appear behind it.
 * Without them (Marten, message-db) it reads positions in order and waits
 * at a gap until the gap is a few seconds old (a rolled-back insert), as
 * Marten's own high-water mark does. A NOTIFY wakes it at once; otherwise
 * it polls. When the server goes away it reports the error once, keeps
 * retrying and resumes from the last delivered row: nothing lost or doubled.
 */
function subscribePostgres(args) {
    const { layout: l, pool } = args;
    let stopped = false;
    let wake = null;
    let listener = null;
    const sleep = (ms) => new Promise((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
            clearTimeout(timer);
            wake = null;
            resolve();
        }
        wake = done;
    });
    const ensureListener = async () => {
        if (!args.listen || listener !== null)
            return;
        const client = new pg_1.default.Client({ connectionString: args.connectionString, connectionTimeoutMillis: 5_000 });
        client.on('notification', () => wake?.());
        client.on('error', () => {
            if (listener === client)
                listener = null;
            client.end().catch(() => { });
        });
        await client.connect();
        await client.query(`LISTEN ${postgresLayout_1.NOTIFY_CHANNEL}`);
        listener = client;
    };
    const dropListener = () => {
        const client = listener;
        listener = null;
        client?.end().catch(() => { });
    };
    const start = async () => {
        if (args.from === 'start')
            return { position: '0', transactionId: l.transactionId === null ? null : '0' };
        if (args.from === 'end') {
            if (l.transactionId === null) {
                const row = (await pool.query(`SELECT COALESCE(max(${l.position}), 0)::text AS p FROM ${l.table}`)).rows[0];
                return { position: row.p, transactionId: null };
            }
            const rows = (await pool.query(`SELECT ${l.position}::text AS p, ${l.transactionId}::text AS t FROM ${l.table} WHERE ${l.scope} AND ${l.transactionId} < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY ${l.transactionId} DESC, ${l.position} DESC LIMIT 1`)).rows;
            return rows.length > 0 ? { position: rows[0].p, transactionId: rows[0].t } : { position: '0', transactionId: '0' };
        }
        const parsed = parsePosition(args.from);
        if (l.transactionId === null || parsed.transactionId !== null)
            return parsed;
        const rows = (await pool.query(`SELECT ${l.transactionId}::text AS t FROM ${l.table} WHERE ${l.position} = $1`, [parsed.position])).rows;
        if (rows.length === 0)
            throw new Error(`position ${parsed.position} is not in the store: cannot follow from it`);
        return { position: parsed.position, transactionId: rows[0].t };
    };
    /** The rows to deliver after `key`, and the key to go on from (past rows out of scope, too). */
    const fetch = async (key) => {
        if (l.transactionId !== null) {
            const rows = (await pool.query(`SELECT ${l.position}::text AS eb_position, ${l.transactionId}::text AS eb_tx, ${l.columns} FROM ${l.table}
           WHERE ${l.scope} AND ${l.transactionId} < pg_snapshot_xmin(pg_current_snapshot()) AND (${l.transactionId}, ${l.position}) > ($1::xid8, $2::bigint)
           ORDER BY ${l.transactionId}, ${l.position} LIMIT ${BATCH}`, [key.transactionId ?? '0', key.position])).rows;
            const last = rows[rows.length - 1];
            return { rows, next: last ? { position: last.eb_position, transactionId: last.eb_tx } : key };
        }
        // Unscoped positions, so rows outside the scope (archived, another tenant) are no gap.
        const rows = (await pool.query(`SELECT ${l.position}::text AS eb_position, NULL AS eb_tx, (${l.scope}) AS eb_in_scope, (${l.writtenAt} < now() - ${GAP_SETTLE}) AS eb_settled, ${l.columns} FROM ${l.table}
         WHERE ${l.position} > $1::bigint ORDER BY ${l.position} LIMIT ${BATCH}`, [key.position])).rows;
        const taken = [];
        let next = key;
        let expected = BigInt(key.position) + 1n;
        for (const row of rows) {
            const position = BigInt(row.eb_position);
            // A gap before a row written only now may be a transaction still running: stop there and look again.
            if (position !== expected && !row.eb_settled)
                break;
            expected = position + 1n;
            next = { position: row.eb_position, transactionId: null };
            if (row.eb_in_scope)
                taken.push(row);
        }
        return { rows: taken, next };
    };
    const done = (async () => {
        let key = null;
        let failing = false;
        while (!stopped) {
            let full = false;
            try {
                await ensureListener();
                key ??= await start();
                const { rows, next } = await fetch(key);
                if (stopped)
                    break;
                const batch = [];
                for (const row of rows) {
                    try {
                        batch.push({ ...l.toRaw(row), cursor: formatPosition(row.eb_position, row.eb_tx) });
                    }
                    catch (error) {
                        // A row that is no event (nested beyond the limit, say) is named and passed, never retried forever.
                        args.onError?.(error);
                    }
                }
                full = next.position !== key.position; // more may wait: look again at once
                key = next;
                failing = false;
                // The subscriber's own failure is reported, not retried: a batch is delivered once.
                if (batch.length > 0)
                    await Promise.resolve(args.onEvents(batch)).catch((error) => args.onError?.(error));
            }
            catch (error) {
                if (!failing)
                    args.onError?.(args.describeError(error));
                failing = true;
                // A new LISTEN connection after the outage (this one may be dead).
                dropListener();
            }
            if (!full && !stopped)
                await sleep(failing ? Math.max(args.pollIntervalMs, 1_000) : args.pollIntervalMs);
        }
    })();
    return {
        async stop() {
            stopped = true;
            wake?.();
            await done;
            dropListener();
        },
    };
}
//# sourceMappingURL=postgresSubscription.js.map