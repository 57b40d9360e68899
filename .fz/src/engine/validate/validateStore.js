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
exports.validateStore = validateStore;
exports.locateIssues = locateIssues;
exports.locateEachIssue = locateEachIssue;
const fs = __importStar(require("node:fs"));
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const busConfig_1 = require("../config/busConfig");
const loadSchemaRegistry_1 = require("../schema/loadSchemaRegistry");
const listEventFiles_1 = require("../store/listEventFiles");
const layout_1 = require("../store/layout");
const lineReader_1 = require("../store/lineReader");
const finding_1 = require("./finding");
const vocabulary_1 = require("./vocabulary");
const repeatedCauses_1 = require("./repeatedCauses");
const findingBuilder_1 = require("./findingBuilder");
const fileValidationPool_1 = require("./fileValidationPool");
const integrityRules_1 = require("./integrityRules");
const integrityIssue_1 = require("./integrityIssue");
/**
 * Every finding of a store: the per-line rules over every line of every
 * event file (on worker threads), and the store-wide rules over the index
 * (on this thread, meanwhile). Integrity issues get their ranges from the
 * lines they point at, read once per affected file.
 */
async function validateStore(engine, options = {}) {
    const started = performance.now();
    const config = options.config ?? busConfig_1.DEFAULT_CONFIG;
    const repeats = options.repeats ?? 'each';
    const registry = options.registry ?? (await (0, loadSchemaRegistry_1.loadSchemaRegistry)(engine.root));
    const { tasks, refused } = await eventFileTasks(engine, options.severity);
    tasks.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const totalBytes = tasks.reduce((sum, task) => sum + (task.absPath.endsWith('.gz') ? task.size * 6 : task.size), 0);
    let doneBytes = 0;
    let integrityDone = () => undefined;
    const callerJoinsWhen = new Promise((resolve) => (integrityDone = resolve));
    const output = new FindingsOutput(repeats, options.onFindings);
    const linesDone = (0, fileValidationPool_1.validateFiles)(tasks, { registry, maxRetryCount: config.max_retry_count, maxNestingDepth: config.max_nesting_depth, severity: options.severity, repeats, ...(0, vocabulary_1.vocabularyOf)(config) }, {
        threads: options.threads ?? os.availableParallelism(),
        onProgress: (bytes) => {
            doneBytes += bytes;
            options.onProgress?.(Math.min(Math.round(doneBytes), totalBytes), totalBytes);
        },
        // This thread runs the store-wide rules first, then checks lines with the workers.
        ...(options.linesOnThisThread === false ? {} : { callerJoinsWhen }),
        // Streamed by piece (a few MiB of events at a time); a file's repeated causes counted per file need the file whole.
        ...(options.onFindings && repeats !== 'per-file'
            ? { onPiece: (piece, throughLine, last) => output.piece(piece.file, piece.findings, throughLine, last) }
            : { onFile: (result) => output.piece(result.file, result.findings, Number.POSITIVE_INFINITY, true) }),
    });
    // Observed now so a failing pool is not an unhandled rejection while this thread works; awaited below.
    void linesDone.catch(() => undefined);
    // Let the pool start its workers before this thread gets busy with the index.
    await new Promise((resolve) => setImmediate(resolve));
    try {
        // In slices: a language server validating a big store answers the views meanwhile.
        const issues = await (0, integrityRules_1.checkIntegrityInSlices)(engine.index, {
            eventTtlDays: config.event_ttl_days,
            timeOrderToleranceMs: config.time_order_tolerance_ms,
            severity: options.severity,
        });
        output.integrity(await locateRepeatedIssues(engine, issues, options.severity, repeats));
    }
    finally {
        // Even when the rules fail, the pool must not wait for this thread forever.
        integrityDone();
    }
    const perFile = await linesDone;
    output.rest([...refused, ...schemaFileFindings(registry, options.severity)]);
    return {
        findings: output.kept,
        counts: output.counts,
        files: perFile.length + refused.length,
        eventLines: perFile.reduce((sum, result) => sum + result.eventLines, 0),
        bytes: perFile.reduce((sum, result) => sum + result.bytes, 0),
        elapsedMs: performance.now() - started,
    };
}
/** EB022 on each schema file the registry could not use, where the problem is. */
function schemaFileFindings(registry, severity) {
    const findings = [];
    const brokenFiles = new Set(registry.types().flatMap((type) => registry.knownVersions(type).map((v) => registry.brokenSchema(type, v)?.file)));
    for (const problem of registry.problems) {
        if (!brokenFiles.has(problem.file))
            continue;
        const base = (0, findingBuilder_1.fileFinding)(problem.file, 'EB022', problem.message, severity);
        if (base)
            findings.push({ ...base, line: problem.line, column: problem.column, endLine: problem.line, endColumn: problem.column });
    }
    return findings;
}
/**
 * Where validateStore's findings go, in store order: a file's line findings
 * wait for the store-wide rules (they are merged with that file's), then go
 * to the stream (or into `kept`); repeated causes are tallied across files
 * when counted per store, and follow at the end.
 */
