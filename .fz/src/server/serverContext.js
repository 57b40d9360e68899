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
exports.ServerContext = exports.EVENT_LANGUAGE_ID = void 0;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const node_1 = require("vscode-languageserver/node");
const storeRef_1 = require("../engine/config/storeRef");
const repeatedCauses_1 = require("../engine/validate/repeatedCauses");
const layout_1 = require("../engine/store/layout");
const protocol_1 = require("../shared/protocol");
const settings_1 = require("../shared/settings");
const uris_1 = require("../shared/uris");
const diagnosticsPublisher_1 = require("./diagnosticsPublisher");
const eventDocument_1 = require("./eventDocument");
const glob_1 = require("./glob");
const serverSettings_1 = require("./serverSettings");
const storeFindings_1 = require("./storeFindings");
const storeSession_1 = require("./storeSession");
const pendingWork_1 = require("../engine/store/pendingWork");
exports.EVENT_LANGUAGE_ID = 'event-jsonl';
/** Group for documents that belong to no store (validated from their text, without schemas). */
const LOOSE = '(no store)';
/**
 * The composition root (rust-analyzer's ctx): workspace folders, their
 * settings, one StoreSession per store, the open documents and the
 * diagnostics publisher. Handlers and language features reach stores
 * and documents only through here.
 */
