import * as path from 'node:path';
import { isInside } from '../engine/store/listEventFiles';
import { DEFAULT_CONFIG, type EventBusConfig } from '../engine/config/busConfig';
import { configOfStore } from '../engine/config/storeRef';
import { validateConfig } from '../engine/config/validateConfig';
import type { BusStatus } from '../engine/bus/busStatus';
import type { Event } from '../engine/model/event';
import { openStore } from '../engine/openStore';
import { loadSchemaRegistry } from '../engine/schema/loadSchemaRegistry';
import { SCHEMAS_DIR } from '../engine/store/layout';
import { SchemaRegistry } from '../engine/schema/schemaRegistry';
import { vocabularyOf } from '../engine/validate/vocabulary';
import type { IndexDelta } from '../engine/model/indexTypes';
import type { StoreEngine } from '../engine/storeEngineTypes';
import type { StoreProgress, StoreState } from '../shared/protocol';
import type { LineRuleContext } from './eventDocument';
import type { ResolvedSettings } from './serverSettings';
import { buildIndexInChildProcess, hasPersistedIndex } from './indexInChildProcess';
import { traceRequest } from './requestTrace';
import { watchSchemas } from './schemaWatcher';
import { fullStorePass, incrementalStorePass, type StoreFindings } from './storeFindings';

export interface StoreSessionEvents {
  /** Findings of these store-relative files changed (or the store finished opening). */
  findingsChanged(session: StoreSession, files: ReadonlySet<string>, reason: 'opened' | 'changed', delta?: IndexDelta, announced?: boolean): void;
  /** The index took a watched change; its findings follow with findingsChanged. */
  indexChanged(session: StoreSession, delta: IndexDelta): void;
  /** The line rules changed (schemas reloaded): open documents need the new line context. */
  rulesChanged(session: StoreSession): void;
  /** Opening went on (indexing, then validating); called often, the server throttles what it sends. */
  progressed(session: StoreSession): void;
  /** Something a person should know (a bad config file, a failed refresh): logged by the server. */
  log(message: string): void;
}

/** Longest wait for the schema watcher's first scan before the store is announced as open. */
const WATCH_READY_WAIT_MS = 2000;

interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
  readonly lines: number;
  readonly compressed: boolean;
}

/** A validation pass waiting to start, which later changes join instead of queueing passes of their own. */
interface QueuedPass {
  delta: IndexDelta;
  announced: boolean;
}

/**
 * One store and its engine (one engine per store): opened once, validated
 * once, then kept current by the engine's watcher. Requests and documents of
 * the store go through here. `folder` is the workspace folder whose settings
 * and `eventbus.config.json` apply (null for a store opened because a file of
 * it was opened from outside the workspace).
 */
export class StoreSession {
  state: StoreState = 'opening';
  /** How far opening has come; undefined once the store is ready (or failed). */
  progress: StoreProgress | undefined = { phase: 'indexing', percent: 0 };
  error: string | undefined;
  engine: StoreEngine | undefined;
  /** Empty until loaded, so documents opened early validate without schemas only if loading fails. */
  registry: SchemaRegistry = new SchemaRegistry();
  /** eventbus.config.json overlaid with the `eventbus.bus.*` settings the user set. */
  config: EventBusConfig = DEFAULT_CONFIG;
  /** eventbus.config.json alone (defaults when there is none), kept so a settings change can overlay again. */
  private fileConfig: EventBusConfig = DEFAULT_CONFIG;
  /** `getStatus()` of the last bus the editor published through (undefined before the first publish). */
  lastBusStatus: BusStatus | undefined;
  findings: StoreFindings = { lineFindings: new Map(), integrityFindings: new Map() };
  lastRefresh: Date | undefined;
  /** Resolves once the registry and config are loaded (documents wait for it before validating). */
  readonly rulesReady: Promise<void>;
  /** Resolves once the store is indexed and validated (or failed to). */
  readonly ready: Promise<void>;
  /**
   * Resolves once the index is there (or opening failed), before the whole
   * store is validated: the views and navigation need only the index, and
   * validating a million events takes seconds more.
   */
  readonly indexed: Promise<void>;
  private markIndexed: () => void = () => undefined;
  private stopWatching: (() => Promise<void>) | undefined;
  private stamps = new Map<string, FileStamp>();
  private passes: Promise<void> = Promise.resolve();
  private queuedPass: QueuedPass | undefined;
  private closed = false;
  private stopChildBuild: (() => void) | undefined;

