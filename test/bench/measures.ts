import * as fs from 'node:fs';
import * as path from 'node:path';
import { openStore } from '../../src/engine/openStore';
import { listEventFiles } from '../../src/engine/index/listEventFiles';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: { max?: number; min?: number };
  baseline?: { name: string; value: number; unit: string };
}

export interface Measure {
  name: string;
  /** Runs per figure (median taken); default 3. */
  runs?: number;
  run(store: string): Promise<Figure[]>;
}

const MB = 1024 * 1024;

/** What a plain Node program does with the same bytes: read, split lines, JSON.parse each. */
async function rawParseBaseline(store: string): Promise<{ ms: number; events: number }> {
  const { files } = await listEventFiles(store);
  const started = performance.now();
  let events = 0;
  for (const f of files) {
    const bytes = fs.readFileSync(f.absPath);
    let start = 0;
    for (;;) {
      const end = bytes.indexOf(10, start);
      if (end === -1) break;
      if (end > start) {
        try {
          JSON.parse(bytes.toString('utf8', start, end));
          events++;
        } catch {
          // Injected faults: a baseline reader skips them too.
        }
      }
      start = end + 1;
    }
  }
  return { ms: performance.now() - started, events };
}

function cacheDirFor(store: string): string {
  return path.join(store, '.eventbus');
}

export const measures: Measure[] = [
  {
    name: 'index-cold',
    async run(store) {
      const started = performance.now();
      const engine = await openStore(store, { noCache: true });
      const ms = performance.now() - started;
      const rss = process.resourceUsage().maxRSS / 1024;
      const events = engine.index.eventCount;
      await engine.close();
      const baseline = await rawParseBaseline(store);
      return [
        { name: 'cold index (2 threads)', value: ms, unit: 'ms', target: { max: 1000 }, baseline: { name: 'JSON.parse every line, 1 thread', value: baseline.ms, unit: 'ms' } },
        { name: 'cold index peak RSS', value: rss, unit: 'MB', target: { max: 300 } },
        { name: 'cold index events/s', value: (events / ms) * 1000, unit: 'events/s', baseline: { name: 'JSON.parse events/s', value: (baseline.events / baseline.ms) * 1000, unit: 'events/s' } },
      ];
    },
  },
  {
    name: 'prepare-cache',
    runs: 1,
    async run(store) {
      fs.rmSync(cacheDirFor(store), { recursive: true, force: true });
      const engine = await openStore(store);
      await engine.close();
      return [];
    },
  },
  {
    name: 'index-reopen',
    async run(store) {
      const started = performance.now();
      const engine = await openStore(store);
      const ms = performance.now() - started;
      const bytes = fs.statSync(path.join(cacheDirFor(store), 'index.bin')).size;
      await engine.close();
      return [
        { name: 'reopen with persisted index', value: ms, unit: 'ms', target: { max: 150 } },
        { name: 'persisted index size', value: bytes / MB, unit: 'MB' },
      ];
    },
  },
  {
    name: 'index-append',
    async run(store) {
      const engine = await openStore(store, { persistIndex: false });
      const last = engine.index.files[engine.index.files.length - 1];
      const file = path.join(store, last.file);
      const originalSize = fs.statSync(file).size;
      const sample = (await engine.readLine(engine.index.eventCount - 1)).replace(/"event_id":\s*"[^"]+"/, '"event_id":"EVENT_ID"');
      const batch = (from: number) => {
        const lines: string[] = [];
        for (let i = from; i < from + 1000; i++) lines.push(sample.replace('EVENT_ID', `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`));
        return `${lines.join('\n')}\n`;
      };
      try {
        // The first refresh after opening also compiles the scanner on this
        // thread (a cold build ran it in workers): the watching server pays
        // that once, so both are reported and the steady one is the target.
        const timeAppend = async (from: number) => {
          fs.appendFileSync(file, batch(from));
          const started = performance.now();
          const delta = await engine.refresh();
          const ms = performance.now() - started;
          if (delta.appendedEvents !== 1000) throw new Error(`expected 1000 appended events, indexed ${delta.appendedEvents}`);
          return ms;
        };
        const first = await timeAppend(0);
        const steady = [];
        for (let k = 1; k <= 5; k++) steady.push(await timeAppend(k * 1000));
        steady.sort((a, b) => a - b);
        return [
          { name: 'index 1,000 appended events (steady)', value: steady[2], unit: 'ms', target: { max: 20 } },
          { name: 'index 1,000 appended events (first after open)', value: first, unit: 'ms' },
        ];
      } finally {
        fs.truncateSync(file, originalSize);
        await engine.close();
      }
    },
  },
  {
    name: 'aggregate-query',
    async run(store) {
      const engine = await openStore(store, { persistIndex: false });
      const index = engine.index;
      let chosen = '';
      let bestDistance = Infinity;
      for (const id of index.aggregateIds()) {
        const distance = Math.abs(index.ordinalsOfAggregate(id).length - 2000);
        if (distance < bestDistance) {
          bestDistance = distance;
          chosen = id;
        }
      }
      const started = performance.now();
      const events = [];
      for await (const event of engine.query({ aggregateId: chosen })) events.push(event);
      const ms = performance.now() - started;
      await engine.close();
      return [{ name: `one aggregate's events (${events.length}) read`, value: ms, unit: 'ms', target: { max: 30 } }];
    },
  },
];
