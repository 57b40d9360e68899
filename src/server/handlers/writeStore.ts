import type { EventBusConfig } from '../../engine/config/busConfig';
import { configOfStore } from '../../engine/config/storeRef';
import { validateConfig } from '../../engine/config/validateConfig';
import { UNTRUSTED_WRITE_MESSAGE, type TrustParams } from '../../shared/writeProtocol';
import type { StoreSession } from '../storeSession';
import type { HandlerStore } from './handlerStore';

/** What a write or scan handler gets: the open store plus its session (folder, findings, settings). */
export interface WriteStore extends HandlerStore {
  readonly session: StoreSession;
}

/**
 * Refuses a write unless the client said the workspace is trusted. The
 * client is the real gate (it hides and refuses the commands); this only
 * keeps a client that forgot from writing.
 */
export function requireTrusted(params: Partial<TrustParams> | undefined, what: string): void {
  if (params?.trusted !== true) {
    throw new Error(`${what} ${UNTRUSTED_WRITE_MESSAGE} (the client reported an untrusted workspace, or sent no "trusted": true)`);
  }
}

/**
 * The config governing the store as it is now (configOfStore), under the bus settings (the file may have
 * changed since the store opened: a TTL edited just before a cleanup must
 * count). A store no config names runs with the defaults.
 */
export async function currentConfig(store: WriteStore): Promise<EventBusConfig> {
  const folder = store.session.folder;
  const { config: fileConfig } = await configOfStore(store.session.root, folder ? [folder] : []);
  const bus = store.session.settings.bus;
  // The `eventbus.bus.*` settings the user set win over the file (they were checked when the settings were read).
  return Object.keys(bus).length === 0 ? fileConfig : validateConfig({ ...fileConfig, ...bus }, { name: 'eventbus.bus settings' });
}

/** A non-empty string parameter, or an error naming it and what was expected. */
export function requireText(name: string, value: unknown, example: string): string {
  if (typeof value !== 'string' || value.trim().length === 0) {
    throw new Error(`${name} must be a non-empty string (e.g. ${example}), got ${value === undefined ? 'nothing' : JSON.stringify(value)}`);
  }
  return value;
}

/** An optional whole-number parameter. */
export function optionalWhole(name: string, value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new Error(`${name} must be a whole number, got ${JSON.stringify(value)}`);
  return value;
}

/** An optional string parameter ('' counts as absent). */
export function optionalText(name: string, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`${name} must be a string, got ${typeof value}`);
  return value;
}
