import { FolderBackend } from '../../engine/backends/folder/folderBackend';
import type { StoreBackend } from '../../engine/backends/storeBackend';
import type { StoreEngine } from '../../engine/storeEngineTypes';
import type { HandlerStore } from './handlerStore';

const backends = new WeakMap<StoreEngine, StoreBackend>();

/**
 * The open store behind the backend seam, for the handlers whose question
 * the seam names (replay, rebuild, snapshots, counts by type). One per
 * opened engine; the session that opened the engine closes it, so this
 * view of it is never closed itself.
 */
export function backendOf(store: HandlerStore): StoreBackend {
  let backend = backends.get(store.engine);
  if (!backend) backends.set(store.engine, (backend = new FolderBackend(store.engine, false)));
  return backend;
}