  constructor(
    readonly root: string,
    readonly folder: string | null,
    public settings: ResolvedSettings,
    private readonly events: StoreSessionEvents,
  ) {
    this.rulesReady = this.loadRules();
    this.indexed = new Promise<void>((resolve) => (this.markIndexed = resolve));
    this.ready = this.open().finally(() => this.markIndexed());
  }

  /** What an open document's per-line rules run with. */
  lineContext(): LineRuleContext {
    return { registry: this.registry, maxRetryCount: this.config.max_retry_count, maxNestingDepth: this.config.max_nesting_depth, ...vocabularyOf(this.config) };
  }

  /** Absolute path of a store-relative file. */
  absolutePath(file: string): string {
    return path.join(this.root, ...file.split('/'));
  }

  /** Store-relative, `/`-separated path of an absolute one (undefined when outside the store). */
  relativePath(absPath: string): string | undefined {
    // The store's own inside-the-store check (the root itself is no file of it).
    if (!isInside(this.root, absPath)) return undefined;
    return path.relative(this.root, absPath).split(path.sep).join('/');
  }

  /** The engine, or a clear error for a request that came too early or for a store that failed to open. */
  async requireEngine(): Promise<StoreEngine> {
    await this.indexed;
    if (!this.engine) throw new Error(`${this.root}: the store is not open${this.error ? `: ${this.error}` : ''}`);
    return this.engine;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopChildBuild?.();
    await this.ready.catch(() => undefined);
    await this.passes.catch(() => undefined);
    if (this.stopWatching) await this.stopWatching();
    if (this.engine) await this.engine.close();
    this.engine = undefined;
  }

  private async loadRules(): Promise<void> {
    try {
      this.fileConfig = (await configOfStore(this.root, this.folder ? [this.folder] : [])).config;
    } catch (error) {
      this.events.log(`${(error as Error).message} (using the default configuration)`);
    }
    this.config = this.overlaidConfig();
    try {
      this.registry = await loadSchemaRegistry(this.root, this.schemasDirOption());
      for (const p of this.registry.problems) this.events.log(`${path.join(this.root, p.file)}:${p.line}:${p.column}: schema file skipped: ${p.message}`);
    } catch (error) {
      this.events.log(`${this.root}: cannot load schemas: ${(error as Error).message}`);
    }
  }

  /** The file's config with the bus settings on top; settings that do not validate together are logged and left out. */
  private overlaidConfig(): EventBusConfig {
    if (Object.keys(this.settings.bus).length === 0) return this.fileConfig;
    try {
      return validateConfig({ ...this.fileConfig, ...this.settings.bus }, { name: 'eventbus.bus settings' });
    } catch (error) {
      this.events.log(`${(error as Error).message} (using eventbus.config.json without the bus settings)`);
      return this.fileConfig;
    }
  }

  /**
   * New settings that keep the store open. When the bus keys change the
   * config, the store is validated again with it (EB019 follows
   * max_retry_count, EB017 follows event_ttl_days) and `true` is returned so
   * open documents get the new line context.
   */
  async applySettings(settings: ResolvedSettings): Promise<boolean> {
    this.settings = settings;
    await this.rulesReady;
    const before = this.config;
    this.config = this.overlaidConfig();
    if (sameConfig(before, this.config)) return false;
    await this.revalidateAll('a settings change');
    return true;
  }

