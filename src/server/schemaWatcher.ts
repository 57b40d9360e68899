import { watch } from 'chokidar';

/** Quiet time after the last schema file event before reloading: an editor's save is several events. */
const SETTLE_MS = 150;

/**
 * Calls `onChange` once a burst of changes under the schemas folder
 * (schemas and migrations, any depth) has settled. The folder need not
 * exist yet: one created later is picked up. `ready` resolves once the
 * watcher has seen the folder (a change before that could go unnoticed).
 */
export function watchSchemas(schemasDir: string, onChange: () => void): { readonly ready: Promise<void>; close(): Promise<void> } {
  const watcher = watch(schemasDir, { ignoreInitial: true, depth: 4 });
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      onChange();
    }, SETTLE_MS);
  };
  watcher.on('add', schedule).on('change', schedule).on('unlink', schedule).on('addDir', schedule).on('unlinkDir', schedule);
  return {
    ready,
    async close() {
      if (timer) clearTimeout(timer);
      await watcher.close();
    },
  };
}
