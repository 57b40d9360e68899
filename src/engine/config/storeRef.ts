import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'jsonc-parser';
import { DEFAULT_CONFIG, type EventBusConfig } from './busConfig';
import { CONFIG_FILE_NAME, loadConfig, resolveStoragePath, type LoadedConfig } from './loadConfig';
import { WRAPPER_KEY } from './validateConfig';

/** The folder a store lives in when nothing names one (the guide's `storage_path` default). */
export const DEFAULT_STORE_FOLDER = 'event_store';

/**
 * One store folder, resolved once from what the user gave (`--store`, a
 * setting, a config's `storage_path`), with the configuration that governs
 * it. The CLI and the language server both resolve stores here, so a store
 * is the same value, with the same config, whoever opens it.
 */
export interface FolderStoreRef {
  readonly kind: 'folder';
  /** Absolute and normalised: the key a store is known by. */
  readonly root: string;
  readonly config: EventBusConfig;
  /** The `eventbus.config.json` the config came from; undefined when none governs the store (the guide's defaults). */
  readonly configFile?: string;
}

/**
 * Where the store is and which config governs it. `given` is the store the
 * user named (relative to `workspaceRoot`); without one, the workspace's
 * config `storage_path`, else `event_store/` in the workspace.
 */
export async function resolveFolderStore(given: string | undefined, workspaceRoot: string): Promise<FolderStoreRef> {
  if (given !== undefined) {
    const root = path.resolve(workspaceRoot, given);
    return { kind: 'folder', root, ...(await configOfStore(root, [workspaceRoot])) };
  }
  const workspace = await loadConfig(workspaceRoot);
  if (workspace.file) return { kind: 'folder', root: resolveStoragePath(workspaceRoot, workspace.config), config: workspace.config, configFile: workspace.file };
  const root = path.resolve(workspaceRoot, DEFAULT_STORE_FOLDER);
  return { kind: 'folder', root, ...(await configOfStore(root, [workspaceRoot])) };
}

/**
 * The config that governs the store at `root`, read from the store's side,
 * never just from wherever the command happens to run: the
 * `eventbus.config.json` inside the store, else the first one in the
 * store's parent folder, then in `nearby` (e.g. the current folder), that
 * either names this store in `storage_path` or names no store at all (its
 * settings are for whichever store it is used with). A config whose
 * `storage_path` names another store does not govern this one; without any,
 * the guide's defaults.
 */
export async function configOfStore(root: string, nearby: readonly string[] = []): Promise<{ config: EventBusConfig; configFile?: string }> {
  const inside = await loadConfig(root);
  if (inside.file) return fromLoaded(inside);
  const store = sameFileKey(root);
  const folders = [path.dirname(root), ...nearby.map((folder) => path.resolve(folder))];
  for (const folder of new Set(folders)) {
    if (!fs.existsSync(path.join(folder, CONFIG_FILE_NAME))) continue;
    const loaded = await loadConfig(folder);
    if (!loaded.file) continue;
    if (!namesAStore(loaded.file) || sameFileKey(resolveStoragePath(folder, loaded.config)) === store) return fromLoaded(loaded);
  }
  return { config: DEFAULT_CONFIG };
}

/** Whether a (valid) config file sets `storage_path`, flat or inside the guide's `event_bus` block. */
function namesAStore(file: string): boolean {
  const value = parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as Record<string, unknown>;
  const block = (WRAPPER_KEY in value ? value[WRAPPER_KEY] : value) as Record<string, unknown>;
  return Object.prototype.hasOwnProperty.call(block, 'storage_path');
}

function fromLoaded(loaded: LoadedConfig): { config: EventBusConfig; configFile?: string } {
  return loaded.file ? { config: loaded.config, configFile: loaded.file } : { config: loaded.config };
}

/** Two spellings of one folder (symlinks, `..`) compare equal; a folder not made yet compares by its absolute path. */
function sameFileKey(folder: string): string {
  try {
    return fs.realpathSync(folder);
  } catch {
    return path.resolve(folder);
  }
}