  /** Validates the whole store again (new rules: config or schemas) and publishes what changed. */
  private revalidateAll(after: string): Promise<void> {
    this.passes = this.passes.then(async () => {
      // A store still opening validates with the rules it read; validate again with these once it is open.
      await this.ready;
      const engine = this.engine;
      if (!engine || this.closed || this.state !== 'ready') return;
      const hadFindings = new Set([...this.findings.lineFindings.keys(), ...this.findings.integrityFindings.keys()]);
      try {
        this.findings = await fullStorePass(engine, this.passSettings());
        this.lastRefresh = new Date();
        const touched = new Set([...hadFindings, ...this.findings.lineFindings.keys(), ...this.findings.integrityFindings.keys(), ...this.stamps.keys()]);
        this.events.findingsChanged(this, touched, 'changed');
      } catch (error) {
        this.events.log(`${this.root}: cannot re-validate after ${after}: ${(error as Error).message}`);
      }
    });
    return this.passes;
  }

  /** A schema or migration file changed on disk: the new registry validates the store and open documents. */
  private async reloadSchemas(): Promise<void> {
    if (this.closed) return;
    try {
      const registry = await loadSchemaRegistry(this.root, this.schemasDirOption());
      for (const p of registry.problems) this.events.log(`${path.join(this.root, p.file)}:${p.line}:${p.column}: schema file skipped: ${p.message}`);
      this.registry = registry;
      this.events.rulesChanged(this);
    } catch (error) {
      this.events.log(`${this.root}: cannot reload schemas: ${(error as Error).message} (keeping the ones loaded before)`);
      return;
    }
    await this.revalidateAll('a schema change');
  }

  private schemasDirOption(): { schemasDir?: string } {
    if (!this.settings.schemasPath) return {};
    return { schemasDir: path.resolve(this.folder ?? this.root, this.settings.schemasPath) };
  }

