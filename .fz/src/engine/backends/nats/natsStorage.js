"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NatsEventStorage = void 0;
const jetstream_1 = require("@nats-io/jetstream");
const kv_1 = require("@nats-io/kv");
const transport_node_1 = require("@nats-io/transport-node");
const event_1 = require("../../model/event");
const layout_1 = require("../../store/layout");
const queryMatch_1 = require("../../store/queryMatch");
const storeLocation_1 = require("../storeLocation");
const subjectLayout_1 = require("./subjectLayout");
/**
 * An `EventStorage` over a NATS JetStream stream (`nats://host:port?stream=S&prefix=P`).
 * Global order is the stream sequence; an aggregate is one literal subject
 * (subjectLayout.ts); each message is the event's line as written, with the
 * event id as its `Nats-Msg-Id` (the server drops a repeat within its
 * duplicate window); snapshots live in the KV bucket `<stream>_snapshots`.
 * Appends name the expected last sequence of the aggregate's subject.
 */
class NatsEventStorage {
    url;
    nc;
    js;
    jsm;
    stream;
    prefix;
    snapshots;
    kind = 'nats-jetstream';
    constructor(url, nc, js, jsm, stream, prefix, snapshots) {
        this.url = url;
        this.nc = nc;
        this.js = js;
        this.jsm = jsm;
        this.stream = stream;
        this.prefix = prefix;
        this.snapshots = snapshots;
    }
    static async open(url, options = {}) {
        const parsed = new URL(url);
        const stream = parsed.searchParams.get('stream') ?? 'EVENTS';
        const prefix = parsed.searchParams.get('prefix') ?? stream.toLowerCase();
        let nc;
        try {
            nc = await (0, transport_node_1.connect)({ servers: `${parsed.hostname}:${parsed.port || '4222'}`, user: parsed.username || undefined, pass: parsed.password ? decodeURIComponent(parsed.password) : undefined, timeout: options.connectTimeoutMs ?? 5_000, reconnect: false });
        }
        catch (error) {
            throw new Error(`${(0, storeLocation_1.redactUrl)(url)}: cannot connect (${error.message})`);
        }
        try {
            const jsm = await (0, jetstream_1.jetstreamManager)(nc);
            if (options.create)
                await ensureStream(jsm, stream, prefix);
            else
                await jsm.streams.info(stream).catch(() => {
                    throw new Error(`the stream "${stream}" does not exist (eventbus copy --to creates it)`);
                });
            const kvm = new kv_1.Kvm(nc);
            const bucket = `${stream}_snapshots`;
            const snapshots = options.create ? await kvm.create(bucket) : await kvm.open(bucket).catch(() => null);
            return new NatsEventStorage(url, nc, (0, jetstream_1.jetstream)(nc), jsm, stream, prefix, snapshots);
        }
        catch (error) {
            await nc.close().catch(() => { });
            throw new Error(`${(0, storeLocation_1.redactUrl)(url)}: ${error.message}`);
        }
    }
    /** The connection and JetStream clients, for the backend seam (natsBackend.ts) that reads beside this storage. */
    clients() {
        return { nc: this.nc, js: this.js, jsm: this.jsm };
    }
    /** Whether the snapshot bucket exists (a store opened read-only may have none). */
    hasSnapshots() {
        return this.snapshots !== null;
    }
    /** The server's version: Debian's 2.9 lacks what 2.11 adds (the cross-subject expected sequence). */
    serverVersion() {
        return this.nc.info?.version ?? 'unknown';
    }
    describe() {
        return (0, storeLocation_1.redactUrl)(this.url);
    }
    async append(events) {
        for (const event of events) {
            const subject = (0, subjectLayout_1.subjectOf)(this.prefix, event.metadata.aggregate_id);
            const last = await this.lastMessageOn(subject);
            try {
                await this.js.publish(subject, (0, event_1.serializeEvent)(event), { msgID: event.metadata.event_id, expect: { lastSubjectSequence: last?.seq ?? 0 } });
            }
            catch (error) {
                throw new Error(`${this.describe()}: appending to aggregate ${event.metadata.aggregate_id}: ${error.message} (expected version conflict)`);
            }
        }
    }
    /** Publishes lines as written, a batch at a time (pipelined: the stream keeps their order); repeats of an event id are dropped by the server. */
    async appendRaw(records) {
        const acks = await Promise.all(records.map(({ event, raw }) => this.js.publish((0, subjectLayout_1.subjectOf)(this.prefix, event.metadata.aggregate_id), raw, { msgID: event.metadata.event_id })));
        const alreadyThere = acks.filter((ack) => ack.duplicate).length;
        return { inserted: acks.length - alreadyThere, alreadyThere, conflicts: [] };
    }
    async *query(query) {
        for await (const { event } of this.queryRaw(query))
            yield event;
    }
    /**
     * Reads by an ordered consumer on one literal subject for an aggregate (then
     * sorted by sequence, as EventQuery says), else the whole stream in stream
     * order; the other fields are checked here (JetStream cannot filter on them).
     */
    async *queryRaw(query) {
        const limit = query.limit ?? Number.POSITIVE_INFINITY;
        if (limit <= 0)
            return;
        const subject = query.aggregateId !== undefined ? (0, subjectLayout_1.subjectOf)(this.prefix, query.aggregateId) : `${this.prefix}.>`;
        const matching = async function* (messages) {
            for await (const message of messages) {
                const raw = message.string();
                const event = (0, event_1.freezeEvent)(JSON.parse(raw));
                if ((0, queryMatch_1.eventMatchesQuery)(event, query))
                    yield { event, raw };
            }
        };
        let yielded = 0;
        if (query.aggregateId !== undefined) {
            const all = [];
            for await (const record of matching(this.read(subject)))
                all.push(record);
            all.sort((a, b) => a.event.metadata.sequence_number - b.event.metadata.sequence_number);
            for (const record of all) {
                yield record;
                if (++yielded >= limit)
                    return;
            }
            return;
        }
        for await (const record of matching(this.read(subject))) {
            yield record;
            if (++yielded >= limit)
                return;
        }
    }
    async getEvent(eventId) {
        // JetStream has no index by event id: a scan (capabilities say so).
        for await (const message of this.read(`${this.prefix}.>`)) {
            const event = JSON.parse(message.string());
            if (event.metadata?.event_id === eventId)
                return (0, event_1.freezeEvent)(event);
        }
        return undefined;
    }
    async lastSequence(aggregateId) {
        if (aggregateId !== undefined) {
            const last = await this.lastMessageOn((0, subjectLayout_1.subjectOf)(this.prefix, aggregateId));
            return last ? JSON.parse(last.raw).metadata.sequence_number : -1;
        }
        let highest = -1;
        for await (const message of this.read(`${this.prefix}.>`)) {
            const sequence = JSON.parse(message.string()).metadata.sequence_number;
            if (sequence > highest)
                highest = sequence;
        }
        return highest;
    }
    async countEvents() {
        const info = await this.jsm.streams.info(this.stream, { subjects_filter: `${this.prefix}.>` });
        const byAggregate = new Map();
        for (const [subject, count] of Object.entries(info.state.subjects ?? {})) {
            const id = (0, subjectLayout_1.aggregateOfToken)(subject.slice(this.prefix.length + 1));
            if (id !== null)
                byAggregate.set(id, count);
        }
        return { total: info.state.messages, byAggregate };
    }
    /** Messages in the stream (what `total` means for progress and verify). */
    async total() {
        return (await this.jsm.streams.info(this.stream)).state.messages;
    }
    /** The event id of the newest message: a copy resumes after it. */
    async lastEventId() {
        const lastSeq = (await this.jsm.streams.info(this.stream)).state.last_seq;
        if (lastSeq === 0)
            return undefined;
        const message = await this.jsm.streams.getMessage(this.stream, { seq: lastSeq }).catch(() => null);
        return message ? JSON.parse(message.string()).metadata.event_id : undefined;
    }
    async saveSnapshot(snapshot) {
        await this.bucket().put((0, subjectLayout_1.snapshotKey)(snapshot.aggregate_id, snapshot.sequence_number), JSON.stringify(snapshot));
        return snapshotRef(snapshot.aggregate_id, snapshot.sequence_number);
    }
    async listSnapshots(aggregateId) {
        if (!this.snapshots)
            return [];
        const refs = [];
        for await (const key of await this.snapshots.keys()) {
            const parsed = (0, subjectLayout_1.parseSnapshotKey)(key);
            if (parsed && (aggregateId === undefined || parsed.aggregateId === aggregateId))
                refs.push(snapshotRef(parsed.aggregateId, parsed.sequence));
        }
        return refs.sort((a, b) => (a.aggregate_id === b.aggregate_id ? a.sequence_number - b.sequence_number : a.aggregate_id < b.aggregate_id ? -1 : 1));
    }
    async loadSnapshot(ref) {
        const entry = await this.bucket().get((0, subjectLayout_1.snapshotKey)(ref.aggregate_id, ref.sequence_number));
        if (!entry || entry.operation !== 'PUT')
            throw new Error(`${this.describe()}: no snapshot of aggregate "${ref.aggregate_id}" at sequence ${ref.sequence_number}`);
        return JSON.parse(entry.string());
    }
    async health() {
        try {
            const info = await this.jsm.streams.info(this.stream);
            return { healthy: true, detail: `NATS JetStream ${this.serverVersion()}, stream ${this.stream}`, events: info.state.messages };
        }
        catch (error) {
            return { healthy: false, detail: error.message };
        }
    }
    async close() {
        await this.nc.close();
    }
    bucket() {
        if (!this.snapshots)
            throw new Error(`${this.describe()}: the snapshot bucket ${this.stream}_snapshots does not exist`);
        return this.snapshots;
    }
    async lastMessageOn(subject) {
        const message = await this.jsm.streams.getMessage(this.stream, { last_by_subj: subject }).catch(() => null);
        return message ? { seq: message.seq, raw: message.string() } : null;
    }
    /** Every message on the subject that is in the stream now, by an ordered consumer (no acks, nothing left on the server). */
    async *read(subject) {
        const info = await this.jsm.streams.info(this.stream);
        const endSeq = subject.endsWith('>') ? info.state.last_seq : ((await this.lastMessageOn(subject))?.seq ?? 0);
        if (endSeq === 0 || info.state.messages === 0)
            return;
        const consumer = await this.js.consumers.get(this.stream, { filter_subjects: subject });
        const messages = await consumer.consume({ max_messages: 1_000 });
        try {
            for await (const message of messages) {
                yield message;
                if (message.seq >= endSeq)
                    break;
            }
        }
        finally {
            await messages.close();
        }
    }
}
exports.NatsEventStorage = NatsEventStorage;
async function ensureStream(jsm, stream, prefix) {
    try {
        await jsm.streams.info(stream);
    }
    catch {
        await jsm.streams.add({ name: stream, subjects: [`${prefix}.>`] });
    }
}
function snapshotRef(aggregateId, sequence) {
    return { aggregate_id: aggregateId, sequence_number: sequence, file: `${layout_1.SNAPSHOTS_DIR}/snapshot_${aggregateId}_${sequence}.json` };
}
//# sourceMappingURL=natsStorage.js.map