import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  type Connection,
  type DidChangeConfigurationParams,
  type DidChangeTextDocumentParams,
  type DidCloseTextDocumentParams,
  type Diagnostic,
  type DidOpenTextDocumentParams,
  type InitializeParams,
  type InitializeResult,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { resolveFolderStore } from '../engine/config/storeRef';
import type { IndexDelta } from '../engine/model/indexTypes';
import type { Finding } from '../engine/validate/finding';
import { CauseTally, causeOf } from '../engine/validate/repeatedCauses';
import { EVENTS_DIR, parseEventFileName } from '../engine/store/layout';
import type { FeatureContext } from './features/featureContext';
import type { BusStatus } from '../engine/bus/busStatus';
import { type BusStatusJson, type ProblemCounts, StoreChangedNotification, type StoreChangedParams, StoreProgressNotification, type StoreStatus } from '../shared/protocol';
import { DEFAULT_STORE_PATH, SETTINGS_SECTION } from '../shared/settings';
import { eventFileUriOf, fileUriOf, fsPathOfUri, isDecompressedUri } from '../shared/uris';
import { DiagnosticsPublisher, type PublishLimits } from './diagnosticsPublisher';
import { EventDocument } from './eventDocument';
import { matchesGlob } from './glob';
import { needsReopen, type ResolvedSettings, resolveSettings, sameSeverity } from './serverSettings';
import { findingsOfFile } from './storeFindings';
import { StoreSession, type StoreSessionEvents } from './storeSession';
import { describePendingWork, pendingWorkOf } from '../engine/store/pendingWork';

export const EVENT_LANGUAGE_ID = 'event-jsonl';
/** Group for documents that belong to no store (validated from their text, without schemas). */
const LOOSE = '(no store)';

/** An open event document and where it belongs; operations on it run in order through `queue`. */
export interface OpenDocument {
  readonly uri: string;
  readonly absPath: string | undefined;
  readonly session: StoreSession | undefined;
  /** Store-relative (`events/events_2024-01-15.jsonl`), or the base name outside a store. */
  readonly file: string;
  doc: EventDocument | undefined;
  queue: Promise<void>;
  publishScheduled: boolean;
  /** Date.now() of the last change (or open): diagnostics wait for typing to pause. */
  lastEditAt: number;
  /** What was last published for the document, and from which state of its findings and settings. */
  published?: PublishedDiagnostics;
}

interface PublishedDiagnostics {
  readonly findingsRevision: number;
  readonly severity: ResolvedSettings['severity'];
  readonly limits: PublishLimits;
  readonly diagnostics: readonly Diagnostic[];
}

interface WorkspaceFolderInfo {
  readonly uri: string;
  readonly path: string;
  settings: ResolvedSettings;
}

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
/** Longest run of line checking before requests and edits get a turn. */
const VALIDATE_SLICE_MS = 15;

export class ServerContext implements StoreSessionEvents {
  readonly sessions = new Map<string, StoreSession>();
  readonly documents = new Map<string, OpenDocument>();
  private readonly publisher: DiagnosticsPublisher;
  private folders: WorkspaceFolderInfo[] = [];
  private globalSettings: ResolvedSettings = resolveSettings(undefined).settings;
  private pullsConfiguration = false;
  /** Re-publishing after a settings change waits for the sessions it replaced. */
  private settingsWork: Promise<void> = Promise.resolve();
  /** When each store's progress was last sent (to send a few a second at most). */
  private readonly progressSent = new WeakMap<StoreSession, { phase: string | undefined; at: number }>();
  private markDiscovered: () => void = () => undefined;
  /**
   * Resolves once the workspace folders were looked at for stores: a status
   * asked before that would say "no store" of a store about to open.
   */
  readonly discovered = new Promise<void>((resolve) => (this.markDiscovered = resolve));

  /**
   * Commands the client says it can run (initializationOptions.clientCommands):
   * code actions naming any other command are not offered, so an editor
   * without the extension (or an older one) never shows a dead action.
   */
  clientCommands: ReadonlySet<string> = new Set();

  constructor(readonly connection: Connection) {
    this.publisher = new DiagnosticsPublisher(connection);
  }

  // ------------------------------------------------------------------ lifecycle

