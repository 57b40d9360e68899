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
exports.SnapshotConflictError = exports.SnapshotFileError = void 0;
exports.snapshotAbsolutePath = snapshotAbsolutePath;
exports.serializeSnapshot = serializeSnapshot;
exports.parseSnapshotText = parseSnapshotText;
exports.loadSnapshotFile = loadSnapshotFile;
exports.saveSnapshotFile = saveSnapshotFile;
exports.listSnapshotFiles = listSnapshotFiles;
exports.snapshotFilesOf = snapshotFilesOf;
const node_crypto_1 = require("node:crypto");
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const timestamp_1 = require("../model/timestamp");
const atomicWrite_1 = require("../store/atomicWrite");
const layout_1 = require("../store/layout");
const snapshotFileName_1 = require("./snapshotFileName");
const structuralDiff_1 = require("./structuralDiff");
/**
 * Snapshot files in `<store>/snapshots/`: what the file storage's
 * saveSnapshot/listSnapshots/loadSnapshot delegate to. Reading is tolerant
 * of what the Python bus writes (`state` or `data`, extra keys).
 */
/** A snapshot file that could not be read; the message names the file. */
class SnapshotFileError extends Error {
    file;
    reason;
    constructor(file, reason) {
        super(`${file}: ${reason}`);
        this.file = file;
        this.reason = reason;
        this.name = 'SnapshotFileError';
    }
}
exports.SnapshotFileError = SnapshotFileError;
/** Saving would replace an existing, different snapshot: refused, never silent. */
class SnapshotConflictError extends Error {
    file;
    constructor(file) {
        super(`${file} already exists with a different state; remove it first if it is wrong (snapshots are never overwritten)`);
        this.file = file;
        this.name = 'SnapshotConflictError';
    }
}
exports.SnapshotConflictError = SnapshotConflictError;
/** The absolute path of a store-relative snapshot file; refuses anything outside `snapshots/`. */
function snapshotAbsolutePath(storeRoot, relativeFile) {
    const dir = path.resolve(storeRoot, layout_1.SNAPSHOTS_DIR);
    const absolute = path.resolve(storeRoot, ...relativeFile.split('/'));
    if (path.dirname(absolute) !== dir) {
        throw new SnapshotFileError(relativeFile, `is not a file directly inside ${layout_1.SNAPSHOTS_DIR}/`);
    }
    return absolute;
}
/** The file's text: pretty JSON, the keys the Python bus uses plus `event_count` and `last_event_id`. */
function serializeSnapshot(snapshot) {
    const body = {
        aggregate_id: snapshot.aggregate_id,
        sequence_number: snapshot.sequence_number,
        timestamp: snapshot.timestamp || (0, timestamp_1.formatTimestamp)(Date.now()),
        state: snapshot.state,
    };
    if (snapshot.event_count !== undefined)
        body.event_count = snapshot.event_count;
    if (snapshot.last_event_id !== undefined)
        body.last_event_id = snapshot.last_event_id;
    const text = JSON.stringify(body, null, 2);
    // Shaped as the Python bus writes them: spelled as its json.dump(indent=2) does, non-ASCII escaped.
    const pythonShaped = snapshot.event_count === undefined && snapshot.last_event_id === undefined;
    return `${pythonShaped ? text.replace(/[^\x00-\x7e]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`) : text}\n`;
}
function lineAndColumn(text, position) {
    const before = text.slice(0, position);
    const line = before.split('\n').length;
    const column = position - before.lastIndexOf('\n');
    return `line ${line}, column ${column}`;
}
/**
 * A snapshot from file text. `fallback` (from the file name) fills in a
 * missing aggregate id or sequence; the file name wins when they disagree,
 * since it is what listing and rebuild select by.
 */
function parseSnapshotText(text, file, fallback) {
    let parsed;
    try {
        parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const position = /position (\d+)/.exec(message);
        const where = position ? ` at ${lineAndColumn(text, Number(position[1]))}` : '';
        const python = /\b(NaN|-?Infinity)\b/.test(text) ? ' (it holds NaN or Infinity, which Python writes but JSON does not allow)' : '';
        throw new SnapshotFileError(file, `is not valid JSON${where}${python}: ${message}`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new SnapshotFileError(file, 'expected a JSON object with "state" (or "data"), got ' + (Array.isArray(parsed) ? 'an array' : String(parsed)));
    }
    const body = parsed;
    const state = 'state' in body ? body.state : 'data' in body ? body.data : undefined;
    if (state === undefined)
        throw new SnapshotFileError(file, 'has neither "state" nor "data"');
    return {
        aggregate_id: fallback.aggregate_id,
        sequence_number: fallback.sequence_number,
        timestamp: typeof body.timestamp === 'string' ? body.timestamp : '',
        state,
        event_count: typeof body.event_count === 'number' ? body.event_count : undefined,
        last_event_id: typeof body.last_event_id === 'string' ? body.last_event_id : undefined,
    };
}
async function readSnapshotAt(absolute, ref) {
    let text;
    try {
        text = await fs.promises.readFile(absolute, 'utf8');
    }
    catch (error) {
        const code = error.code;
        throw new SnapshotFileError(ref.file, code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? String(error)})`);
    }
    return parseSnapshotText(text, ref.file, ref);
}
async function loadSnapshotFile(storeRoot, ref) {
    return readSnapshotAt(snapshotAbsolutePath(storeRoot, ref.file), ref);
}
function sameSnapshot(a, b) {
    return a.aggregate_id === b.aggregate_id && a.sequence_number === b.sequence_number && (0, structuralDiff_1.deepEqualJson)(a.state, b.state);
}
/** Accepts an existing file only when it holds the same snapshot; otherwise refuses. */
async function acceptExisting(absolute, ref, snapshot) {
    let existing;
    try {
        existing = await readSnapshotAt(absolute, ref);
    }
    catch {
        throw new SnapshotConflictError(ref.file);
    }
    if (!sameSnapshot(existing, { ...snapshot, state: JSON.parse(JSON.stringify(snapshot.state ?? null)) })) {
        throw new SnapshotConflictError(ref.file);
    }
    return ref;
}
/**
 * Writes the snapshot atomically and durably. Saving the same snapshot
 * again is a no-op; a different one at the same aggregate and sequence is a
 * SnapshotConflictError. The final step is a hard link, which fails when
 * the name exists, so even a concurrent writer cannot be overwritten.
 */
