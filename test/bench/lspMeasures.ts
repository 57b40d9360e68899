/**
 * The language server's targets (issue 3), measured over stdio against the
 * built dist/server.js: a 100,000-line event file's first full diagnostics
 * in ≤ 2 s, and one edit in it re-published in ≤ 200 ms. The measure makes
 * its own one-file store (the bench store's day files are smaller), once,
 * in the OS temp folder; the store argument is not used.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateStoreSync } from '../../src/engine/generate/generateStore';
import { fileUriOf } from '../../src/shared/uris';
import { startServer } from '../lsp/lspClient';
import type { Figure, Measure } from './measures';

const LINES = 100_000;
const EDITS = 7;

/** A workspace whose store has one day file of LINES events (generated once; its index cache removed for a cold start). */
export function bigFileWorkspace(): { folder: string; file: string } {
  const folder = path.join(os.tmpdir(), `eventbus-lsp-bench-${LINES}`);
  const store = path.join(folder, 'event_store');
  const file = path.join(store, 'events', 'events_2024-01-15.jsonl');
  if (!fs.existsSync(file)) {
    fs.rmSync(folder, { recursive: true, force: true });
    generateStoreSync({ events: LINES, days: 1, outDir: store, seed: 3, pythonStyle: true });
  }
  fs.rmSync(path.join(store, '.eventbus'), { recursive: true, force: true });
  return { folder, file };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export const lspMeasures: Measure[] = [
  {
    name: 'lsp-100k-line-file',
    async run() {
      const { folder, file } = bigFileWorkspace();
      const uri = fileUriOf(file);
      const text = fs.readFileSync(file, 'utf8');
      const lines = text.split('\n');

      const started = performance.now();
      const client = await startServer({ folder });
      try {
        // The store pass: index + every rule over the file from disk, published for the (closed) file.
        await client.waitForStoreChanged((p) => p.reason === 'opened', 60_000);
        const storeMs = performance.now() - started;

        const openedAt = performance.now();
        client.open(uri, text);
        await client.waitForVersion(uri, 1, () => true, 60_000);
        const openMs = performance.now() - openedAt;

        // Edits in the middle of the file: break a line's closing brace, then put it back.
        const editMs: number[] = [];
        let version = 1;
        for (let k = 0; k < EDITS; k++) {
          const line0 = Math.floor(LINES / 2) + k;
          const end = lines[line0].length;
          const broken = k % 2 === 0;
          const change = broken
            ? { range: { start: { line: line0, character: end - 1 }, end: { line: line0, character: end } }, text: '' }
            : { range: { start: { line: line0 - 1, character: lines[line0 - 1].length - 1 }, end: { line: line0 - 1, character: lines[line0 - 1].length - 1 } }, text: '}' };
          const at = performance.now();
          client.change(uri, ++version, [change]);
          await client.waitForVersion(uri, version, () => true, 10_000);
          editMs.push(performance.now() - at);
        }
        const figures: Figure[] = [
          { name: `lsp: store opened, 100k-line file's diagnostics published`, value: storeMs, unit: 'ms', target: { max: 2000 } },
          { name: `lsp: 100k-line document opened, first full diagnostics`, value: openMs, unit: 'ms', target: { max: 2000 } },
          { name: `lsp: one edit in a 100k-line document, diagnostics updated (median of ${EDITS})`, value: median(editMs), unit: 'ms', target: { max: 200 } },
        ];
        return figures;
      } finally {
        await client.stop();
      }
    },
  },
];