/** Least time between two progress notifications of a store in the same phase. */
const PROGRESS_INTERVAL_MS = 250;
/** A pause in typing this long publishes an open document's diagnostics. */
const EDITS_SETTLE_MS = 40;
/** Typing without a pause still publishes this often. */
const PUBLISH_MAX_WAIT_MS = 500;
class ServerContext {
    connection;
    sessions = new Map();
    documents = new Map();
    publisher;
    folders = [];
    globalSettings = (0, serverSettings_1.resolveSettings)(undefined).settings;
    pullsConfiguration = false;
    /** Re-publishing after a settings change waits for the sessions it replaced. */
    settingsWork = Promise.resolve();
    /** When each store's progress was last sent (to send a few a second at most). */
    progressSent = new WeakMap();
    markDiscovered = () => undefined;
    /**
     * Resolves once the workspace folders were looked at for stores: a status
     * asked before that would say "no store" of a store about to open.
     */
    discovered = new Promise((resolve) => (this.markDiscovered = resolve));
    /**
     * Commands the client says it can run (initializationOptions.clientCommands):
     * code actions naming any other command are not offered, so an editor
     * without the extension (or an older one) never shows a dead action.
     */
    clientCommands = new Set();
    constructor(connection) {
        this.connection = connection;
        this.publisher = new diagnosticsPublisher_1.DiagnosticsPublisher(connection);
    }
    // ------------------------------------------------------------------ lifecycle
    initialize(params) {
        this.pullsConfiguration = params.capabilities.workspace?.configuration === true;
        const options = params.initializationOptions;
        this.clientCommands = new Set(Array.isArray(options?.clientCommands) ? options.clientCommands.filter((c) => typeof c === 'string') : []);
        const raw = options && typeof options === 'object' && 'settings' in options ? options.settings : options;
        this.globalSettings = this.resolveLogged(raw);
        const folders = params.workspaceFolders?.length
            ? params.workspaceFolders.map((f) => f.uri)
            : params.rootUri
                ? [params.rootUri]
                : params.rootPath
                    ? [(0, uris_1.fileUriOf)(params.rootPath)]
                    : [];
        this.folders = folders
            .map((uri) => ({ uri, path: (0, uris_1.fsPathOfUri)(uri), settings: this.globalSettings }))
            .filter((f) => f.path !== undefined);
        return {
            capabilities: {
                textDocumentSync: { openClose: true, change: node_1.TextDocumentSyncKind.Incremental, save: { includeText: false } },
            },
            serverInfo: { name: 'eventbus-language-server', version: '0.1.0' },
        };
    }
    /** After `initialized`: pull per-folder settings when the client offers them, then open every folder's store. */
    async initialized() {
        if (this.pullsConfiguration) {
            for (const folder of this.folders)
                folder.settings = await this.pullFolderSettings(folder);
        }
        try {
            for (const folder of this.folders) {
                const root = await this.storeRootOf(folder);
                if (root && isFolder(root) && !this.sessions.has(root))
                    this.createSession(root, folder.path, folder.settings);
            }
        }
        finally {
            this.markDiscovered();
        }
    }
    async shutdown() {
        await Promise.all([...this.sessions.values()].map((s) => s.close()));
        this.sessions.clear();
    }
    // ------------------------------------------------------------------ settings
    onDidChangeConfiguration(params) {
        this.settingsWork = this.settingsWork.then(() => this.applyConfiguration(params)).catch((error) => this.log(`settings: ${error.message}`));
        return this.settingsWork;
    }
    async applyConfiguration(params) {
        const pushed = params.settings;
        if (!this.pullsConfiguration)
            this.globalSettings = this.resolveLogged(pushed?.[settings_1.SETTINGS_SECTION] ?? pushed);
        for (const folder of this.folders) {
            folder.settings = this.pullsConfiguration ? await this.pullFolderSettings(folder) : this.globalSettings;
        }
        for (const session of [...this.sessions.values()]) {
            // Closed by an earlier reopen in this loop (its root became another session's).
            if (this.sessions.get(session.root) !== session)
                continue;
            const settings = this.settingsForFolder(session.folder);
            const folder = this.folders.find((f) => f.path === session.folder);
            const newRoot = folder ? await this.storeRootOf(folder) : session.root;
            if ((0, serverSettings_1.needsReopen)(session.settings, settings) || (newRoot !== undefined && newRoot !== session.root)) {
                await this.reopen(session, newRoot ?? session.root, settings);
            }
            else {
                const republish = !(0, serverSettings_1.sameSeverity)(session.settings.severity, settings.severity) ||
                    session.settings.eventFileGlob !== settings.eventFileGlob ||
                    session.settings.maxProblemsPerFile !== settings.maxProblemsPerFile;
                // Bus settings (eventbus.bus.*) change the rules in place: the session validates again and publishes.
                const configChanged = await session.applySettings(settings);
                if (configChanged) {
                    this.rulesChanged(session);
                }
                else if (republish) {
                    this.publishStore(session, this.filesOfSession(session));
                    for (const entry of this.documents.values())
                        if (entry.session === session)
                            this.schedulePublish(entry);
                    this.notifyStoreChanged(session, 'changed');
                }
            }
        }
    }
    async reopen(old, root, settings) {
        // The new root may already be open (a file of it was opened): that session gives way too, so one root has one session.
        const displaced = [old, this.sessions.get(root)].filter((s, i, all) => s !== undefined && all.indexOf(s) === i);
        for (const session of displaced) {
            this.sessions.delete(session.root);
            await session.close();
            this.publisher.clearGroup(session.root);
        }
        if (!isFolder(root))
            return;
        const session = this.createSession(root, old.folder, settings);
        // Documents of the closed sessions now belong to the new session (same root) or to none.
        for (const [uri, entry] of this.documents) {
            if (!entry.session || !displaced.includes(entry.session))
                continue;
            this.documents.delete(uri);
            await entry.queue;
            const text = entry.doc?.text() ?? '';
            this.openDocument(uri, entry.doc?.version ?? 0, text, exports.EVENT_LANGUAGE_ID);
        }
        await session.ready;
    }
    async pullFolderSettings(folder) {
        try {
            const raw = await this.connection.workspace.getConfiguration({ scopeUri: folder.uri, section: settings_1.SETTINGS_SECTION });
            return this.resolveLogged(raw);
        }
        catch {
            return this.globalSettings;
        }
    }
    resolveLogged(raw) {
        const { settings, warnings } = (0, serverSettings_1.resolveSettings)(raw);
        for (const warning of warnings)
            this.log(warning);
        return settings;
    }
    settingsForFolder(folder) {
        return this.folders.find((f) => f.path === folder)?.settings ?? this.globalSettings;
    }
    /** `eventbus.storePath`, else `eventbus.bus.storage_path`, else the folder's eventbus.config.json `storage_path`, else `event_store`. */
    async storeRootOf(folder) {
        if (folder.settings.storePath)
            return path.resolve(folder.path, folder.settings.storePath);
        if (folder.settings.bus.storage_path)
            return path.resolve(folder.path, folder.settings.bus.storage_path);
        try {
            return (await (0, storeRef_1.resolveFolderStore)(undefined, folder.path)).root;
        }
        catch (error) {
            this.log(`${error.message} (looking for the store in ${settings_1.DEFAULT_STORE_PATH}/)`);
            return path.join(folder.path, settings_1.DEFAULT_STORE_PATH);
        }
    }
    // ------------------------------------------------------------------ sessions
    createSession(root, folder, settings) {
        const session = new storeSession_1.StoreSession(root, folder, settings, this);
        this.sessions.set(root, session);
        // The client learns of the store now, not when it is open: its views say "indexing", never "no store".
        this.progressed(session);
        return session;
    }
    /** The store a file belongs to: an open one whose root holds it, else one inferred from `<store>/events/<file>`. */
    sessionOfPath(absPath) {
        let best;
        for (const session of this.sessions.values()) {
            if (session.relativePath(absPath) !== undefined && (!best || session.root.length > best.root.length))
                best = session;
        }
        if (best)
            return best;
        if (path.basename(path.dirname(absPath)) !== layout_1.EVENTS_DIR)
            return undefined;
        return this.sessionAt(path.dirname(path.dirname(absPath)));
    }
    /** A session for the store at `root`, under the settings of the workspace folder holding it (if any). */
    sessionAt(root) {
        const folder = this.folders.find((f) => !path.relative(f.path, root).startsWith('..'));
        return this.createSession(root, folder?.path ?? null, folder?.settings ?? this.globalSettings);
    }
    /** The session a request names (its store root), or the first store; throws a message a person can act on. */
    sessionFor(store) {
        if (store !== undefined) {
            const root = path.resolve(store);
            const known = this.sessions.get(root);
            if (known)
                return known;
            // A store outside the workspace folders (a view may point at one): opened on first use, if it is one.
            if (isFolder(path.join(root, layout_1.EVENTS_DIR)))
                return this.sessionAt(root);
            throw new Error(`no store at ${store} (open a workspace folder with an event_store/ or set eventbus.storePath)`);
        }
        const first = this.sessions.values().next();
        if (first.done)
            throw new Error('no event store is open (expected an event_store/ folder in the workspace, or eventbus.storePath)');
        return first.value;
    }
    /** What language features see of a store; undefined until its engine is open. */
    featureContext(session) {
        const engine = session.engine;
        if (!engine)
            return undefined;
        return {
            engine,
            registry: session.registry,
            storeRoot: session.root,
            config: session.config,
            uriOf: (file) => this.uriOfStoreFile(session, file),
        };
    }
    /** The URI a store file is shown under: the open document's, else the file (or eventbus:) URI. */
    uriOfStoreFile(session, file) {
        const abs = session.absolutePath(file);
        for (const entry of this.documents.values())
            if (entry.absPath === abs)
                return entry.uri;
        return (0, uris_1.eventFileUriOf)(abs);
    }
    statusOf(session) {
        const engine = session.engine;
        return {
            storeRoot: session.root,
            folder: session.folder,
            state: session.state,
            ...(session.error ? { error: session.error } : {}),
            eventCount: engine?.index.eventCount ?? 0,
            files: engine?.index.files.length ?? 0,
            problems: this.problemsOf(session),
            sequenceMode: engine?.index.sequenceMode ?? null,
            lastRefresh: session.lastRefresh?.toISOString() ?? null,
            ...(session.lastBusStatus ? { bus: busStatusJson(session.lastBusStatus) } : {}),
            ...interruptedWorkOf(session.root),
            ...(session.progress ? { progress: session.progress } : {}),
        };
    }
    problemsOf(session) {
        return this.publisher.countsOf(session.root);
    }
    // ------------------------------------------------------------------ StoreSessionEvents
    findingsChanged(session, files, reason, delta, announced = false) {
        if (this.sessions.get(session.root) !== session)
            return;
        this.publishStore(session, files);
        for (const entry of this.documents.values()) {
            if (entry.session === session)
                this.schedulePublish(entry);
        }
        this.notifyStoreChanged(session, reason, delta, announced);
    }
    /** The session's line rules changed (config or schemas): open documents are checked again with them. */
    rulesChanged(session) {
        for (const entry of this.documents.values()) {
            if (entry.session !== session)
                continue;
            entry.queue = entry.queue.then(() => entry.doc?.setContext(session.lineContext()));
            this.schedulePublish(entry);
        }
    }
    progressed(session) {
        if (this.sessions.get(session.root) !== session)
            return;
        // A few notifications a second at most, but every change of phase at once.
        const last = this.progressSent.get(session);
        const now = Date.now();
        if (last && last.phase === session.progress?.phase && now - last.at < PROGRESS_INTERVAL_MS)
            return;
        this.progressSent.set(session, { phase: session.progress?.phase, at: now });
        void this.connection.sendNotification(protocol_1.StoreProgressNotification.type, { status: this.statusOf(session) });
    }
    indexChanged(session, delta) {
        if (this.sessions.get(session.root) !== session)
            return;
        this.notifyStoreChanged(session, 'indexed', delta);
    }
    log(message) {
        this.connection.console.log(message);
    }
    notifyStoreChanged(session, reason, delta, announced = false) {
        const engine = session.engine;
        const lastTimestampMs = engine?.index.lastTimestamp();
        void this.connection.sendNotification(protocol_1.StoreChangedNotification.type, {
            storeRoot: session.root,
            eventCount: engine?.index.eventCount ?? 0,
            files: engine?.index.files.length ?? 0,
            appendedEvents: delta?.appendedEvents ?? 0,
            rebuiltFiles: delta?.rebuiltFiles ?? [],
            removedFiles: delta?.removedFiles ?? [],
            problems: this.problemsOf(session),
            reason,
            ...(announced ? { announced } : {}),
            ...(lastTimestampMs !== undefined && Number.isFinite(lastTimestampMs) ? { lastTimestampMs } : {}),
        });
    }
    // ------------------------------------------------------------------ diagnostics
    filesOfSession(session) {
        return new Set([...session.findings.lineFindings.keys(), ...session.findings.integrityFindings.keys()]);
    }
    /** Publishes store files that are not open (open ones are published from their text). */
    publishStore(session, files) {
        const openPaths = new Set();
        for (const entry of this.documents.values()) {
            if (entry.session !== session || !entry.absPath)
                continue;
            openPaths.add(entry.absPath);
            if (entry.doc)
                entry.doc.setStoreFindings(storeWideOf(session, entry.file));
        }
        for (const file of files) {
            const abs = session.absolutePath(file);
            if (openPaths.has(abs))
                continue;
            const uri = (0, uris_1.eventFileUriOf)(abs);
            const findings = (0, storeFindings_1.findingsOfFile)(session.findings, file);
            this.publisher.publish(uri, session.root, (emit) => findings.forEach((f) => emit(f, f.line - 1)), session.settings.severity, undefined, this.publishLimits(session));
        }
    }
    publishLimits(session) {
        return { maxPerFile: session.settings.maxProblemsPerFile, uriOf: (file) => (0, uris_1.eventFileUriOf)(session.absolutePath(file)) };
    }
    schedulePublish(entry) {
        if (entry.publishScheduled)
            return;
        entry.publishScheduled = true;
        const firstAt = Date.now();
        // After the queued edits, once typing pauses for EDITS_SETTLE_MS (at most PUBLISH_MAX_WAIT_MS after the
        // first): a burst of changes publishes once, and hover and symbols are not kept waiting behind a walk of
        // every line's findings for each key press of a 100,000-line file.
        const publishWhenSettled = () => {
            const queued = entry.queue;
            void queued.then(() => setTimeout(() => {
                if (entry.queue !== queued && Date.now() - firstAt < PUBLISH_MAX_WAIT_MS)
                    return publishWhenSettled();
                void entry.queue.then(() => this.publishDocument(entry));
            }, EDITS_SETTLE_MS));
        };
        publishWhenSettled();
    }
    publishDocument(entry) {
        entry.publishScheduled = false;
        if (this.documents.get(entry.uri) !== entry || !entry.doc)
            return;
        const doc = entry.doc;
        const severity = entry.session?.settings.severity ?? this.globalSettings.severity;
        const limits = entry.session ? this.publishLimits(entry.session) : { maxPerFile: this.globalSettings.maxProblemsPerFile };
        this.publisher.publish(entry.uri, entry.session?.root ?? LOOSE, (emit) => visitCollapsed(doc, emit), severity, doc.version, limits);
    }
    // ------------------------------------------------------------------ documents
    isEventDocument(uri, languageId) {
        if (languageId === exports.EVENT_LANGUAGE_ID || (0, uris_1.isDecompressedUri)(uri))
            return true;
        const abs = (0, uris_1.fsPathOfUri)(uri);
        if (!abs)
            return false;
        const glob = (abs && this.sessionOfPathIfOpen(abs)?.settings.eventFileGlob) ?? this.globalSettings.eventFileGlob;
        return (0, glob_1.matchesGlob)(abs, glob) && (0, layout_1.parseEventFileName)(path.basename(abs)) !== null;
    }
    sessionOfPathIfOpen(absPath) {
        for (const session of this.sessions.values())
            if (session.relativePath(absPath) !== undefined)
                return session;
        return undefined;
    }
    onDidOpen(params) {
        const { uri, languageId, version, text } = params.textDocument;
        if (!this.isEventDocument(uri, languageId))
            return;
        this.openDocument(uri, version, text, languageId);
    }
    openDocument(uri, version, text, _languageId) {
        const absPath = (0, uris_1.fsPathOfUri)(uri);
        const session = absPath ? this.sessionOfPath(absPath) : undefined;
        const file = (session && absPath ? session.relativePath(absPath) : undefined) ?? (absPath ? path.basename(absPath) : uri);
        const entry = { uri, absPath, session, file, doc: undefined, queue: Promise.resolve(), publishScheduled: false };
        this.documents.set(uri, entry);
        entry.queue = (session ? session.rulesReady : Promise.resolve()).then(() => {
            entry.doc = new eventDocument_1.EventDocument(uri, file, version, text, session ? session.lineContext() : {});
            if (session && session.state === 'ready')
                entry.doc.setStoreFindings(storeWideOf(session, file));
        });
        // The closed file's diagnostics may sit under a differently spelled URI; the document's own replace them.
        if (session && absPath) {
            const closedUri = (0, uris_1.eventFileUriOf)(absPath);
            if (closedUri !== uri)
                this.publisher.clear(closedUri, session.root);
        }
        this.schedulePublish(entry);
    }
    onDidChange(params) {
        const entry = this.documents.get(params?.textDocument?.uri);
        if (!entry)
            return;
        // A malformed notification (text null, a broken range, no version) is refused whole: applying part of it would corrupt the document.
        const problem = malformedChange(params);
        if (problem !== undefined) {
            this.log(`textDocument/didChange for ${entry.uri} ignored: ${problem}`);
            return;
        }
        entry.queue = entry.queue.then(() => {
            if (!entry.doc)
                return;
            entry.doc.applyChanges(params.contentChanges);
            entry.doc.version = params.textDocument.version;
        });
        this.schedulePublish(entry);
    }
    onDidClose(params) {
        const entry = this.documents.get(params.textDocument.uri);
        if (!entry)
            return;
        this.documents.delete(entry.uri);
        const session = entry.session;
        if (session && session.state === 'ready' && this.filesOfSession(session).has(entry.file)) {
            // Back to what the store pass found on disk, so the Problems panel keeps showing the file.
            this.publisher.clear(entry.uri, session.root);
            this.publishStore(session, [entry.file]);
        }
        else {
            this.publisher.clear(entry.uri, session?.root ?? LOOSE);
        }
    }
    /** The current text of an open document (after queued edits), or undefined when not open. */
    async documentOf(uri) {
        const entry = this.documents.get(uri);
        if (!entry)
            return undefined;
        await entry.queue;
        return entry.doc ? entry : undefined;
    }
}
exports.ServerContext = ServerContext;
/** What an open document takes from the store pass: store-wide rules and EB021, found on disk. */
function storeWideOf(session, file) {
    const integrity = session.findings.integrityFindings.get(file) ?? [];
    const unreadable = (session.findings.lineFindings.get(file) ?? []).filter((f) => f.code === 'EB021');
    return [...unreadable, ...integrity];
}
/** The part of `getStatus()` the Status view shows, copied so later changes to the bus do not leak in. */
function busStatusJson(status) {
    return {
        status: status.status,
        queue_size: status.queue_size,
        metrics: { ...status.metrics },
        subscribers_count: { ...status.subscribers_count },
        persistence_enabled: status.persistence_enabled,
        snapshots_enabled: status.snapshots_enabled,
        timestamp: status.timestamp,
    };
}
function interruptedWorkOf(storeRoot) {
    const pending = (0, pendingWork_1.pendingWorkOf)(storeRoot);
    return pending.length > 0 ? { interruptedWork: pending.map(pendingWork_1.describePendingWork) } : {};
}
function isFolder(p) {
    try {
        return fs.statSync(p).isDirectory();
    }
    catch {
        return false;
    }
}
/**
 * An open document's findings with each repeated cause once, as the store
 * pass reports the file when it is closed: placed on the lines they are on
 * now (edits above move them).
 */
