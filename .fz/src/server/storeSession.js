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
exports.StoreSession = void 0;
const path = __importStar(require("node:path"));
const busConfig_1 = require("../engine/config/busConfig");
const storeRef_1 = require("../engine/config/storeRef");
const validateConfig_1 = require("../engine/config/validateConfig");
const openStore_1 = require("../engine/openStore");
const loadSchemaRegistry_1 = require("../engine/schema/loadSchemaRegistry");
const layout_1 = require("../engine/store/layout");
const schemaRegistry_1 = require("../engine/schema/schemaRegistry");
const vocabulary_1 = require("../engine/validate/vocabulary");
const indexInChildProcess_1 = require("./indexInChildProcess");
const requestTrace_1 = require("./requestTrace");
const schemaWatcher_1 = require("./schemaWatcher");
const storeFindings_1 = require("./storeFindings");
/** Longest wait for the schema watcher's first scan before the store is announced as open. */
const WATCH_READY_WAIT_MS = 2000;
/**
 * One store and its engine (one engine per store): opened once, validated
 * once, then kept current by the engine's watcher. Requests and documents of
 * the store go through here. `folder` is the workspace folder whose settings
 * and `eventbus.config.json` apply (null for a store opened because a file of
 * it was opened from outside the workspace).
 */
class StoreSession {
    root;
    folder;
    settings;
    events;
    state = 'opening';
    /** How far opening has come; undefined once the store is ready (or failed). */
    progress = { phase: 'indexing', percent: 0 };
    error;
    engine;
    /** Empty until loaded, so documents opened early validate without schemas only if loading fails. */
    registry = new schemaRegistry_1.SchemaRegistry();
    /** eventbus.config.json overlaid with the `eventbus.bus.*` settings the user set. */
    config = busConfig_1.DEFAULT_CONFIG;
    /** eventbus.config.json alone (defaults when there is none), kept so a settings change can overlay again. */
    fileConfig = busConfig_1.DEFAULT_CONFIG;
    /** `getStatus()` of the last bus the editor published through (undefined before the first publish). */
    lastBusStatus;
    findings = { lineFindings: new Map(), integrityFindings: new Map() };
    lastRefresh;
    /** Resolves once the registry and config are loaded (documents wait for it before validating). */
    rulesReady;
    /** Resolves once the store is indexed and validated (or failed to). */
    ready;
    /**
     * Resolves once the index is there (or opening failed), before the whole
     * store is validated: the views and navigation need only the index, and
     * validating a million events takes seconds more.
     */
    indexed;
    markIndexed = () => undefined;
    stopWatching;
    stamps = new Map();
    passes = Promise.resolve();
    queuedPass;
    closed = false;
    stopChildBuild;
    constructor(root, folder, settings, events) {
        this.root = root;
        this.folder = folder;
        this.settings = settings;
        this.events = events;
        this.rulesReady = this.loadRules();
        this.indexed = new Promise((resolve) => (this.markIndexed = resolve));
        this.ready = this.open().finally(() => this.markIndexed());
    }
    /** What an open document's per-line rules run with. */
    lineContext() {
        return { registry: this.registry, maxRetryCount: this.config.max_retry_count, maxNestingDepth: this.config.max_nesting_depth, ...(0, vocabulary_1.vocabularyOf)(this.config) };
    }
    /** Absolute path of a store-relative file. */
    absolutePath(file) {
        return path.join(this.root, ...file.split('/'));
    }
    /** Store-relative, `/`-separated path of an absolute one (undefined when outside the store). */
    relativePath(absPath) {
        const relative = path.relative(this.root, absPath);
        if (relative.startsWith('..') || path.isAbsolute(relative))
            return undefined;
        return relative.split(path.sep).join('/');
    }
    /** The engine, or a clear error for a request that came too early or for a store that failed to open. */
    async requireEngine() {
        await this.indexed;
        if (!this.engine)
            throw new Error(`${this.root}: the store is not open${this.error ? `: ${this.error}` : ''}`);
        return this.engine;
    }
    async close() {
        this.closed = true;
        this.stopChildBuild?.();
        await this.ready.catch(() => undefined);
        await this.passes.catch(() => undefined);
        if (this.stopWatching)
            await this.stopWatching();
        if (this.engine)
            await this.engine.close();
        this.engine = undefined;
    }
    async loadRules() {
        try {
            this.fileConfig = (await (0, storeRef_1.configOfStore)(this.root, this.folder ? [this.folder] : [])).config;
        }
        catch (error) {
            this.events.log(`${error.message} (using the default configuration)`);
        }
        this.config = this.overlaidConfig();
        try {
            this.registry = await (0, loadSchemaRegistry_1.loadSchemaRegistry)(this.root, this.schemasDirOption());
            for (const p of this.registry.problems)
                this.events.log(`${path.join(this.root, p.file)}:${p.line}:${p.column}: schema file skipped: ${p.message}`);
        }
        catch (error) {
            this.events.log(`${this.root}: cannot load schemas: ${error.message}`);
        }
    }
    /** The file's config with the bus settings on top; settings that do not validate together are logged and left out. */
    overlaidConfig() {
        if (Object.keys(this.settings.bus).length === 0)
            return this.fileConfig;
        try {
            return (0, validateConfig_1.validateConfig)({ ...this.fileConfig, ...this.settings.bus }, { name: 'eventbus.bus settings' });
        }
        catch (error) {
            this.events.log(`${error.message} (using eventbus.config.json without the bus settings)`);
            return this.fileConfig;
        }
    }
    /**
     * New settings that keep the store open. When the bus keys change the
     * config, the store is validated again with it (EB019 follows
     * max_retry_count, EB017 follows event_ttl_days) and `true` is returned so
     * open documents get the new line context.
     */
    async applySettings(settings) {
        this.settings = settings;
        await this.rulesReady;
        const before = this.config;
        this.config = this.overlaidConfig();
        if (sameConfig(before, this.config))
            return false;
        await this.revalidateAll('a settings change');
        return true;
    }
    /** Validates the whole store again (new rules: config or schemas) and publishes what changed. */
    revalidateAll(after) {
        this.passes = this.passes.then(async () => {
            // A store still opening validates with the rules it read; validate again with these once it is open.
            await this.ready;
            const engine = this.engine;
            if (!engine || this.closed || this.state !== 'ready')
                return;
            const hadFindings = new Set([...this.findings.lineFindings.keys(), ...this.findings.integrityFindings.keys()]);
            try {
                this.findings = await (0, storeFindings_1.fullStorePass)(engine, this.passSettings());
                this.lastRefresh = new Date();
                const touched = new Set([...hadFindings, ...this.findings.lineFindings.keys(), ...this.findings.integrityFindings.keys(), ...this.stamps.keys()]);
                this.events.findingsChanged(this, touched, 'changed');
            }
            catch (error) {
                this.events.log(`${this.root}: cannot re-validate after ${after}: ${error.message}`);
            }
        });
        return this.passes;
    }
    /** A schema or migration file changed on disk: the new registry validates the store and open documents. */
    async reloadSchemas() {
        if (this.closed)
            return;
        try {
            const registry = await (0, loadSchemaRegistry_1.loadSchemaRegistry)(this.root, this.schemasDirOption());
            for (const p of registry.problems)
                this.events.log(`${path.join(this.root, p.file)}:${p.line}:${p.column}: schema file skipped: ${p.message}`);
            this.registry = registry;
            this.events.rulesChanged(this);
        }
        catch (error) {
            this.events.log(`${this.root}: cannot reload schemas: ${error.message} (keeping the ones loaded before)`);
            return;
        }
        await this.revalidateAll('a schema change');
    }
    schemasDirOption() {
        if (!this.settings.schemasPath)
            return {};
        return { schemasDir: path.resolve(this.folder ?? this.root, this.settings.schemasPath) };
    }
    async open() {
        await this.rulesReady;
        const started = performance.now();
        try {
            await this.indexElsewhereIfCold();
            if (this.closed)
                return;
            const engine = await (0, openStore_1.openStore)(this.root, {
                sequenceMode: this.settings.sequenceMode,
                upcast: (event) => this.registry.upcast(event),
                onProgress: (done, total) => this.setProgress('indexing', done, total),
                fold: this.config.fold,
                maxNestingDepth: this.config.max_nesting_depth,
            });
            if (this.closed) {
                await engine.close();
                return;
            }
            this.engine = engine;
            this.markIndexed();
            (0, requestTrace_1.traceRequest)('store-indexed', started);
            this.setProgress('validating', 0, 1);
            this.findings = await (0, storeFindings_1.fullStorePass)(engine, this.passSettings(), (done, total) => this.setProgress('validating', done, total));
            (0, requestTrace_1.traceRequest)('store-validated', started);
            this.stamps = stampsOf(engine);
            this.lastRefresh = new Date();
            this.state = 'ready';
            this.progress = undefined;
            const stopEvents = engine.watch((delta) => this.onWatched(delta));
            const schemas = (0, schemaWatcher_1.watchSchemas)(this.schemasDirOption().schemasDir ?? path.join(this.root, layout_1.SCHEMAS_DIR), () => void this.reloadSchemas());
            this.stopWatching = async () => {
                await Promise.all([stopEvents(), schemas.close()]);
            };
            // Announced as open once edits to the schemas are seen (a slow disk does not hold the store back long).
            await Promise.race([schemas.ready, new Promise((resolve) => setTimeout(resolve, WATCH_READY_WAIT_MS))]);
            // Day files, and the files with findings that are not day files (EB022 on an unusable schema file).
            this.events.findingsChanged(this, new Set([...this.stamps.keys(), ...this.findings.lineFindings.keys()]), 'opened');
        }
        catch (error) {
            this.state = 'failed';
            this.progress = undefined;
            this.error = error.message;
            this.events.log(`${this.root}: cannot open the store: ${this.error}`);
        }
    }
    /**
     * A store without a usable persisted index is indexed by a child process
     * (its memory is not the server's, and this thread keeps answering); the
     * engine then opens the written index in place. When the child cannot
     * (no bundle beside the server, a read-only store), openStore builds here.
     */
    async indexElsewhereIfCold() {
        const mode = this.settings.sequenceMode === 'auto' ? undefined : this.settings.sequenceMode;
        if ((0, indexInChildProcess_1.hasPersistedIndex)(this.root, mode))
            return;
        const build = (0, indexInChildProcess_1.buildIndexInChildProcess)(this.root, mode, (done, total) => this.setProgress('indexing', done, total), (message) => this.events.log(message));
        if (!build)
            return;
        this.stopChildBuild = () => build.stop();
        try {
            await build.done;
        }
        finally {
            this.stopChildBuild = undefined;
        }
    }
    setProgress(phase, done, total) {
        if (this.closed)
            return;
        this.progress = { phase, percent: total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0 };
        this.events.progressed(this);
    }
    passSettings() {
        // The server shares the machine with the editor, and its thread answers the views: one worker checks the lines.
        return { registry: this.registry, config: this.config, threads: 1 };
    }
    /** The watcher refreshed the index: re-check changed files and the store-wide rules, one pass at a time. */
    onWatched(delta) {
        // Re-validating a large day file takes a while: the new events are shown before their findings.
        const announced = delta.appendedEvents > 0 || delta.rebuiltFiles.length > 0 || delta.removedFiles.length > 0;
        if (announced && this.engine && !this.closed)
            this.events.indexChanged(this, delta);
        for (const problem of delta.newProblems)
            if (problem.kind === 'unreadable')
                this.events.log(`${this.root}/${problem.file}: ${problem.message}`);
        // A store appended to faster than it validates gets one pass for the lot, not a growing queue of them.
        if (this.queuedPass) {
            this.queuedPass.delta = mergeDeltas(this.queuedPass.delta, delta);
            this.queuedPass.announced ||= announced;
            return;
        }
        const queued = { delta, announced };
        this.queuedPass = queued;
        this.passes = this.passes.then(() => {
            if (this.queuedPass === queued)
                this.queuedPass = undefined;
            return this.validateChanges(queued.delta, queued.announced);
        });
    }
    /** One validation pass over what changed since the last one (files appended to: only their new lines). */
    async validateChanges(delta, announced) {
        const engine = this.engine;
        if (!engine || this.closed)
            return;
        const now = stampsOf(engine);
        const changed = new Set(delta.rebuiltFiles);
        const appendedFrom = new Map();
        for (const [file, stamp] of now) {
            const before = this.stamps.get(file);
            if (before && before.size === stamp.size && before.mtimeMs === stamp.mtimeMs)
                continue;
            changed.add(file);
            // Only appended to (the index kept its earlier lines): the lines before the old last one are as they were.
            if (before && !stamp.compressed && stamp.size > before.size && !delta.rebuiltFiles.includes(file))
                appendedFrom.set(file, Math.max(1, before.lines - 1));
        }
        const removed = [...this.stamps.keys()].filter((file) => !now.has(file));
        try {
            const hadIntegrity = [...this.findings.integrityFindings.keys()];
            this.findings = await (0, storeFindings_1.incrementalStorePass)(engine, this.passSettings(), this.findings, [...changed], appendedFrom);
            this.stamps = now;
            this.lastRefresh = new Date();
            // Store-wide findings can move to any file: every file that has or had them is published again.
            const touched = new Set([...changed, ...removed, ...hadIntegrity, ...this.findings.integrityFindings.keys()]);
            this.events.findingsChanged(this, touched, 'changed', delta, announced);
        }
        catch (error) {
            this.events.log(`${this.root}: cannot re-validate after a change: ${error.message}`);
        }
    }
}
exports.StoreSession = StoreSession;
/** Two watched changes as one: their appends added up, their rewritten and removed files together. */
function mergeDeltas(a, b) {
    const union = (x, y) => [...new Set([...x, ...y])];
    return {
        appendedEvents: a.appendedEvents + b.appendedEvents,
        rebuiltFiles: union(a.rebuiltFiles, b.rebuiltFiles),
        removedFiles: union(a.removedFiles, b.removedFiles),
        newProblems: [...a.newProblems, ...b.newProblems],
    };
}
function sameConfig(a, b) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    // The vocabulary lists and the fold are compared by value.
    return [...keys].every((key) => a[key] === b[key] || JSON.stringify(a[key]) === JSON.stringify(b[key]));
}
function stampsOf(engine) {
    return new Map(engine.index.files.map((f) => [f.file, { size: f.size, mtimeMs: f.mtimeMs, lines: f.lines, compressed: f.compressed }]));
}
//# sourceMappingURL=storeSession.js.map