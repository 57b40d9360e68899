"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_START_DAY = void 0;
exports.defaultDays = defaultDays;
exports.generateStoreSync = generateStoreSync;
exports.generateStore = generateStore;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const eventTypes_1 = require("../model/eventTypes");
const timestamp_1 = require("../model/timestamp");
const snapshotFileName_1 = require("../snapshot/snapshotFileName");
const layout_1 = require("../store/layout");
const aggregatePools_1 = require("./aggregatePools");
const chainFlows_1 = require("./chainFlows");
const chainSubject_1 = require("./chainSubject");
const dayFileWriter_1 = require("./dayFileWriter");
const eventLine_1 = require("./eventLine");
const faults_1 = require("./faults");
const generatorTypes_1 = require("./generatorTypes");
const jsonStyle_1 = require("./jsonStyle");
const payloads_1 = require("./payloads");
const prepareOutDir_1 = require("./prepareOutDir");
const prng_1 = require("./prng");
const schemaDocuments_1 = require("./schemaDocuments");
const snapshotPlanner_1 = require("./snapshotPlanner");
const typeRouting_1 = require("./typeRouting");
exports.DEFAULT_START_DAY = '2024-01-15';
const MICROS_PER_DAY = 86_400_000_000;
/** At most this many chains are in flight at once (their events interleave). */
const MAX_OPEN_CHAINS = 8;
/** Chance a step continues an open chain rather than starting something new. */
const CONTINUE_CHANCE = 0.55;
/** Chance a new start is a lone event (no correlation) rather than a chain. */
const STANDALONE_CHANCE = 0.3;
/** About 20,000 events a day, at most 30 days (a month of the guide's `event_ttl_days`). */
function defaultDays(events) {
    return Math.max(1, Math.min(30, Math.ceil(events / 20_000)));
}
function checkOptions(options) {
    const { events } = options;
    if (!Number.isSafeInteger(events) || events < 1)
        throw new Error(`events must be a positive whole number, got ${events}`);
    const days = options.days ?? defaultDays(events);
    if (!Number.isSafeInteger(days) || days < 1 || days > 3660)
        throw new Error(`days must be a whole number from 1 to 3660, got ${days}`);
    const startDay = options.startDay ?? exports.DEFAULT_START_DAY;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startDay) || Number.isNaN(Date.parse(`${startDay}T00:00:00Z`))) {
        throw new Error(`startDay must be YYYY-MM-DD, got "${startDay}"`);
    }
    const mode = options.sequenceMode ?? 'global';
    if (mode !== 'global' && mode !== 'aggregate')
        throw new Error(`sequenceMode must be global or aggregate, got "${String(mode)}"`);
    return { days, startDay, mode };
}
function statusFor(prng) {
    const r = prng.next();
    if (r < 0.003)
        return { retryCount: 3, status: 'failed' };
    if (r < 0.02)
        return { retryCount: r < 0.011 ? 1 : 2, status: 'completed' };
    return { retryCount: 0, status: 'completed' };
}
/** The instant a written timestamp stands for (compact lines keep milliseconds, Python ones microseconds). */
function canonicalTimestamp(micros, style) {
    return (0, timestamp_1.formatTimestamp)(style.python ? micros / 1000 : Math.floor(micros / 1000));
}
function metadataOf(parts) {
    return {
        event_id: parts.eventId,
        version: eventLine_1.EVENT_VERSION,
        schema_version: parts.schemaVersion,
        timestamp: parts.timestamp,
        source: parts.source,
        correlation_id: parts.correlation === 'null' ? null : parts.correlation.slice(1, -1),
        causation_id: parts.causation === 'null' ? null : parts.causation.slice(1, -1),
        aggregate_id: parts.aggregateId,
        sequence_number: parts.sequence,
        retry_count: parts.retryCount,
        status: parts.status,
        tags: {},
    };
}
/** Python's json.dumps(ensure_ascii=True) for the snapshot files of a Python-style store. */
function asciiOnly(text) {
    return text.replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/** One extra number nudged in the state: what a snapshot written by a buggy reducer looks like. */
function driftState(snapshot) {
    const state = JSON.parse(JSON.stringify(snapshot.state));
    const field = Object.keys(state).find((key) => key !== '_meta' && typeof state[key] === 'number') ?? 'drifted';
    state[field] = typeof state[field] === 'number' ? state[field] + 1 : true;
    return { snapshot: { ...snapshot, state }, field };
}
/**
 * Writes a deterministic, realistic store (see GenerateOptions) and returns
 * what it wrote. Synchronous on purpose: it is one tight loop plus large
 * writes, and async I/O would only add overhead.
 */
function generateStoreSync(options) {
    const { days, startDay, mode } = checkOptions(options);
    const events = options.events;
    const seed = (0, prng_1.seedFrom)(options.seed ?? 1);
    const outDir = path.resolve(options.outDir);
    (0, prepareOutDir_1.prepareOutDir)(outDir, options.force === true);
    const prng = (0, prng_1.createPrng)(seed);
    const style = (0, jsonStyle_1.createJsonStyle)(options.pythonStyle === true);
    const universe = (0, aggregatePools_1.buildAggregateUniverse)(events);
    const ids = universe.ids;
    const ctx = { prng, style, universe, prices: Float64Array.from(universe.symbols, (s) => s.basePrice) };
    const writer = new dayFileWriter_1.DayFileWriter(path.join(outDir, layout_1.EVENTS_DIR));
    const startMicros = Date.parse(`${startDay}T00:00:00Z`) * 1000;
    const intervalMicros = (days * MICROS_PER_DAY) / events;
    const plan = options.withErrors ? (0, faults_1.planFaults)(events) : [];
    const eventFaults = plan.filter((f) => generatorTypes_1.EVENT_FAULT_KINDS.includes(f.kind));
    const lineFaults = plan.filter((f) => !generatorTypes_1.EVENT_FAULT_KINDS.includes(f.kind));
    let nextEventFault = 0;
    let nextLineFault = 0;
    const faults = [];
    const sequenceOf = new Float64Array(ids.length);
    let globalSequence = 0;
    const nextSequence = (aggregate) => (mode === 'global' ? ++globalSequence : ++sequenceOf[aggregate]);
    const eventsPerAggregate = new Int32Array(ids.length);
    const typeCounts = new Map();
    let correlations = 0;
    let invalidLines = 0;
    let firstMicros = Number.NaN;
    let lastMicros = Number.NaN;
    let currentDay = Number.NaN;
    const open = [];
    let pendingSteps = 0;
    let previousEventId = '';
    const planner = new snapshotPlanner_1.SnapshotPlanner(new Set([ids[universe.marketData.members[0]], ids[universe.portfolios.members[0]], ids[universe.strategies.members[0]]]), events, mode === 'global');
    const enterDayOf = (micros) => {
        const day = Math.floor(micros / MICROS_PER_DAY);
        if (day === currentDay)
            return;
        currentDay = day;
        writer.startDay(new Date(day * 86_400_000).toISOString().slice(0, 10));
    };
    /** Universe index of the aggregate of the event buildParts built last. */
    let builtAggregate = 0;
    /** The parts of an ordinary event (no chain) at the given instant. */
    const buildParts = (type, subject, micros, position) => {
        const aggregate = (0, typeRouting_1.aggregateFor)(type, subject, universe, prng);
        builtAggregate = aggregate;
        const schemaVersion = type === eventTypes_1.EventType.TRADE_EXECUTED && position >= events / 2 ? '1.1' : '1.0';
        const eventId = (0, prng_1.prngUuid)(prng);
        const data = payloads_1.PAYLOAD_BUILDERS[type](ctx, subject, schemaVersion);
        const { retryCount, status } = statusFor(prng);
        return {
            type,
            data,
            eventId,
            schemaVersion,
            timestamp: style.timestamp(micros),
            source: (0, typeRouting_1.sourceFor)(type, (0, payloads_1.componentSource)(ids[subject.component])),
            correlation: 'null',
            causation: 'null',
            aggregateId: ids[aggregate],
            sequence: nextSequence(aggregate),
            retryCount,
            status,
            tags: (0, typeRouting_1.tagsFor)(type, style, prng),
        };
    };
    /** A line that is not an event: a fresh tick (it took a sequence number) broken as the fault says. */
    const writeLineFault = (fault, micros, position) => {
        const parts = buildParts(eventTypes_1.EventType.MARKET_DATA_RECEIVED, (0, chainSubject_1.drawSubject)(prng, universe), micros, position);
        const broken = (0, faults_1.applyLineFault)(fault.kind, (0, eventLine_1.assembleLine)(style, parts), style);
        const line = fault.kind === 'torn-last-line' ? writer.writeTornTail(broken.line) : writer.writeLine(broken.line);
        faults.push({ kind: fault.kind, file: writer.currentFile, line, eventId: parts.eventId, detail: broken.detail });
        invalidLines++;
    };
    for (let i = 0; i < events; i++) {
        const remaining = events - i;
        const eventFaultsLeft = eventFaults.length - nextEventFault;
        // Steps not yet promised to open chains or planned faults: chains only start when they can finish.
        const free = remaining - pendingSteps - eventFaultsLeft;
        const dueFault = nextEventFault < eventFaults.length && (eventFaults[nextEventFault].position <= i || (free <= 0 && open.length === 0))
            ? eventFaults[nextEventFault++]
            : undefined;
        let chain;
        if (!dueFault && open.length > 0 && (free <= 0 || open.length >= MAX_OPEN_CHAINS || prng.next() < CONTINUE_CHANCE)) {
            chain = open[Math.floor(prng.next() * open.length)];
        }
        else if (!dueFault && free >= 2 && prng.next() >= STANDALONE_CHANCE) {
            const flow = (0, chainFlows_1.drawFlow)(prng);
            const target = (0, chainFlows_1.drawChainLength)(prng, flow.length, free);
            chain = { correlationId: (0, prng_1.prngUuid)(prng), flow, target, emitted: 0, lastEventId: '', subject: (0, chainSubject_1.drawSubject)(prng, universe) };
            open.push(chain);
            pendingSteps += target;
            correlations++;
        }
        // A fault is a lone event of the type it breaks; anything else outside a chain is a lone tick or housekeeping event.
        const type = chain ? chain.flow[chain.emitted] : dueFault ? (0, faults_1.faultEventType)(dueFault.kind) : (0, chainFlows_1.drawStandaloneType)(prng);
        const subject = chain ? chain.subject : (0, chainSubject_1.drawSubject)(prng, universe);
        const micros = startMicros + Math.floor((i + prng.next() * 0.9) * intervalMicros);
        enterDayOf(micros);
        const parts = buildParts(type, subject, micros, i);
        const aggregate = builtAggregate;
        if (chain) {
            parts.correlation = `"${chain.correlationId}"`;
            if (chain.emitted > 0)
                parts.causation = `"${chain.lastEventId}"`;
            chain.lastEventId = parts.eventId;
            chain.emitted++;
            pendingSteps--;
            if (chain.emitted === chain.target) {
                const at = open.indexOf(chain);
                open[at] = open[open.length - 1];
                open.pop();
            }
        }
        let faultDetail = '';
        if (dueFault) {
            const strayId = dueFault.kind === 'unknown-causation' ? (0, prng_1.prngUuid)(prng) : '';
            faultDetail = (0, faults_1.applyEventFault)(dueFault.kind, parts, { style, previousEventId, strayId });
            if (dueFault.kind === 'unknown-causation')
                correlations++;
        }
        const line = writer.writeLine((0, eventLine_1.assembleLine)(style, parts));
        if (dueFault)
            faults.push({ kind: dueFault.kind, file: writer.currentFile, line, eventId: parts.eventId, detail: faultDetail });
        typeCounts.set(parts.type, (typeCounts.get(parts.type) ?? 0) + 1);
        eventsPerAggregate[aggregate]++;
        if (dueFault?.kind !== 'bad-timestamp') {
            if (Number.isNaN(firstMicros))
                firstMicros = micros;
            lastMicros = micros;
        }
        if (planner.wants(parts.aggregateId))
            planner.observe({ type: parts.type, dataJson: parts.data, metadata: metadataOf(parts) });
        previousEventId = parts.eventId;
        while (nextLineFault < lineFaults.length && lineFaults[nextLineFault].position === i) {
            writeLineFault(lineFaults[nextLineFault++], micros + 1, i);
        }
    }
    if (options.withErrors) {
        const micros = startMicros + Math.floor((events - 0.05) * intervalMicros);
        writeLineFault({ position: events, kind: 'torn-last-line' }, micros, events);
    }
    writer.close();
    const snapshots = writeSnapshots(outDir, planner.finish(), style, options.withErrors === true, faults);
    const schemaFiles = writeSchemas(outDir);
    return {
        outDir,
        seed,
        events,
        invalidLines,
        lines: events + invalidLines,
        bytes: writer.totalBytes,
        files: [...writer.writtenFiles],
        days,
        aggregates: eventsPerAggregate.reduce((n, count) => n + (count > 0 ? 1 : 0), 0),
        correlations,
        eventTypes: Object.fromEntries([...typeCounts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
        sequenceMode: mode,
        firstTimestamp: canonicalTimestamp(firstMicros, style),
        lastTimestamp: canonicalTimestamp(lastMicros, style),
        snapshots,
        schemaFiles,
        faults,
    };
}
/** Same as generateStoreSync, for callers that expect a promise. */
async function generateStore(options) {
    return generateStoreSync(options);
}
function writeSnapshots(outDir, snapshots, style, withErrors, faults) {
    const dir = path.join(outDir, layout_1.SNAPSHOTS_DIR);
    fs.mkdirSync(dir, { recursive: true });
    const refs = [];
    snapshots.forEach((original, index) => {
        let snapshot = original;
        const file = `${layout_1.SNAPSHOTS_DIR}/${(0, snapshotFileName_1.snapshotFileName)(snapshot.aggregate_id, snapshot.sequence_number)}`;
        // The first aggregate snapshot drifts: what verify must catch.
        if (withErrors && index === 0 && snapshot.aggregate_id !== 'system') {
            const drifted = driftState(snapshot);
            snapshot = drifted.snapshot;
            faults.push({ kind: 'snapshot-drift', file, line: 0, detail: `state.${drifted.field} is one more than a rebuild gives` });
        }
        const text = `${JSON.stringify(snapshot, null, 2)}\n`;
        fs.writeFileSync(path.join(outDir, file), style.python ? asciiOnly(text) : text);
        refs.push({ aggregate_id: snapshot.aggregate_id, sequence_number: snapshot.sequence_number, file });
    });
    return refs;
}
function writeSchemas(outDir) {
    return (0, schemaDocuments_1.schemaDocuments)().map(({ path: relative, document }) => {
        const target = path.join(outDir, ...relative.split('/'));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
        return relative;
    });
}
//# sourceMappingURL=generateStore.js.map