import * as fs from 'node:fs';
import { parseStoreLocation, redactUrl, type StoreLocation } from '../engine/backends/storeLocation';
import type { LoadedConfig } from '../engine/config/loadConfig';
import { configOfStore, resolveFolderStore } from '../engine/config/storeRef';
import type { Event } from '../engine/model/event';
import { folderEngineOf } from '../engine/backends/folder/folderBackend';
import { openBackend } from '../engine/backends/openBackend';
import type { StoreBackend } from '../engine/backends/storeBackend';
import { DEAD_LETTER_FILE, EVENTS_DIR, LOCK_FILE, PROJECTIONS_DIR, SCHEMAS_DIR, SNAPSHOTS_DIR } from '../engine/store/layout';
import type { SchemaRegistry } from '../engine/schema/schemaRegistry';
import type { StoreEngine } from '../engine/storeEngineTypes';
import { CliFailure, oneLine, progressReporter, type CliIo } from './output';

function parseStoreLocationOrFail(text: string): StoreLocation {
  try {
    return parseStoreLocation(text);
  } catch (error) {
    throw new CliFailure((error as Error).message);
  }
}

/** Runs an engine step that reads config files, turning a config error into one clear line. */
async function readingConfig<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new CliFailure(oneLine((error as Error).message));
  }
}

/**
 * The config that governs the store at `storePath` (its own
 * `eventbus.config.json`, or the one whose `storage_path` names it, here or
 * beside it), else the guide's defaults: `--store /elsewhere` runs with
 * /elsewhere's config, not this folder's.
 */
export async function loadCliConfig(io: CliIo, storePath: string): Promise<LoadedConfig> {
  const governing = await readingConfig(() => configOfStore(storePath, [io.cwd]));
  return governing.configFile ? { config: governing.config, file: governing.configFile } : { config: governing.config };
}

/**
 * The store folder: `--store`, else the config's `storage_path` when a
 * config file exists, else `./event_store`.
 */
export async function resolveStorePath(io: CliIo, storeOption: string | undefined): Promise<string> {
  if (storeOption !== undefined && parseStoreLocationOrFail(storeOption).kind !== 'folder') {
    throw new CliFailure(`${redactUrl(storeOption)}: this command reads store folders only so far; \`eventbus copy --from DIR --to postgres://…\` copies a folder into PostgreSQL`);
  }
  return (await readingConfig(() => resolveFolderStore(storeOption, io.cwd))).root;
}

/** Fails with one clear line when the folder is missing, so no command indexes a typo into an empty store. */
export function requireStoreFolder(storePath: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(storePath);
  } catch {
    throw new CliFailure(`no store at ${storePath} (expected a folder holding events/; pass --store DIR)`);
  }
  if (!stat.isDirectory()) throw new CliFailure(`${storePath} is not a folder (expected an event store folder holding events/)`);
  let entries: string[];
  try {
    entries = fs.readdirSync(storePath);
  } catch (error) {
    throw new CliFailure(`cannot read the store folder ${storePath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  // An empty folder is a new store; one holding none of a store's entries (say storage_path "/etc") is not a store.
  // (.eventbus/ does not count: it is only a cache, which older versions wrote into any folder they were pointed at.)
  if (entries.length > 0 && !entries.some((name) => STORE_ENTRIES.has(name))) {
    throw new CliFailure(
      `${storePath} is not an event store: it holds none of events/, snapshots/, schemas/, projections/ (pass --store DIR, or fix storage_path in eventbus.config.json)`,
    );
  }
}

const STORE_ENTRIES: ReadonlySet<string> = new Set([EVENTS_DIR, SNAPSHOTS_DIR, SCHEMAS_DIR, PROJECTIONS_DIR, DEAD_LETTER_FILE, LOCK_FILE]);

/**
 * A store opened through the backend seam. `backend` answers what every
 * backend answers (the bus's questions, replay, rebuild, snapshots,
 * aggregates, correlations, counts); `engine` is the folder's index, the
 * fast path the commands that need line locations, the integrity rules or
 * a content query over bodies still use (only folders have one so far).
 */
export interface OpenedStore {
  readonly backend: StoreBackend;
  readonly engine: StoreEngine;
}

export interface OpenForCliOptions {
  /** Read events upcast to the newest schema version (replay, rebuild, snapshots). */
  readonly upcast?: boolean;
}

/**
 * The store's schemas, migrations and upcasters. Loaded (with ajv, the
 * largest part of the CLI) only by the commands that validate or upcast:
 * listing and counting never pay for it.
 */
export async function loadStoreSchemas(storePath: string): Promise<SchemaRegistry> {
  const { loadSchemaRegistry } = await import('../engine/schema/loadSchemaRegistry.js');
  return loadSchemaRegistry(storePath);
}

/** Opens the store with a progress line on a terminal. */
export async function openForCli(io: CliIo, storePath: string, options: OpenForCliOptions = {}): Promise<OpenedStore> {
  requireStoreFolder(storePath);
  const registry = options.upcast ? await loadStoreSchemas(storePath) : undefined;
  const { config } = await loadCliConfig(io, storePath);
  const progress = progressReporter(io, 'indexing');
  try {
    const backend = await openBackend(storePath, {
      onProgress: progress.update,
      fold: config.fold,
      maxNestingDepth: config.max_nesting_depth,
      ...(registry ? { upcast: (event: Event) => registry.upcast(event) } : {}),
    });
    const engine = folderEngineOf(backend);
    if (!engine) {
      await backend.close();
      throw new Error(`a ${backend.kind} store has no folder index (this command reads store folders only so far)`);
    }
    return { backend, engine };
  } catch (error) {
    throw new CliFailure(`${storePath}: cannot open the store: ${oneLine((error as Error).message)}`);
  } finally {
    progress.done();
  }
}

/** Runs `work` with the store open and always closes it. */
export async function withStore<T>(
  io: CliIo,
  storePath: string,
  work: (opened: OpenedStore) => Promise<T>,
  options: OpenForCliOptions = {},
): Promise<T> {
  const opened = await openForCli(io, storePath, options);
  try {
    return await work(opened);
  } finally {
    await opened.backend.close();
  }
}
