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
exports.referenceRun = referenceRun;
exports.operationCrashTrial = operationCrashTrial;
exports.killSteps = killSteps;
exports.storeState = storeState;
exports.eventContent = eventContent;
const node_crypto_1 = require("node:crypto");
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const zlib = __importStar(require("node:zlib"));
const eventFileAppender_1 = require("../../src/engine/store/eventFileAppender");
const interruptedWork_1 = require("../../src/engine/store/interruptedWork");
const layout_1 = require("../../src/engine/store/layout");
const crashHarness_1 = require("./crashHarness");
/** Runs the operation to the end on a copy: the store after it, and its kill points. */
async function referenceRun(scenario, workDir) {
    const store = copyTemplate(scenario, workDir, 'reference');
    const before = storeState(store);
    const eventsBefore = eventContent(store);
    const run = await (0, crashHarness_1.runCrashChild)(scenario.mode, [store, ...scenario.args]);
    if (run.steps === undefined || run.ms === undefined)
        throw new Error(`${scenario.name}: the reference run did not finish: ${run.stderr}`);
    const after = storeState(store);
    const reference = { before, after, eventsBefore, eventsAfter: eventContent(store), steps: run.steps, ms: run.ms };
    fs.rmSync(store, { recursive: true, force: true });
    return reference;
}
async function operationCrashTrial(scenario, reference, workDir, kill) {
    const label = kill.step !== undefined ? `killed at step ${kill.step} of ${reference.steps}` : `killed after ${kill.afterMs} ms`;
    const store = copyTemplate(scenario, workDir, `trial-${process.pid}-${Math.random().toString(36).slice(2)}`);
    const violations = [];
    try {
        const run = await (0, crashHarness_1.runCrashChild)(scenario.mode, [store, ...scenario.args], { killAtStep: kill.step, killAfterMs: kill.afterMs });
        if (kill.step !== undefined && !run.killed)
            violations.push('the child was not killed at its step');
        // 1. No half file, right after the kill.
        const leftTemps = [];
        for (const [file, digest] of storeState(store)) {
            if (isLeftover(file)) {
                leftTemps.push(file);
                continue;
            }
            if (digest !== reference.before.get(file) && digest !== reference.after.get(file)) {
                violations.push(`${file} is neither as before nor as after right after the kill`);
            }
        }
        const eventsNow = eventContent(store);
        if (eventsNow !== reference.eventsBefore && eventsNow !== reference.eventsAfter && !isJournaled(store)) {
            violations.push('the events are neither as before nor as after right after the kill, and no journal says how to finish');
        }
        // 2. The next writer finishes or undoes it.
        const appender = await eventFileAppender_1.EventFileAppender.open(store);
        await appender.close();
        let state = storeState(store);
        let ending = !run.killed ? 'completed' : sameState(state, reference.before) ? 'before' : sameState(state, reference.after) ? 'after' : undefined;
        // 3. Events as before or after even where files are not (yet).
        const eventsRecovered = eventContent(store);
        if (eventsRecovered !== reference.eventsBefore && eventsRecovered !== reference.eventsAfter) {
            violations.push('after the next writer opened the store, its events are neither as before nor as after');
        }
        if (ending === undefined && scenario.rerunFinishes) {
            await (0, crashHarness_1.runCrashChild)(scenario.mode, [store, ...scenario.args]);
            state = storeState(store);
            if (sameState(state, reference.after))
                ending = 'finished';
        }
        if (ending === undefined || (ending === 'completed' && !sameState(state, reference.after))) {
            violations.push(`after the next writer opened the store it is neither as before nor as after: ${difference(state, reference)}`);
        }
        if (violations.length > 0)
            violations.unshift(`${scenario.name}, ${label}:`);
        return { ending, leftTemps, violations };
    }
    finally {
        fs.rmSync(store, { recursive: true, force: true });
    }
}
/** The kill points a test tries: all of them up to `max`, else `max` spread evenly (always the first and the last). */
function killSteps(steps, max) {
    if (steps <= max)
        return Array.from({ length: steps }, (_, i) => i + 1);
    return [...new Set(Array.from({ length: max }, (_, i) => 1 + Math.round((i * (steps - 1)) / (max - 1))))];
}
function copyTemplate(scenario, workDir, name) {
    const store = path.join(workDir, name);
    fs.cpSync(scenario.template, store, { recursive: true });
    return store;
}
/** What a killed writer may leave that readers ignore: its hidden temps, its journal, its lock. */
function isLeftover(file) {
    const name = file.split('/').pop();
    return (0, interruptedWork_1.tempFileOwner)(name) !== undefined || name === layout_1.LOCK_FILE || /^[a-z]+\.pending\.json$/.test(file);
}
function isJournaled(store) {
    return fs.readdirSync(store).some((name) => /^[a-z]+\.pending\.json$/.test(name));
}
/** Every file under the store but the index cache. */
function storeState(store) {
    const state = new Map();
    const walk = (dir, prefix) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
            if (rel === layout_1.CACHE_DIR)
                continue;
            const abs = path.join(dir, entry.name);
            if (entry.isDirectory())
                walk(abs, rel);
            else
                state.set(rel, digestOf(rel, fs.readFileSync(abs)));
        }
    };
    walk(store, '');
    return state;
}
function digestOf(rel, bytes) {
    let content = bytes;
    if (rel.startsWith(`${layout_1.SNAPSHOTS_DIR}/`) && rel.endsWith('.json') && !isLeftover(rel)) {
        try {
            const parsed = JSON.parse(bytes.toString('utf8'));
            delete parsed.timestamp;
            content = JSON.stringify(parsed);
        }
        catch {
            // A half-written snapshot: its raw bytes will match nothing, as they should not.
        }
    }
    return (0, node_crypto_1.createHash)('sha1').update(content).digest('hex');
}
function sameState(a, b) {
    return a.size === b.size && [...a].every(([file, digest]) => b.get(file) === digest);
}
function difference(state, reference) {
    const describe = (other) => {
        const extra = [...state.keys()].filter((f) => !other.has(f));
        const missing = [...other.keys()].filter((f) => !state.has(f));
        const changed = [...state.keys()].filter((f) => other.has(f) && other.get(f) !== state.get(f));
        return `extra [${extra.join(', ')}] missing [${missing.join(', ')}] changed [${changed.join(', ')}]`;
    };
    return `vs before: ${describe(reference.before)}; vs after: ${describe(reference.after)}`;
}
/**
 * The store's event lines as one digest: per day, the `.gz` content then the
 * plain file's, unless the plain bytes already end the `.gz` (a rotation
 * interrupted after its rename: the product then only removes the plain file).
 */
