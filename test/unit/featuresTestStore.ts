import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_CONFIG } from '../../src/engine/config/busConfig';
import { generateStore } from '../../src/engine/generate/generateStore';
import type { GenerateSummary } from '../../src/engine/generate/generatorTypes';
import { openStore } from '../../src/engine/openStore';
import { loadSchemaRegistry } from '../../src/engine/schema/loadSchemaRegistry';
import type { FeatureContext } from '../../src/server/features/featureContext';

/** A small generated store with every fault kind, opened as the server would open it, for the feature tests. */
export interface FeatureStore {
  readonly ctx: FeatureContext;
  readonly summary: GenerateSummary;
  readonly root: string;
  /** Line text of a store file (1-based line). */
  lineOf(file: string, line: number): string;
  /** Every line of a store file. */
  linesOf(file: string): string[];
  close(): Promise<void>;
}

export async function openFeatureStore(events = 3000): Promise<FeatureStore> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'features-'));
  const summary = await generateStore({ events, outDir: root, seed: 11, days: 2, withErrors: true });
  const engine = await openStore(root, { noCache: true, threads: 1 });
  const registry = await loadSchemaRegistry(root);
  const ctx: FeatureContext = {
    engine,
    registry,
    storeRoot: root,
    uriOf: (file) => pathToFileURL(path.join(root, file)).toString(),
    config: DEFAULT_CONFIG,
  };
  const cache = new Map<string, string[]>();
  const linesOf = (file: string) => {
    let lines = cache.get(file);
    if (!lines) cache.set(file, (lines = fs.readFileSync(path.join(root, file), 'utf8').split('\n')));
    return lines;
  };
  return {
    ctx,
    summary,
    root,
    lineOf: (file, line) => linesOf(file)[line - 1],
    linesOf,
    close: async () => {
      await engine.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/** The character just inside the value of an envelope key (`event_type`, or a metadata key) on an event line. */
export function valueCursor(lineText: string, key: string): number {
  const from = key === 'event_type' ? 0 : lineText.indexOf('"metadata"');
  const at = lineText.indexOf(`"${key}"`, from);
  if (at < 0) throw new Error(`no "${key}" in ${lineText}`);
  let k = lineText.indexOf(':', at + key.length + 2) + 1;
  while (lineText[k] === ' ') k++;
  return k + 1;
}

/** Applies LSP text edits that all lie on one line to that line's text. */
export function applyLineEdits(lineText: string, edits: readonly { range: { start: { character: number }; end: { character: number } }; newText: string }[]): string {
  let text = lineText;
  for (const edit of [...edits].sort((a, b) => b.range.start.character - a.range.start.character)) {
    text = text.slice(0, edit.range.start.character) + edit.newText + text.slice(Math.min(edit.range.end.character, text.length));
  }
  return text;
}
