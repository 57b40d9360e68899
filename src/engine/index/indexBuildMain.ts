/**
 * A cold index build in a process of its own (dist/indexBuild.js), started
 * by the language server for a store without a usable persisted index: the
 * build's memory and CPU are not the server's, whose thread keeps answering
 * the views, and once the index is written the server reads it in place.
 * Argument: a JSON object `{ root, sequenceMode? }`. Messages to the parent:
 * `{ progress: [doneBytes, totalBytes] }` while scanning, then `{ done: true }`.
 */
import type { SequenceMode } from '../model/indexTypes';
import { openStore } from '../openStore';

interface BuildRequest {
  readonly root: string;
  readonly sequenceMode?: SequenceMode;
}

// A server that went away (killed, crashed) leaves nobody to use the index: stop rather than scan on as an orphan.
process.on('disconnect', () => process.exit(process.exitCode ?? 0));

async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2] ?? '{}') as BuildRequest;
  if (typeof request.root !== 'string') throw new Error('usage: indexBuild.js {"root": "<store folder>"}');
  let lastSent = 0;
  const engine = await openStore(request.root, {
    sequenceMode: request.sequenceMode,
    onProgress: (done, total) => {
      // Throttled: the parent only shows a percentage.
      const now = Date.now();
      if (now - lastSent < 100 && done < total) return;
      lastSent = now;
      process.send?.({ progress: [done, total] });
    },
  });
  await engine.close();
  process.send?.({ done: true });
}

main().then(
  () => process.disconnect?.(),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
    process.disconnect?.();
  },
);