function visitCollapsed(doc, emit) {
    const tally = new repeatedCauses_1.CauseTally('per-file');
    doc.forEachFinding((finding, line0) => {
        if ((0, repeatedCauses_1.causeOf)(finding) === undefined)
            return emit(finding, line0);
        const shift = line0 + 1 - finding.line;
        tally.add(shift === 0 ? finding : { ...finding, line: finding.line + shift, endLine: finding.endLine + shift });
    });
    for (const summary of tally.findings())
        emit(summary, summary.line - 1);
}
/** Why a didChange cannot be applied, or undefined when every change is well formed. */
function malformedChange(params) {
    if (!Number.isInteger(params.textDocument.version))
        return `textDocument.version must be an integer, got ${JSON.stringify(params.textDocument.version)}`;
    if (!Array.isArray(params.contentChanges))
        return 'contentChanges must be an array';
    for (const [i, change] of params.contentChanges.entries()) {
        if (change === null || typeof change !== 'object')
            return `contentChanges[${i}] must be an object`;
        if (typeof change.text !== 'string')
            return `contentChanges[${i}].text must be a string, got ${change.text === null ? 'null' : typeof change.text}`;
        if ('range' in change && change.range !== undefined && !isRange(change.range))
            return `contentChanges[${i}].range must be {start: {line, character}, end: {line, character}} with whole numbers >= 0`;
    }
    return undefined;
}
function isRange(value) {
    const isPosition = (p) => p !== null && typeof p === 'object' && Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0;
    return value !== null && typeof value === 'object' && isPosition(value.start) && isPosition(value.end);
}
//# sourceMappingURL=serverContext.js.map