function eventContent(store) {
    const dir = path.join(store, layout_1.EVENTS_DIR);
    const days = new Map();
    if (fs.existsSync(dir)) {
        for (const name of fs.readdirSync(dir)) {
            const parsed = (0, layout_1.parseEventFileName)(name);
            if (!parsed)
                continue;
            const entry = days.get(parsed.day) ?? {};
            const bytes = fs.readFileSync(path.join(dir, name));
            if (parsed.compressed)
                entry.gz = zlib.gunzipSync(bytes);
            else
                entry.plain = bytes;
            days.set(parsed.day, entry);
        }
    }
    const hash = (0, node_crypto_1.createHash)('sha1');
    for (const day of [...days.keys()].sort()) {
        const { plain, gz } = days.get(day);
        const lines = [];
        const add = (bytes) => {
            if (bytes)
                for (const line of bytes.toString('utf8').split(/\r?\n/))
                    if (line.length > 0)
                        lines.push(line);
        };
        add(gz);
        const alreadyInGz = gz && plain && plain.length <= gz.length && gz.subarray(gz.length - plain.length).equals(plain);
        if (!alreadyInGz)
            add(plain);
        hash.update(`${day}\n${lines.join('\n')}\n`);
    }
    return hash.digest('hex');
}
//# sourceMappingURL=crashOperationTrial.js.map