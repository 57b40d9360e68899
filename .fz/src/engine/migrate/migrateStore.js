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
exports.planMigration = planMigration;
exports.executeMigration = executeMigration;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const zlib = __importStar(require("node:zlib"));
const event_1 = require("../model/event");
const rawData_1 = require("../model/rawData");
const jsonSpans_1 = require("../store/jsonSpans");
const lineStyle_1 = require("../store/lineStyle");
const atomicWrite_1 = require("../store/atomicWrite");
const interruptedWork_1 = require("../store/interruptedWork");
const migrationJournal_1 = require("../store/migrationJournal");
const layout_1 = require("../store/layout");
const lineReader_1 = require("../store/lineReader");
const writeLock_1 = require("../store/writeLock");
/** Types with more than one schema version: the only ones a line can need migrating for. */
function migratableTypes(registry) {
    return registry.types().filter((type) => registry.knownVersions(type).length > 1);
}
/**
 * The upcast event spelled as its line was: the line's separators and
 * escapes, its timestamp text, and every number the migration left alone
 * as written (`1.0`, 20-digit integers).
 */
function migratedLine(original, upcast) {
    const style = (0, lineStyle_1.detectLineStyle)([original]);
    if (!style)
        return (0, event_1.serializeEvent)(upcast);
    const dataText = (0, jsonSpans_1.topLevelMemberText)(original, 'data');
    const data = dataText === undefined ? JSON.stringify(upcast.data) : (0, jsonSpans_1.stringifyKeepingNumbers)(upcast.data, (0, jsonSpans_1.numberTexts)(dataText), { spellMovedValues: true });
    return (0, lineStyle_1.serializeEventInStyle)((0, rawData_1.attachRawData)(upcast, data), style, { keepTimestamp: true });
}
function verdictFor(text, types, registry, stranded) {
    // Cheap filter before JSON.parse: most lines are of types with one version.
    if (!types.some((type) => text.includes(type)))
        return undefined;
    let event;
    try {
        event = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    if (event === null || typeof event !== 'object' || typeof event.event_type !== 'string' || !event.metadata)
        return undefined;
    const version = event.metadata.schema_version;
    if (typeof version !== 'string' || !types.includes(event.event_type))
        return undefined;
    const steps = registry.upcastPath(event.event_type, version);
    if (steps === undefined) {
        const key = `${event.event_type}@${version}`;
        stranded[key] = (stranded[key] ?? 0) + 1;
        return undefined;
    }
    if (steps.length === 0)
        return undefined;
    return { event, step: `${event.event_type} ${version} -> ${steps[steps.length - 1].to}` };
}
async function eventFiles(storeRoot) {
    let names;
    try {
        names = await fs.promises.readdir(path.join(storeRoot, layout_1.EVENTS_DIR));
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return [];
        throw error;
    }
    return names
        .map((name) => ({ name, parsed: (0, layout_1.parseEventFileName)(name) }))
        .filter((entry) => entry.parsed !== null)
        .map((entry) => ({ name: entry.name, compressed: entry.parsed.compressed }))
        .sort((a, b) => (a.name < b.name ? -1 : 1));
}
async function planMigration(storeRoot, registry) {
    const types = migratableTypes(registry);
    const files = [];
    const stranded = {};
    if (types.length === 0)
        return { storeRoot, files, events: 0, stranded };
    for (const { name, compressed } of await eventFiles(storeRoot)) {
        const buf = await (0, lineReader_1.readFileBytes)(path.join(storeRoot, layout_1.EVENTS_DIR, name));
        const steps = {};
        let events = 0;
        (0, lineReader_1.forEachLine)(buf, (start, end) => {
            const verdict = verdictFor(buf.toString('utf8', start, end), types, registry, stranded);
            if (!verdict)
                return;
            steps[verdict.step] = (steps[verdict.step] ?? 0) + 1;
            events++;
        });
        if (events > 0)
            files.push({ file: `${layout_1.EVENTS_DIR}/${name}`, compressed, events, steps });
    }
    return { storeRoot, files, events: files.reduce((n, f) => n + f.events, 0), stranded };
}
/** The file's bytes with every migratable line replaced by its upcast event. */
function migratedBytes(buf, types, registry) {
    const parts = [];
    let copiedTo = 0;
    let events = 0;
    (0, lineReader_1.forEachLine)(buf, (start, end) => {
        const text = buf.toString('utf8', start, end);
        const verdict = verdictFor(text, types, registry, {});
        if (!verdict)
            return;
        parts.push(buf.subarray(copiedTo, start), Buffer.from(migratedLine(text, registry.upcast(verdict.event)), 'utf8'));
        copiedTo = end;
        events++;
    });
    parts.push(buf.subarray(copiedTo));
    return { bytes: Buffer.concat(parts), events };
}
async function writeDurably(file, bytes) {
    // The name carries our pid and we hold the writer lock: an existing one is a dead namesake's leftover.
    await fs.promises.rm(file, { force: true });
    const handle = await fs.promises.open(file, 'wx');
    try {
        try {
            await handle.writeFile(bytes);
            await handle.sync();
        }
        finally {
            await handle.close();
        }
    }
    catch (error) {
        await fs.promises.rm(file, { force: true });
        throw error;
    }
}
async function keepOriginal(original, backup) {
    await fs.promises.mkdir(path.dirname(backup), { recursive: true });
    try {
        await fs.promises.link(original, backup);
    }
    catch {
        await fs.promises.copyFile(original, backup, fs.constants.COPYFILE_EXCL);
        const handle = await fs.promises.open(backup, 'r');
        try {
            await handle.sync();
        }
        finally {
            await handle.close();
        }
    }
}
function tempFor(target) {
    const [folder, name] = target.split('/');
    return `${folder}/.${name}.migrate-${process.pid}.tmp`;
}
/** A backup folder that does not exist yet (two migrations in one second get -2, -3...). */
function freshBackupDir(storeRoot, stamp) {
    for (let n = 1;; n++) {
        const dir = `backups/migrate-${stamp}${n === 1 ? '' : `-${n}`}`;
        if (!fs.existsSync(path.join(storeRoot, ...dir.split('/'))))
            return dir;
    }
}
/**
 * Carries out the plan under the store's writer lock (no bus may append meanwhile).
 *
 * Crash safety across files: a journal in the store root says "preparing"
 * while the migrated temps and the backups are written and fsynced, then
 * (rewritten atomically) "committed" before the first rename. A migration
 * killed while preparing is undone by the next writer (temps and backup
 * folder removed); one killed after committing is finished (the remaining
 * temps renamed over their targets). See `finishInterruptedMigration`.
 */
async function executeMigration(plan, registry, stamp) {
    const storeRoot = plan.storeRoot;
    const types = migratableTypes(registry);
    const lock = await (0, writeLock_1.acquireWriterLockWaiting)(storeRoot, writeLock_1.DEFAULT_LOCK_WAIT_MS);
    try {
        await (0, migrationJournal_1.finishInterruptedMigration)(storeRoot);
        const backupDir = freshBackupDir(storeRoot, stamp);
        const journalFile = path.join(storeRoot, migrationJournal_1.MIGRATION_JOURNAL);
        const planned = plan.files
            .filter((filePlan) => (0, interruptedWork_1.isDirectlyInside)(filePlan.file, [layout_1.EVENTS_DIR]))
            .map((filePlan) => ({ target: filePlan.file, temp: tempFor(filePlan.file), compressed: filePlan.compressed }));
        const journal = (state, files) => ({
            kind: 'migration',
            pid: process.pid,
            state,
            backupDir,
            files: files.map(({ target, temp }) => ({ target, temp })),
        });
        await (0, interruptedWork_1.writeJournal)(journalFile, journal('preparing', planned));
        const ready = [];
        let events = 0;
        for (const file of planned) {
            const target = path.join(storeRoot, ...file.target.split('/'));
            const original = await (0, lineReader_1.readFileBytes)(target);
            const migrated = migratedBytes(original, types, registry);
            if (migrated.events === 0)
                continue;
            await writeDurably(path.join(storeRoot, ...file.temp.split('/')), file.compressed ? zlib.gzipSync(migrated.bytes) : migrated.bytes);
            await keepOriginal(target, path.join(storeRoot, backupDir, ...file.target.split('/')));
            ready.push(file);
            events += migrated.events;
        }
        if (ready.length === 0) {
            await (0, interruptedWork_1.removeJournal)(journalFile);
            return { files: [], events: 0, backupDir };
        }
        // The temps' and backups' names must be durable before the commit point.
        await (0, atomicWrite_1.fsyncDirectory)(path.join(storeRoot, layout_1.EVENTS_DIR));
        await fsyncBackupFolders(storeRoot, backupDir);
        await (0, interruptedWork_1.writeJournal)(journalFile, journal('committed', ready));
        await (0, migrationJournal_1.renameAll)(storeRoot, ready);
        await (0, interruptedWork_1.removeJournal)(journalFile);
        return { files: ready.map((file) => file.target), events, backupDir };
    }
    finally {
        await lock.release();
    }
}
async function fsyncBackupFolders(storeRoot, backupDir) {
    const parts = [...backupDir.split('/'), layout_1.EVENTS_DIR];
    // Deepest first: each folder's entries, then the entry naming it in its parent.
    for (let depth = parts.length; depth >= 0; depth--)
        await (0, atomicWrite_1.fsyncDirectory)(path.join(storeRoot, ...parts.slice(0, depth)));
}
//# sourceMappingURL=migrateStore.js.map