class FindingsOutput {
    repeats;
    stream;
    kept = [];
    counts = { error: 0, warning: 0, information: 0, hint: 0 };
    integrityByFile;
    waiting = [];
    storeTally;
    constructor(repeats, stream) {
        this.repeats = repeats;
        this.stream = stream;
        this.storeTally = repeats === 'per-store' ? new repeatedCauses_1.CauseTally('per-store') : undefined;
    }
    /** Line findings (sorted) of a file's lines up to `throughLine`, when the pool has them. */
    piece(file, findings, throughLine, last) {
        if (!this.integrityByFile)
            this.waiting.push({ file, findings, throughLine, last });
        else
            this.emitPiece(file, findings, throughLine, last);
    }
    /** The store-wide findings (located): files waiting for them go out now. */
    integrity(findings) {
        const byFile = new Map();
        for (const finding of findings) {
            const list = byFile.get(finding.file) ?? [];
            list.push(finding);
            byFile.set(finding.file, list);
        }
        for (const list of byFile.values())
            (0, finding_1.sortFindings)(list);
        this.integrityByFile = byFile;
        for (const { file, findings: lineFindings, throughLine, last } of this.waiting.splice(0))
            this.emitPiece(file, lineFindings, throughLine, last);
    }
    /** What has no file of the pool (refused files), the repeated causes, and store-wide findings of files not checked. */
    rest(extra) {
        const last = [...extra];
        for (const findings of this.integrityByFile?.values() ?? [])
            for (const finding of findings)
                if (!this.storeTally?.add(finding))
                    last.push(finding);
        this.integrityByFile?.clear();
        if (this.storeTally)
            for (const summary of this.storeTally.findings())
                last.push(summary);
        this.emit((0, finding_1.sortFindings)(last));
    }
    emitPiece(file, lineFindings, throughLine, last) {
        // The file's store-wide findings on the lines of this piece (they are sorted), all the rest with its last piece.
        const pending = this.integrityByFile?.get(file) ?? [];
        let upTo = 0;
        while (upTo < pending.length && (last || pending[upTo].line <= throughLine))
            upTo++;
        const integrity = pending.splice(0, upTo);
        if (pending.length === 0)
            this.integrityByFile?.delete(file);
        let findings = integrity.length > 0 ? (0, finding_1.sortFindings)([...lineFindings, ...integrity]) : [...lineFindings];
        if (this.repeats === 'per-file')
            findings = (0, repeatedCauses_1.collapseRepeats)(findings, 'per-file');
        if (this.storeTally)
            findings = findings.filter((finding) => !this.storeTally.add(finding));
        this.emit(findings);
    }
    emit(findings) {
        if (findings.length === 0)
            return;
        for (const finding of findings)
            this.counts[finding.severity] += finding.count ?? 1;
        if (this.stream)
            this.stream(findings);
        else
            for (const finding of findings)
                this.kept.push(finding);
    }
}
/**
 * Located store-wide findings. With repeats counted, only the first places
 * of a repeated cause (a timestamp going back) are read for their ranges;
 * the rest are counted.
 */
async function locateRepeatedIssues(engine, issues, severity, repeats) {
    if (repeats === 'each')
        return locateIssues(engine, issues, severity);
    const plain = [];
    const byCause = new Map();
    for (const issue of [...issues].sort((a, b) => a.ordinal - b.ordinal)) {
        const cause = issue.code === 'EB018' ? (repeats === 'per-file' ? `${engine.index.event(issue.ordinal).file}\u0000EB018` : 'EB018') : undefined;
        if (cause === undefined) {
            plain.push(issue);
            continue;
        }
        const list = byCause.get(cause) ?? [];
        list.push(issue);
        byCause.set(cause, list);
    }
    const firsts = [...byCause.values()].flatMap((list) => list.slice(0, repeatedCauses_1.FIRST_PLACES));
    const located = await locateIssues(engine, [...plain, ...firsts], severity);
    const tally = new repeatedCauses_1.CauseTally(repeats);
    const out = [];
    for (const finding of located)
        if (!tally.add(finding))
            out.push(finding);
    for (const list of byCause.values()) {
        if (list.length <= repeatedCauses_1.FIRST_PLACES)
            continue;
        const first = located.find((finding) => finding.code === list[0].code && finding.file === engine.index.event(list[0].ordinal).file);
        if (first)
            tally.addCount(first, list.length - repeatedCauses_1.FIRST_PLACES);
    }
    return [...out, ...tally.findings()];
}
/**
 * The index's files plus any other file named like a day of events, so an
 * event file the index could not take is still a finding. Those are
 * checked before they are read: a symlink out of the store is not followed
 * (its target is none of the store's business) and a folder or a pipe is
 * not opened (reading a pipe waits forever); each is an EB021 instead.
 */