async function saveSnapshotFile(storeRoot, snapshot) {
    const file = (0, snapshotFileName_1.snapshotRelativePath)(snapshot.aggregate_id, snapshot.sequence_number);
    const ref = { aggregate_id: snapshot.aggregate_id, sequence_number: snapshot.sequence_number, file };
    const absolute = snapshotAbsolutePath(storeRoot, file);
    if (fs.existsSync(absolute))
        return acceptExisting(absolute, ref, snapshot);
    const dir = path.dirname(absolute);
    const pending = path.join(dir, `.pending-${process.pid}-${(0, node_crypto_1.randomBytes)(6).toString('hex')}.json`);
    await (0, atomicWrite_1.writeFileAtomic)(pending, serializeSnapshot(snapshot));
    try {
        await fs.promises.link(pending, absolute);
    }
    catch (error) {
        const code = error.code;
        if (code === 'EEXIST') {
            await fs.promises.rm(pending, { force: true });
            return acceptExisting(absolute, ref, snapshot);
        }
        // No hard links on this filesystem: a rename after the existence check is the best left.
        if (fs.existsSync(absolute)) {
            await fs.promises.rm(pending, { force: true });
            return acceptExisting(absolute, ref, snapshot);
        }
        await fs.promises.rename(pending, absolute);
        await (0, atomicWrite_1.fsyncDirectory)(dir);
        return ref;
    }
    await fs.promises.rm(pending, { force: true });
    await (0, atomicWrite_1.fsyncDirectory)(dir);
    return ref;
}
async function recoverHashedId(storeRoot, file, digest, literalId) {
    try {
        const text = await fs.promises.readFile(path.join(storeRoot, ...file.split('/')), 'utf8');
        const id = JSON.parse(text).aggregate_id;
        if (typeof id === 'string' && (0, snapshotFileName_1.hashedIdDigest)(id) === digest)
            return id;
    }
    catch {
        // Unreadable: fall through to the literal name; loading will report the damage.
    }
    return literalId;
}
/**
 * The snapshots in the store (of one aggregate when given), parsed from
 * file names; other files are reported in `ignored`. Temp files of
 * in-progress writes (leading `.`) are skipped silently.
 */
async function listSnapshotFiles(storeRoot, aggregateId) {
    let entries;
    try {
        entries = await fs.promises.readdir(path.join(storeRoot, layout_1.SNAPSHOTS_DIR), { withFileTypes: true });
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return { snapshots: [], ignored: [] };
        throw error;
    }
    const snapshots = [];
    const ignored = [];
    for (const entry of entries) {
        if (entry.name.startsWith('.'))
            continue;
        const file = `${layout_1.SNAPSHOTS_DIR}/${entry.name}`;
        if (!entry.isFile()) {
            ignored.push({ file, reason: 'not a regular file' });
            continue;
        }
        const parsed = (0, snapshotFileName_1.parseSnapshotFileName)(entry.name);
        if (!parsed) {
            ignored.push({ file, reason: 'not a snapshot file name (expected snapshot_<aggregate_id>_<sequence>.json)' });
            continue;
        }
        let id;
        if (parsed.kind === 'plain')
            id = parsed.aggregateId;
        else if (aggregateId !== undefined && (0, snapshotFileName_1.hashedIdDigest)(aggregateId) !== parsed.digest)
            continue;
        else
            id = await recoverHashedId(storeRoot, file, parsed.digest, parsed.literalId);
        if (aggregateId !== undefined && id !== aggregateId)
            continue;
        snapshots.push({ aggregate_id: id, sequence_number: parsed.sequenceNumber, file });
    }
    snapshots.sort((a, b) => a.aggregate_id < b.aggregate_id ? -1 : a.aggregate_id > b.aggregate_id ? 1 : a.sequence_number - b.sequence_number);
    return { snapshots, ignored };
}
/** The snapshot files of a store as save/list/load: what FileEventStorage.useSnapshots takes. */
function snapshotFilesOf(storeRoot) {
    return {
        save: (snapshot) => saveSnapshotFile(storeRoot, snapshot),
        list: async (aggregateId) => (await listSnapshotFiles(storeRoot, aggregateId)).snapshots,
        load: (ref) => loadSnapshotFile(storeRoot, ref),
    };
}
//# sourceMappingURL=snapshotStore.js.map