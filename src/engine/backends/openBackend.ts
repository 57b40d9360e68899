import { type FolderBackendOptions, openFolderBackend } from './folder/folderBackend';
import { MemoryBackend } from './memory/memoryBackend';
import { openNatsBackend } from './nats/natsBackend';
import { openPostgresBackend } from './postgres/postgresBackend';
import type { StoreBackend } from './storeBackend';
import { parseStoreLocation } from './storeLocation';

/**
 * How to open a store behind the seam; the folder reads its own options, a
 * URL backend `writable` (read-only without it), `create` and the connect
 * timeout.
 */
export interface OpenBackendOptions extends FolderBackendOptions {
  /** Create the project's layout in an empty database or stream (an explicit writing command only). */
  readonly create?: boolean;
  /** Connection timeout for a server, ms: an unreachable host fails instead of hanging. */
  readonly connectTimeoutMs?: number;
}

/** `memory://NAME`: a new, empty in-memory store (tests; nothing persists). */
const MEMORY_SCHEME = 'memory://';

/**
 * Opens what the user named (a folder path, `postgres://…`, `nats://…`,
 * or `memory://` in tests) as a StoreBackend: the one door every command
 * and view comes through.
 */
export async function openBackend(location: string, options: OpenBackendOptions = {}): Promise<StoreBackend> {
  if (location.startsWith(MEMORY_SCHEME)) return new MemoryBackend(location.slice(MEMORY_SCHEME.length) || 'memory');
  const parsed = parseStoreLocation(location);
  switch (parsed.kind) {
    case 'folder':
      return openFolderBackend(parsed.path, options);
    case 'postgres':
      return openPostgresBackend(parsed.url, urlOptions(options));
    case 'nats':
      return openNatsBackend(parsed.url, urlOptions(options));
  }
}

function urlOptions(options: OpenBackendOptions): { write: boolean; create?: boolean; connectTimeoutMs?: number } {
  return {
    write: Boolean(options.writable || options.create),
    ...(options.create ? { create: true } : {}),
    ...(options.connectTimeoutMs !== undefined ? { connectTimeoutMs: options.connectTimeoutMs } : {}),
  };
}