  private async open(): Promise<void> {
    await this.rulesReady;
    const started = performance.now();
    try {
      await this.indexElsewhereIfCold();
      if (this.closed) return;
      const engine = await openStore(this.root, {
        sequenceMode: this.settings.sequenceMode,
        upcast: (event: Event) => this.registry.upcast(event),
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
      traceRequest('store-indexed', started);
      this.setProgress('validating', 0, 1);
      this.findings = await fullStorePass(engine, this.passSettings(), (done, total) => this.setProgress('validating', done, total));
      traceRequest('store-validated', started);
      this.stamps = stampsOf(engine);
      this.lastRefresh = new Date();
      this.state = 'ready';
      this.progress = undefined;
      const stopEvents = engine.watch((delta) => this.onWatched(delta));
      const schemas = watchSchemas(this.schemasDirOption().schemasDir ?? path.join(this.root, SCHEMAS_DIR), () => void this.reloadSchemas());
      this.stopWatching = async () => {
        await Promise.all([stopEvents(), schemas.close()]);
      };
      // Announced as open once edits to the schemas are seen (a slow disk does not hold the store back long).
      await Promise.race([schemas.ready, new Promise((resolve) => setTimeout(resolve, WATCH_READY_WAIT_MS))]);
      // Day files, and the files with findings that are not day files (EB022 on an unusable schema file).
      this.events.findingsChanged(this, new Set([...this.stamps.keys(), ...this.findings.lineFindings.keys()]), 'opened');
    } catch (error) {
      this.state = 'failed';
      this.progress = undefined;
      this.error = (error as Error).message;
      this.events.log(`${this.root}: cannot open the store: ${this.error}`);
    }
  }

  /**
   * A store without a usable persisted index is indexed by a child process
   * (its memory is not the server's, and this thread keeps answering); the
   * engine then opens the written index in place. When the child cannot
   * (no bundle beside the server, a read-only store), openStore builds here.
   */
  private async indexElsewhereIfCold(): Promise<void> {
    const mode = this.settings.sequenceMode === 'auto' ? undefined : this.settings.sequenceMode;
    if (hasPersistedIndex(this.root, mode)) return;
    const build = buildIndexInChildProcess(this.root, mode, (done, total) => this.setProgress('indexing', done, total), (message) => this.events.log(message));
    if (!build) return;
    this.stopChildBuild = () => build.stop();
    try {
      await build.done;
    } finally {
      this.stopChildBuild = undefined;
    }
  }

  private setProgress(phase: StoreProgress['phase'], done: number, total: number): void {
    if (this.closed) return;
    this.progress = { phase, percent: total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0 };
    this.events.progressed(this);
  }

  private passSettings(): { registry: SchemaRegistry; config: EventBusConfig; threads: number } {
    // The server shares the machine with the editor, and its thread answers the views: one worker checks the lines.
    return { registry: this.registry, config: this.config, threads: 1 };
  }

  /** The watcher refreshed the index: re-check changed files and the store-wide rules, one pass at a time. */
  private onWatched(delta: IndexDelta): void {
    // Re-validating a large day file takes a while: the new events are shown before their findings.
    const announced = delta.appendedEvents > 0 || delta.rebuiltFiles.length > 0 || delta.removedFiles.length > 0;
    if (announced && this.engine && !this.closed) this.events.indexChanged(this, delta);
    for (const problem of delta.newProblems) if (problem.kind === 'unreadable') this.events.log(`${this.root}/${problem.file}: ${problem.message}`);
    // A store appended to faster than it validates gets one pass for the lot, not a growing queue of them.
    if (this.queuedPass) {
      this.queuedPass.delta = mergeDeltas(this.queuedPass.delta, delta);
      this.queuedPass.announced ||= announced;
      return;
    }
    const queued: QueuedPass = { delta, announced };
    this.queuedPass = queued;
    this.passes = this.passes.then(() => {
      if (this.queuedPass === queued) this.queuedPass = undefined;
      return this.validateChanges(queued.delta, queued.announced);
    });
  }

  /** One validation pass over what changed since the last one (files appended to: only their new lines). */
  private async validateChanges(delta: IndexDelta, announced: boolean): Promise<void> {
    const engine = this.engine;
    if (!engine || this.closed) return;
    const now = stampsOf(engine);
    const changed = new Set<string>(delta.rebuiltFiles);
    const appendedFrom = new Map<string, number>();
    for (const [file, stamp] of now) {
      const before = this.stamps.get(file);
      if (before && before.size === stamp.size && before.mtimeMs === stamp.mtimeMs) continue;
      changed.add(file);
      // Only appended to (the index kept its earlier lines): the lines before the old last one are as they were.
      if (before && !stamp.compressed && stamp.size > before.size && !delta.rebuiltFiles.includes(file)) appendedFrom.set(file, Math.max(1, before.lines - 1));
    }
    const removed = [...this.stamps.keys()].filter((file) => !now.has(file));
    try {
      const hadIntegrity = [...this.findings.integrityFindings.keys()];
      this.findings = await incrementalStorePass(engine, this.passSettings(), this.findings, [...changed], appendedFrom);
      this.stamps = now;
      this.lastRefresh = new Date();
      // Store-wide findings can move to any file: every file that has or had them is published again.
      const touched = new Set<string>([...changed, ...removed, ...hadIntegrity, ...this.findings.integrityFindings.keys()]);
      this.events.findingsChanged(this, touched, 'changed', delta, announced);
    } catch (error) {
      this.events.log(`${this.root}: cannot re-validate after a change: ${(error as Error).message}`);
    }
  }
}

/** Two watched changes as one: their appends added up, their rewritten and removed files together. */
function mergeDeltas(a: IndexDelta, b: IndexDelta): IndexDelta {
  const union = (x: readonly string[], y: readonly string[]) => [...new Set([...x, ...y])];
  return {
    appendedEvents: a.appendedEvents + b.appendedEvents,
    rebuiltFiles: union(a.rebuiltFiles, b.rebuiltFiles),
    removedFiles: union(a.removedFiles, b.removedFiles),
    newProblems: [...a.newProblems, ...b.newProblems],
  };
}

function sameConfig(a: EventBusConfig, b: EventBusConfig): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof EventBusConfig)[]);
  // The vocabulary lists and the fold are compared by value.
  return [...keys].every((key) => a[key] === b[key] || JSON.stringify(a[key]) === JSON.stringify(b[key]));
}

function stampsOf(engine: StoreEngine): Map<string, FileStamp> {
  return new Map(engine.index.files.map((f) => [f.file, { size: f.size, mtimeMs: f.mtimeMs, lines: f.lines, compressed: f.compressed }]));
}
