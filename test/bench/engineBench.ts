/**
 * The engine's measurements, one per process run (`engineBench.js <name> <store>`),
 * each printing `{ figures: [...] }` as its last line. Orchestrated by run.js.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateStore } from '../../src/engine/generate/generateStore';
import { openStore } from '../../src/engine/openStore';
import type { StoreEngine } from '../../src/engine/storeEngineTypes';
import { backendMeasures } from './backendMeasures';
import { crashMeasures } from './crashMeasures';
import { debugMeasures } from './debugMeasures';
import { fuzzMeasures } from './fuzzMeasures';
import { hardeningMeasures } from './hardeningBench';
import { loadMeasures } from './loadMeasures';
import { lspMeasures } from './lspMeasures';
import { streamingMeasures } from './streamingMeasures';
import { timelineFollowMeasures } from './timelineFollowMeasure';
import { timelineMeasures } from './timelineMeasures';
import { viewsMeasures } from './viewsMeasures';
import { vscodeOpenMeasures } from './vscodeOpenMeasures';
import { wholeProcessMeasures } from './wholeProcessMeasures';
import { measures as engineMeasures, type Figure } from './measures';

const measures = [...engineMeasures, ...lspMeasures, ...viewsMeasures, ...timelineMeasures, ...timelineFollowMeasures, ...crashMeasures, ...fuzzMeasures, ...loadMeasures, ...wholeProcessMeasures, ...streamingMeasures, ...vscodeOpenMeasures, ...hardeningMeasures, ...debugMeasures, ...backendMeasures];

async function main(): Promise<void> {
  const [name, store, extra] = process.argv.slice(2);
  if (name === 'list') {
    print({ measures: measures.map((m) => ({ name: m.name, runs: m.runs })) });
    return;
  }
  if (name === 'generate') {
    const started = performance.now();
    const summary = await generateStore({ events: Number(extra), outDir: store, seed: 42 });
    print({ ms: performance.now() - started, bytes: summary.bytes, files: summary.files.length });
    return;
  }
  const measure = measures.find((m) => m.name === name);
  if (!measure) throw new Error(`no measurement named ${name}`);
  const figures: Figure[] = await measure.run(store);
  print({ figures });
}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

export type { StoreEngine };
export { fs, path, openStore };
