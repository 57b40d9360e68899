import { type FolderBackendOptions, openFolderBackend } from './folder/folderBackend';
import { MemoryBackend } from './memory/memoryBackend';
import type { StoreBackend } from './storeBackend';
import { parseStoreLocation, redactUrl } from './storeLocation';

/** How to open a store behind the seam; the folder reads its own options, a URL backend its own. */
export type OpenBackendOptions = FolderBackendOptions;

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
      // MERGE POINT (#16): return openPostgresBackend(parsed.url, options) from './postgres/postgresBackend'.
      throw new Error(`${redactUrl(parsed.url)}: PostgreSQL stores cannot be opened behind the backend seam yet (its backend is not built in); \`eventbus copy\` reads and writes them`);
    case 'nats':
      // MERGE POINT (#16): return openNatsBackend(parsed.url, options) from './nats/natsBackend'.
      throw new Error(`${redactUrl(parsed.url)}: NATS JetStream stores cannot be opened behind the backend seam yet (its backend is not built in); \`eventbus copy\` reads and writes them`);
  }
}
