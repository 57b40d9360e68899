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
exports.newPublisherCrashState = newPublisherCrashState;
exports.publisherCrashTrial = publisherCrashTrial;
exports.readEventFiles = readEventFiles;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const event_1 = require("../../src/engine/model/event");
const timestamp_1 = require("../../src/engine/model/timestamp");
const openStore_1 = require("../../src/engine/openStore");
const layout_1 = require("../../src/engine/store/layout");
const validateStore_1 = require("../../src/engine/validate/validateStore");
const crashHarness_1 = require("./crashHarness");
function newPublisherCrashState(store, random) {
    return { store, random, files: new Map(), torn: [], trials: 0 };
}
async function publisherCrashTrial(state, options = {}) {
    const trial = state.trials++;
    const violations = [];
    const injected = state.random() < (options.injectTornTail ?? 0.2) ? injectTornTail(state) : undefined;
    if (injected) {
        state.torn.push(injected);
        state.files = readEventFiles(state.store);
    }
    // Up to 300 ms after ready: before its first append a writer now takes the lock, re-reads the
    // store's tail and detects its line style, so the first acknowledgement comes 50-250 ms in; a
    // window of 30 ms killed every trial before anything was acknowledged.
    const killAfterMs = Math.floor(state.random() * 300);
    const run = await (0, crashHarness_1.runCrashChild)('publish', [state.store, String(options.publishers ?? 4)], { killAfterMs });
    if (!run.killed)
        violations.push(`the publisher was not killed: ${run.stderr}`);
    const acknowledged = run.lines;
    const files = readEventFiles(state.store);
    for (const [file, before] of state.files) {
        const now = files.get(file);
        if (!now || now.length < before.length || !now.subarray(0, before.length).equals(before)) {
            violations.push(`${file}: bytes written before the kill were changed (the store must be append only)`);
        }
    }
    const { ids, invalid } = parseLines(files);
    let tornByKill;
    for (const line of invalid) {
        const key = `${line.file}:${line.line}`;
        const earlier = state.torn.find((t) => t.file === line.file && t.line === line.line);
        if (earlier) {
            if (earlier.text !== line.text)
                violations.push(`${key}: the torn line was merged into or rewritten`);
            continue;
        }
        const bytes = files.get(line.file);
        const isTail = bytes[bytes.length - 1] !== 0x0a && line.line === countNewlines(bytes) + 1;
        if (!isTail || tornByKill)
            violations.push(`${key}: an invalid line that is not the tail the kill tore: ${line.text.slice(0, 80)}`);
        else
            tornByKill = line;
    }
    for (const t of state.torn) {
        if (!invalid.some((line) => line.file === t.file && line.line === t.line))
            violations.push(`${t.file}:${t.line}: the torn line disappeared`);
    }
    if (tornByKill)
        state.torn.push(tornByKill);
    const position = new Map();
    let duplicates = 0;
    ids.forEach((id, index) => {
        if (position.has(id))
            duplicates++;
        else
            position.set(id, index);
    });
    const storedBefore = countIds(state.files);
    let lost = 0;
    let outOfOrder = 0;
    let last = storedBefore - 1;
    for (const id of acknowledged) {
        const at = position.get(id);
        if (at === undefined)
            lost++;
        else if (at <= last)
            outOfOrder++;
        else
            last = at;
    }
    if (lost > 0)
        violations.push(`${lost} of ${acknowledged.length} acknowledged events are missing`);
    if (duplicates > 0)
        violations.push(`${duplicates} events are stored twice`);
    if (outOfOrder > 0)
        violations.push(`${outOfOrder} acknowledged events are out of acknowledgement order`);
    await checkThroughEngine(state, ids, options.validate ?? false, violations);
    state.files = files;
    if (violations.length > 0)
        violations.unshift(`trial ${trial} (kill after ${killAfterMs} ms, ${acknowledged.length} acknowledged):`);
    return { acknowledged: acknowledged.length, lost, duplicates, outOfOrder, tornByKill: !!tornByKill, tornInjected: !!injected, violations };
}
/** The index must see the same events in the same order, and report every torn line where it is. */
async function checkThroughEngine(state, ids, validate, violations) {
    const engine = await (0, openStore_1.openStore)(state.store, { threads: 1 });
    try {
        const indexed = [];
        for (let ordinal = 0; ordinal < engine.index.eventCount; ordinal++)
            indexed.push(engine.index.event(ordinal).eventId);
        if (indexed.length !== ids.length || indexed.some((id, i) => id !== ids[i])) {
            violations.push(`the index holds ${indexed.length} events, the files ${ids.length}, or in another order`);
        }
        for (const t of state.torn) {
            if (!engine.index.problems.some((p) => p.file === t.file && p.line === t.line)) {
                violations.push(`${t.file}:${t.line}: the index does not report the torn line`);
            }
        }
        if (!validate)
            return;
        const report = await (0, validateStore_1.validateStore)(engine, { threads: 1 });
        for (const t of state.torn) {
            if (!report.findings.some((f) => f.file === t.file && f.line === t.line && (f.code === 'EB003' || f.code === 'EB001'))) {
                violations.push(`${t.file}:${t.line}: validate reports no torn or invalid line there`);
            }
        }
        for (const f of report.findings) {
            if (f.code === 'EB013' || f.code === 'EB015')
                violations.push(`${f.file}:${f.line}: ${f.code} ${f.message}`);
        }
    }
    finally {
        await engine.close();
    }
}
/** What a writer killed mid-write leaves: the first part of an event line, no line end (never acknowledged). */
function injectTornTail(state) {
    const dir = path.join(state.store, layout_1.EVENTS_DIR);
    fs.mkdirSync(dir, { recursive: true });
    const names = fs.readdirSync(dir).filter((name) => name.endsWith('.jsonl')).sort();
    const name = names[names.length - 1] ?? (0, layout_1.eventFileName)((0, timestamp_1.utcDay)(Date.now()));
    const absolute = path.join(dir, name);
    const existing = fs.existsSync(absolute) ? fs.readFileSync(absolute) : Buffer.alloc(0);
    const lead = existing.length > 0 && existing[existing.length - 1] !== 0x0a ? '\n' : '';
    const line = (0, event_1.serializeEvent)((0, event_1.createEvent)('trade_executed', { torn: true }, { source: 'crash test' }));
    const text = line.slice(0, 1 + Math.floor(state.random() * (line.length - 2)));
    fs.appendFileSync(absolute, lead + text);
    return { file: `${layout_1.EVENTS_DIR}/${name}`, line: countNewlines(existing) + (lead ? 2 : 1), text };
}
function readEventFiles(store) {
    const dir = path.join(store, layout_1.EVENTS_DIR);
    const files = new Map();
    if (!fs.existsSync(dir))
        return files;
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.jsonl')).sort()) {
        files.set(`${layout_1.EVENTS_DIR}/${name}`, fs.readFileSync(path.join(dir, name)));
    }
    return files;
}
/** Event ids in file order, and the lines that are not JSON events. Plain fs and JSON.parse: independent of the engine. */
function parseLines(files) {
    const ids = [];
    const invalid = [];
    for (const [file, bytes] of files) {
        // Line by line from the bytes: a store grown by many trials can be larger than one string may be.
        let line = 0;
        for (let start = 0; start < bytes.length;) {
            const newline = bytes.indexOf(10, start);
            const end = newline === -1 ? bytes.length : newline;
            line++;
            if (end > start) {
                const text = bytes.toString('utf8', start, end);
                try {
                    const id = JSON.parse(text).metadata?.event_id;
                    if (typeof id !== 'string')
                        throw new Error('no event_id');
                    ids.push(id);
                }
                catch {
                    invalid.push({ file, line, text });
                }
            }
            start = end + 1;
        }
    }
    return { ids, invalid };
}
function countIds(files) {
    return parseLines(files).ids.length;
}
function countNewlines(bytes) {
    let n = 0;
    for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1))
        n++;
    return n;
}
//# sourceMappingURL=crashPublisherTrial.js.map