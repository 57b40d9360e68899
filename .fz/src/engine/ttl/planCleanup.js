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
exports.planCleanup = planCleanup;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const timestamp_1 = require("../model/timestamp");
const snapshotFileName_1 = require("../snapshot/snapshotFileName");
const layout_1 = require("../store/layout");
const DAY_MS = 86_400_000;
async function planCleanup(storeRoot, config, now = Date.now(), options = {}) {
    const nowMs = typeof now === 'number' ? now : now.getTime();
    const ttlDays = config.event_ttl_days;
    // The first day whose start is not before now - ttl: midnight itself is kept, any later instant moves on a day.
    const cutoffDay = (0, timestamp_1.utcDay)(Math.ceil((nowMs - ttlDays * DAY_MS) / DAY_MS) * DAY_MS);
    const cutoffMs = Date.parse(`${cutoffDay}T00:00:00Z`);
    const eventFiles = [];
    for (const name of await listNames(path.join(storeRoot, layout_1.EVENTS_DIR))) {
        const parsed = (0, layout_1.parseEventFileName)(name);
        if (!parsed || parsed.day >= cutoffDay)
            continue;
        const bytes = await sizeOf(path.join(storeRoot, layout_1.EVENTS_DIR, name));
        eventFiles.push({ file: `${layout_1.EVENTS_DIR}/${name}`, day: parsed.day, bytes });
    }
    eventFiles.sort((a, b) => (a.file < b.file ? -1 : 1));
    const { snapshots, kept } = options.removeSnapshots ? await planSnapshots(storeRoot, cutoffMs) : { snapshots: [], kept: [] };
    const bytes = eventFiles.reduce((sum, f) => sum + f.bytes, 0) + snapshots.reduce((sum, s) => sum + s.bytes, 0);
    return {
        storeRoot,
        now: new Date(nowMs).toISOString(),
        ttlDays,
        cutoffDay,
        eventFiles,
        snapshots,
        keptSnapshots: kept,
        bytes,
    };
}
async function planSnapshots(storeRoot, cutoffMs) {
    const kept = [];
    const byAggregate = new Map();
    for (const name of await listNames(path.join(storeRoot, layout_1.SNAPSHOTS_DIR))) {
        const file = `${layout_1.SNAPSHOTS_DIR}/${name}`;
        if (!(0, snapshotFileName_1.parseSnapshotFileName)(name))
            continue;
        const facts = await readSnapshotFacts(path.join(storeRoot, layout_1.SNAPSHOTS_DIR, name), file, name);
        if ('reason' in facts) {
            if (facts.old(cutoffMs))
                kept.push({ file, reason: facts.reason });
            continue;
        }
        const list = byAggregate.get(facts.aggregateId) ?? [];
        list.push(facts);
        byAggregate.set(facts.aggregateId, list);
    }
    const snapshots = [];
    for (const [aggregateId, list] of byAggregate) {
        list.sort((a, b) => a.sequenceNumber - b.sequenceNumber);
        const latest = list[list.length - 1];
        const old = list.filter((s) => s.timestampMs < cutoffMs);
        const base = old[old.length - 1];
        for (const snapshot of old) {
            if (snapshot === latest) {
                kept.push({ file: snapshot.file, reason: `latest snapshot of ${aggregateId}` });
            }
            else if (snapshot === base) {
                kept.push({ file: snapshot.file, reason: `newest snapshot of ${aggregateId} before the cutoff: the base for rebuilding state after it` });
            }
            else {
                snapshots.push({
                    file: snapshot.file,
                    aggregateId,
                    sequenceNumber: snapshot.sequenceNumber,
                    timestamp: new Date(snapshot.timestampMs).toISOString(),
                    bytes: snapshot.bytes,
                });
            }
        }
    }
    snapshots.sort((a, b) => (a.file < b.file ? -1 : 1));
    kept.sort((a, b) => (a.file < b.file ? -1 : 1));
    return { snapshots, kept };
}
/** Aggregate, sequence and time of a snapshot; a reason to keep it when they cannot be known. */
async function readSnapshotFacts(absPath, file, name) {
    let stat;
    let text;
    try {
        stat = await fs.promises.stat(absPath);
        text = await fs.promises.readFile(absPath, 'utf8');
    }
    catch (error) {
        return { reason: `cannot be read (${error.message}); kept`, old: () => true };
    }
    const old = (cutoffMs) => stat.mtimeMs < cutoffMs;
    let content;
    try {
        content = JSON.parse(text);
    }
    catch {
        return { reason: 'not valid JSON; kept', old };
    }
    const body = (content !== null && typeof content === 'object' ? content : {});
    const fromName = (0, snapshotFileName_1.parseSnapshotFileName)(name);
    const aggregateId = typeof body.aggregate_id === 'string' ? body.aggregate_id : fromName?.kind === 'plain' ? fromName.aggregateId : undefined;
    if (aggregateId === undefined || !fromName)
        return { reason: 'aggregate unknown (no aggregate_id in the file); kept', old };
    const sequenceNumber = typeof body.sequence_number === 'number' && Number.isFinite(body.sequence_number) ? body.sequence_number : fromName.sequenceNumber;
    const parsedTime = typeof body.timestamp === 'string' ? (0, timestamp_1.parseTimestamp)(body.timestamp) : Number.NaN;
    const timestampMs = Number.isNaN(parsedTime) ? stat.mtimeMs : parsedTime;
    return { file, aggregateId, sequenceNumber, timestampMs, bytes: stat.size };
}
async function listNames(dir) {
    try {
        return (await fs.promises.readdir(dir, { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return [];
        throw error;
    }
}
async function sizeOf(absPath) {
    try {
        return (await fs.promises.stat(absPath)).size;
    }
    catch {
        return 0;
    }
}
//# sourceMappingURL=planCleanup.js.map