async function eventFileTasks(engine, severity) {
    const byFile = new Map();
    const refused = [];
    for (const indexed of engine.index.files) {
        byFile.set(indexed.file, { file: indexed.file, absPath: path.join(engine.root, ...indexed.file.split('/')), size: indexed.size });
    }
    let names = [];
    try {
        names = await fs.promises.readdir(path.join(engine.root, layout_1.EVENTS_DIR));
    }
    catch {
        // No events folder: nothing more than the index knows.
    }
    const realRoot = await fs.promises.realpath(engine.root).catch(() => path.resolve(engine.root));
    for (const name of names) {
        const notDay = (0, layout_1.notADayFile)(name);
        if (notDay !== undefined) {
            const finding = (0, findingBuilder_1.fileFinding)(`${layout_1.EVENTS_DIR}/${name}`, 'EB024', notDay, severity);
            if (finding)
                refused.push(finding);
            continue;
        }
        if (!(0, layout_1.parseEventFileName)(name))
            continue;
        const file = `${layout_1.EVENTS_DIR}/${name}`;
        if (byFile.has(file))
            continue;
        const absPath = path.join(engine.root, layout_1.EVENTS_DIR, name);
        const refusal = await whyNotRead(absPath, realRoot);
        if (refusal !== undefined) {
            const finding = (0, findingBuilder_1.fileFinding)(file, 'EB021', `cannot read the file: ${refusal}`, severity);
            if (finding)
                refused.push(finding);
            continue;
        }
        const size = await fs.promises.stat(absPath).then((s) => s.size, () => 0);
        byFile.set(file, { file, absPath, size });
    }
    return { tasks: [...byFile.values()], refused };
}
/** Why an event file must not be opened, or undefined when reading it is safe (read errors are reported by the reader). */
async function whyNotRead(absPath, realRoot) {
    try {
        const link = await fs.promises.lstat(absPath);
        if (link.isSymbolicLink()) {
            const target = await fs.promises.realpath(absPath);
            if (!(0, listEventFiles_1.isInside)(realRoot, target))
                return `symlink points outside the store (${target}); not followed`;
        }
        const stat = await fs.promises.stat(absPath);
        if (!stat.isFile())
            return `not a regular file (${(0, listEventFiles_1.describeKind)(stat)}); not read`;
    }
    catch (error) {
        return error.message;
    }
    return undefined;
}
/** Reads each file that has issues once, and gives every issue the range of its field (the language server uses it too). */
async function locateIssues(engine, issues, severity) {
    return (await locateEachIssue(engine, issues, severity)).filter((finding) => finding !== undefined);
}
/** The finding of each issue, in the issues' order (undefined where its severity is off). */
async function locateEachIssue(engine, issues, severity) {
    const byFile = new Map();
    issues.forEach((issue, at) => {
        const event = engine.index.event(issue.ordinal);
        const list = byFile.get(event.file) ?? [];
        list.push({ issue, event, at });
        byFile.set(event.file, list);
    });
    const findings = new Array(issues.length);
    for (const [file, list] of byFile) {
        let bytes;
        try {
            bytes = (await (0, lineReader_1.readFileBytesTolerant)(path.join(engine.root, ...file.split('/')))).bytes;
        }
        catch {
            // The file went away since indexing: whole-line ranges will do.
        }
        for (const { issue, event, at } of list) {
            const text = bytes && event.offset + event.length <= bytes.length ? bytes.toString('utf8', event.offset, event.offset + event.length) : undefined;
            findings[at] = (0, integrityIssue_1.issueToFinding)(issue, event, text, severity) ?? undefined;
        }
    }
    return findings;
}
//# sourceMappingURL=validateStore.js.map