  initialize(params: InitializeParams): InitializeResult {
    this.pullsConfiguration = params.capabilities.workspace?.configuration === true;
    const options = params.initializationOptions as { settings?: unknown; clientCommands?: unknown } | undefined;
    this.clientCommands = new Set(Array.isArray(options?.clientCommands) ? options.clientCommands.filter((c): c is string => typeof c === 'string') : []);
    const raw = options && typeof options === 'object' && 'settings' in options ? options.settings : options;
    this.globalSettings = this.resolveLogged(raw);
    const folders = params.workspaceFolders?.length
      ? params.workspaceFolders.map((f) => f.uri)
      : params.rootUri
        ? [params.rootUri]
        : params.rootPath
          ? [fileUriOf(params.rootPath)]
          : [];
    this.folders = folders
      .map((uri) => ({ uri, path: fsPathOfUri(uri), settings: this.globalSettings }))
      .filter((f): f is WorkspaceFolderInfo => f.path !== undefined);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      },
      serverInfo: { name: 'eventbus-language-server', version: '0.1.0' },
    };
  }

  /** After `initialized`: pull per-folder settings when the client offers them, then open every folder's store. */
  async initialized(): Promise<void> {
    if (this.pullsConfiguration) {
      for (const folder of this.folders) folder.settings = await this.pullFolderSettings(folder);
    }
    try {
      for (const folder of this.folders) {
        const root = await this.storeRootOf(folder);
        if (root && isFolder(root) && !this.sessions.has(root)) this.createSession(root, folder.path, folder.settings);
      }
    } finally {
      this.markDiscovered();
    }
  }

  async shutdown(): Promise<void> {
    await Promise.all([...this.sessions.values()].map((s) => s.close()));
    this.sessions.clear();
  }

  // ------------------------------------------------------------------ settings

  onDidChangeConfiguration(params: DidChangeConfigurationParams): Promise<void> {
    this.settingsWork = this.settingsWork.then(() => this.applyConfiguration(params)).catch((error) => this.log(`settings: ${(error as Error).message}`));
    return this.settingsWork;
  }

  private async applyConfiguration(params: DidChangeConfigurationParams): Promise<void> {
    const pushed = params.settings as Record<string, unknown> | undefined;
    if (!this.pullsConfiguration) this.globalSettings = this.resolveLogged(pushed?.[SETTINGS_SECTION] ?? pushed);
    for (const folder of this.folders) {
      folder.settings = this.pullsConfiguration ? await this.pullFolderSettings(folder) : this.globalSettings;
    }
    for (const session of [...this.sessions.values()]) {
      // Closed by an earlier reopen in this loop (its root became another session's).
      if (this.sessions.get(session.root) !== session) continue;
      const settings = this.settingsForFolder(session.folder);
      const folder = this.folders.find((f) => f.path === session.folder);
      const newRoot = folder ? await this.storeRootOf(folder) : session.root;
      if (needsReopen(session.settings, settings) || (newRoot !== undefined && newRoot !== session.root)) {
        await this.reopen(session, newRoot ?? session.root, settings);
      } else {
        const republish =
          !sameSeverity(session.settings.severity, settings.severity) ||
          session.settings.eventFileGlob !== settings.eventFileGlob ||
          session.settings.maxProblemsPerFile !== settings.maxProblemsPerFile;
        // Bus settings (eventbus.bus.*) change the rules in place: the session validates again and publishes.
        const configChanged = await session.applySettings(settings);
        if (configChanged) {
          this.rulesChanged(session);
        } else if (republish) {
          this.publishStore(session, this.filesOfSession(session));
          for (const entry of this.documents.values()) if (entry.session === session) this.schedulePublish(entry);
          this.notifyStoreChanged(session, 'changed');
        }
      }
    }
  }

  private async reopen(old: StoreSession, root: string, settings: ResolvedSettings): Promise<void> {
    // The new root may already be open (a file of it was opened): that session gives way too, so one root has one session.
    const displaced = [old, this.sessions.get(root)].filter((s, i, all): s is StoreSession => s !== undefined && all.indexOf(s) === i);
    for (const session of displaced) {
      this.sessions.delete(session.root);
      await session.close();
      this.publisher.clearGroup(session.root);
    }
    if (!isFolder(root)) return;
    const session = this.createSession(root, old.folder, settings);
    // Documents of the closed sessions now belong to the new session (same root) or to none.
    for (const [uri, entry] of this.documents) {
      if (!entry.session || !displaced.includes(entry.session)) continue;
      this.documents.delete(uri);
      await entry.queue;
      const text = entry.doc?.text() ?? '';
      this.openDocument(uri, entry.doc?.version ?? 0, text, EVENT_LANGUAGE_ID);
    }
    await session.ready;
  }

  private async pullFolderSettings(folder: WorkspaceFolderInfo): Promise<ResolvedSettings> {
    try {
      const raw: unknown = await this.connection.workspace.getConfiguration({ scopeUri: folder.uri, section: SETTINGS_SECTION });
      return this.resolveLogged(raw);
    } catch {
      return this.globalSettings;
    }
  }

  private resolveLogged(raw: unknown): ResolvedSettings {
    const { settings, warnings } = resolveSettings(raw);
    for (const warning of warnings) this.log(warning);
    return settings;
  }

  private settingsForFolder(folder: string | null): ResolvedSettings {
    return this.folders.find((f) => f.path === folder)?.settings ?? this.globalSettings;
  }

  /** `eventbus.storePath`, else `eventbus.bus.storage_path`, else the folder's eventbus.config.json `storage_path`, else `event_store`. */
  private async storeRootOf(folder: WorkspaceFolderInfo): Promise<string | undefined> {
    if (folder.settings.storePath) return path.resolve(folder.path, folder.settings.storePath);
    if (folder.settings.bus.storage_path) return path.resolve(folder.path, folder.settings.bus.storage_path);
    try {
      return (await resolveFolderStore(undefined, folder.path)).root;
    } catch (error) {
      this.log(`${(error as Error).message} (looking for the store in ${DEFAULT_STORE_PATH}/)`);
      return path.join(folder.path, DEFAULT_STORE_PATH);
    }
  }

  // ------------------------------------------------------------------ sessions

  private createSession(root: string, folder: string | null, settings: ResolvedSettings): StoreSession {
    const session = new StoreSession(root, folder, settings, this);
    this.sessions.set(root, session);
    // The client learns of the store now, not when it is open: its views say "indexing", never "no store".
    this.progressed(session);
    return session;
  }

  /** The store a file belongs to: an open one whose root holds it, else one inferred from `<store>/events/<file>`. */
  sessionOfPath(absPath: string): StoreSession | undefined {
    let best: StoreSession | undefined;
    for (const session of this.sessions.values()) {
      if (session.relativePath(absPath) !== undefined && (!best || session.root.length > best.root.length)) best = session;
    }
    if (best) return best;
    if (path.basename(path.dirname(absPath)) !== EVENTS_DIR) return undefined;
    return this.sessionAt(path.dirname(path.dirname(absPath)));
  }

  /** A session for the store at `root`, under the settings of the workspace folder holding it (if any). */
  private sessionAt(root: string): StoreSession {
    const folder = this.folders.find((f) => !path.relative(f.path, root).startsWith('..'));
    return this.createSession(root, folder?.path ?? null, folder?.settings ?? this.globalSettings);
  }

  /** The session of the store a request names (its root); throws a message a person can act on. Never "the first store". */
  sessionFor(store: string): StoreSession {
    const root = path.resolve(store);
    const known = this.sessions.get(root);
    if (known) return known;
    // A store outside the workspace folders (a view may point at one): opened on first use, if it is one.
    if (isFolder(path.join(root, EVENTS_DIR))) return this.sessionAt(root);
    throw new Error(`no store at ${store} (open a workspace folder with an event_store/ or set eventbus.storePath)`);
  }

  /** What language features see of a store; undefined until its engine is open. */
  featureContext(session: StoreSession): FeatureContext | undefined {
    const engine = session.engine;
    if (!engine) return undefined;
    return {
      engine,
      registry: session.registry,
      storeRoot: session.root,
      config: session.config,
      uriOf: (file) => this.uriOfStoreFile(session, file),
    };
  }

  /** The URI a store file is shown under: the open document's, else the file (or eventbus:) URI. */
  uriOfStoreFile(session: StoreSession, file: string): string {
    const abs = session.absolutePath(file);
    for (const entry of this.documents.values()) if (entry.absPath === abs) return entry.uri;
    return eventFileUriOf(abs);
  }

  statusOf(session: StoreSession): StoreStatus {
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

  problemsOf(session: StoreSession): ProblemCounts {
    return this.publisher.countsOf(session.root);
  }

  // ------------------------------------------------------------------ StoreSessionEvents

  findingsChanged(session: StoreSession, files: ReadonlySet<string>, reason: 'opened' | 'changed', delta?: IndexDelta, announced = false): void {
    if (this.sessions.get(session.root) !== session) return;
    this.publishStore(session, files);
    for (const entry of this.documents.values()) {
      if (entry.session === session) this.schedulePublish(entry);
    }
    this.notifyStoreChanged(session, reason, delta, announced);
  }

  /** The session's line rules changed (config or schemas): open documents are checked again with them. */
  rulesChanged(session: StoreSession): void {
    for (const entry of this.documents.values()) {
      if (entry.session !== session) continue;
      entry.queue = entry.queue.then(() => entry.doc?.setContext(session.lineContext()));
      this.schedulePublish(entry);
    }
  }

  progressed(session: StoreSession): void {
    if (this.sessions.get(session.root) !== session) return;
    // A few notifications a second at most, but every change of phase at once.
    const last = this.progressSent.get(session);
    const now = Date.now();
    if (last && last.phase === session.progress?.phase && now - last.at < PROGRESS_INTERVAL_MS) return;
    this.progressSent.set(session, { phase: session.progress?.phase, at: now });
    void this.connection.sendNotification(StoreProgressNotification.type, { status: this.statusOf(session) });
  }

  indexChanged(session: StoreSession, delta: IndexDelta): void {
    if (this.sessions.get(session.root) !== session) return;
    this.notifyStoreChanged(session, 'indexed', delta);
  }

  log(message: string): void {
    this.connection.console.log(message);
  }

  private notifyStoreChanged(session: StoreSession, reason: StoreChangedParams['reason'], delta?: IndexDelta, announced = false): void {
    const engine = session.engine;
    const lastTimestampMs = engine?.index.lastTimestamp();
    void this.connection.sendNotification(StoreChangedNotification.type, {
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

  private filesOfSession(session: StoreSession): Set<string> {
    return new Set([...session.findings.lineFindings.keys(), ...session.findings.integrityFindings.keys()]);
  }

  /** Publishes store files that are not open (open ones are published from their text). */
  private publishStore(session: StoreSession, files: Iterable<string>): void {
    const openPaths = new Set<string>();
    for (const entry of this.documents.values()) {
      if (entry.session !== session || !entry.absPath) continue;
      openPaths.add(entry.absPath);
      if (entry.doc) entry.doc.setStoreFindings(storeWideOf(session, entry.file));
    }
    for (const file of files) {
      const abs = session.absolutePath(file);
      if (openPaths.has(abs)) continue;
      const uri = eventFileUriOf(abs);
      const findings = findingsOfFile(session.findings, file);
      this.publisher.publish(uri, session.root, (emit) => findings.forEach((f) => emit(f, f.line - 1)), session.settings.severity, undefined, this.publishLimits(session));
    }
  }

  private publishLimits(session: StoreSession): PublishLimits {
    return { maxPerFile: session.settings.maxProblemsPerFile, uriOf: (file) => eventFileUriOf(session.absolutePath(file)) };
  }

  /**
   * Checks the document's unchecked lines and publishes its diagnostics, once
   * typing pauses for EDITS_SETTLE_MS (at most PUBLISH_MAX_WAIT_MS after the
   * first edit of a burst): a burst of changes is checked and published once.
   * The checking runs in slices of VALIDATE_SLICE_MS with the event loop free
   * between them, so hover and symbols answer while it runs; an edit that
   * arrives meanwhile only adds lines to check, and nothing is published until
   * every line of the current version is checked (no version's diagnostics
   * describe an older text).
   */
  private schedulePublish(entry: OpenDocument): void {
    entry.lastEditAt = Date.now();
    if (entry.publishScheduled) return;
    entry.publishScheduled = true;
    const firstAt = entry.lastEditAt;
    const checkInSlices = (): void => {
      if (this.documents.get(entry.uri) !== entry || !entry.doc) {
        entry.publishScheduled = false;
        return;
      }
      if (!entry.doc.validatePending(performance.now() + VALIDATE_SLICE_MS)) {
        setImmediate(checkInSlices);
        return;
      }
      this.publishDocument(entry);
    };
    const whenSettled = (): void => {
      const quietFor = Date.now() - entry.lastEditAt;
      if (quietFor < EDITS_SETTLE_MS && Date.now() - firstAt < PUBLISH_MAX_WAIT_MS) {
        setTimeout(whenSettled, EDITS_SETTLE_MS - quietFor);
        return;
      }
      // After queued work (the document's creation, new rules), then in slices.
      void entry.queue.then(checkInSlices);
    };
    setTimeout(whenSettled, EDITS_SETTLE_MS);
  }

  private publishDocument(entry: OpenDocument): void {
    entry.publishScheduled = false;
    if (this.documents.get(entry.uri) !== entry || !entry.doc) return;
    const doc = entry.doc;
    const severity = entry.session?.settings.severity ?? this.globalSettings.severity;
    const maxPerFile = entry.session?.settings.maxProblemsPerFile ?? this.globalSettings.maxProblemsPerFile;
    const last = entry.published;
    if (last && last.findingsRevision === doc.findingsRevision && last.severity === severity && last.limits.maxPerFile === maxPerFile) {
      this.publisher.republish(entry.uri, last.diagnostics, doc.version);
      return;
    }
    const limits = entry.session ? this.publishLimits(entry.session) : { maxPerFile };
    const diagnostics = this.publisher.publish(entry.uri, entry.session?.root ?? LOOSE, (emit) => visitCollapsed(doc, emit), severity, doc.version, limits);
    entry.published = { findingsRevision: doc.findingsRevision, severity, limits, diagnostics };
  }

  // ------------------------------------------------------------------ documents

  isEventDocument(uri: string, languageId: string): boolean {
    if (languageId === EVENT_LANGUAGE_ID || isDecompressedUri(uri)) return true;
    const abs = fsPathOfUri(uri);
    if (!abs) return false;
    const glob = (abs && this.sessionOfPathIfOpen(abs)?.settings.eventFileGlob) ?? this.globalSettings.eventFileGlob;
    return matchesGlob(abs, glob) && parseEventFileName(path.basename(abs)) !== null;
  }

  private sessionOfPathIfOpen(absPath: string): StoreSession | undefined {
    for (const session of this.sessions.values()) if (session.relativePath(absPath) !== undefined) return session;
    return undefined;
  }

  onDidOpen(params: DidOpenTextDocumentParams): void {
    const { uri, languageId, version, text } = params.textDocument;
    if (!this.isEventDocument(uri, languageId)) return;
    this.openDocument(uri, version, text, languageId);
  }

  private openDocument(uri: string, version: number, text: string, _languageId: string): void {
    const absPath = fsPathOfUri(uri);
    const session = absPath ? this.sessionOfPath(absPath) : undefined;
    const file = (session && absPath ? session.relativePath(absPath) : undefined) ?? (absPath ? path.basename(absPath) : uri);
    const entry: OpenDocument = { uri, absPath, session, file, doc: undefined, queue: Promise.resolve(), publishScheduled: false, lastEditAt: Date.now() };
    this.documents.set(uri, entry);
    entry.queue = (session ? session.rulesReady : Promise.resolve()).then(() => {
      entry.doc = new EventDocument(uri, file, version, text, session ? session.lineContext() : {});
      if (session && session.state === 'ready') entry.doc.setStoreFindings(storeWideOf(session, file));
    });
    // The closed file's diagnostics may sit under a differently spelled URI; the document's own replace them.
    if (session && absPath) {
      const closedUri = eventFileUriOf(absPath);
      if (closedUri !== uri) this.publisher.clear(closedUri, session.root);
    }
    this.schedulePublish(entry);
  }

  onDidChange(params: DidChangeTextDocumentParams): void {
    const entry = this.documents.get(params?.textDocument?.uri);
    if (!entry) return;
    // A malformed notification (text null, a broken range, no version) is refused whole: applying part of it would corrupt the document.
    const problem = malformedChange(params);
    if (problem !== undefined) {
      this.log(`textDocument/didChange for ${entry.uri} ignored: ${problem}`);
      return;
    }
    const apply = (doc: EventDocument) => {
      doc.applyChanges(params.contentChanges);
      doc.version = params.textDocument.version;
    };
    // Once the document exists every queued step has run (they are chained microtasks): a change is applied
    // at once, costing a line's slice, not a link in a chain of 1,000 promises that hover would wait behind.
    if (entry.doc) apply(entry.doc);
    else entry.queue = entry.queue.then(() => entry.doc && apply(entry.doc));
    this.schedulePublish(entry);
  }

  onDidClose(params: DidCloseTextDocumentParams): void {
    const entry = this.documents.get(params.textDocument.uri);
    if (!entry) return;
    this.documents.delete(entry.uri);
    const session = entry.session;
    if (session && session.state === 'ready' && this.filesOfSession(session).has(entry.file)) {
      // Back to what the store pass found on disk, so the Problems panel keeps showing the file.
      this.publisher.clear(entry.uri, session.root);
      this.publishStore(session, [entry.file]);
    } else {
      this.publisher.clear(entry.uri, session?.root ?? LOOSE);
    }
  }

  /** The current text of an open document (after queued edits), or undefined when not open. */
  async documentOf(uri: string): Promise<OpenDocument | undefined> {
    const entry = this.documents.get(uri);
    if (!entry) return undefined;
    await entry.queue;
    return entry.doc ? entry : undefined;
  }
}

/** What an open document takes from the store pass: store-wide rules and EB021, found on disk. */
function storeWideOf(session: StoreSession, file: string): Finding[] {
  const integrity = session.findings.integrityFindings.get(file) ?? [];
  const unreadable = (session.findings.lineFindings.get(file) ?? []).filter((f) => f.code === 'EB021');
  return [...unreadable, ...integrity];
}

/** The part of `getStatus()` the Status view shows, copied so later changes to the bus do not leak in. */
function busStatusJson(status: BusStatus): BusStatusJson {
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

function interruptedWorkOf(storeRoot: string): { interruptedWork?: string[] } {
  const pending = pendingWorkOf(storeRoot);
  return pending.length > 0 ? { interruptedWork: pending.map(describePendingWork) } : {};
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * An open document's findings with each repeated cause once, as the store
 * pass reports the file when it is closed: placed on the lines they are on
 * now (edits above move them).
 */
function visitCollapsed(doc: EventDocument, emit: (finding: Finding, line0: number) => void): void {
  const tally = new CauseTally('per-file');
  doc.forEachFinding((finding, line0) => {
    if (causeOf(finding) === undefined) return emit(finding, line0);
    const shift = line0 + 1 - finding.line;
    tally.add(shift === 0 ? finding : { ...finding, line: finding.line + shift, endLine: finding.endLine + shift });
  });
  for (const summary of tally.findings()) emit(summary, summary.line - 1);
}

/** Why a didChange cannot be applied, or undefined when every change is well formed. */
function malformedChange(params: DidChangeTextDocumentParams): string | undefined {
  if (!Number.isInteger(params.textDocument.version)) return `textDocument.version must be an integer, got ${JSON.stringify(params.textDocument.version)}`;
  if (!Array.isArray(params.contentChanges)) return 'contentChanges must be an array';
  for (const [i, change] of params.contentChanges.entries()) {
    if (change === null || typeof change !== 'object') return `contentChanges[${i}] must be an object`;
    if (typeof change.text !== 'string') return `contentChanges[${i}].text must be a string, got ${change.text === null ? 'null' : typeof change.text}`;
    if ('range' in change && change.range !== undefined && !isRange(change.range)) return `contentChanges[${i}].range must be {start: {line, character}, end: {line, character}} with whole numbers >= 0`;
  }
  return undefined;
}

function isRange(value: unknown): boolean {
  const isPosition = (p: unknown) =>
    p !== null && typeof p === 'object' && Number.isInteger((p as { line: unknown }).line) && Number.isInteger((p as { character: unknown }).character) && (p as { line: number }).line >= 0 && (p as { character: number }).character >= 0;
  return value !== null && typeof value === 'object' && isPosition((value as { start: unknown }).start) && isPosition((value as { end: unknown }).end);
}
