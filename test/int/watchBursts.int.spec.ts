import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { generateStoreSync } from '../../src/engine/generate/generateStore';
import { openStore } from '../../src/engine/openStore';
import type { IndexDelta } from '../../src/engine/model/indexTypes';
import { makeTempDir } from '../helpers/tempStore';

describe('watching a store that is written in quick succession', () => {
  it('never misses the last append of a burst, even one right after the previous refresh', async () => {
    const { dir, cleanup } = makeTempDir('eventbus-watch-bursts-');
    try {
      const store = path.join(dir, 'event_store');
      generateStoreSync({ events: 300, days: 1, outDir: store, seed: 4 });
      const day = path.join(store, 'events', fs.readdirSync(path.join(store, 'events')).filter((f) => f.endsWith('.jsonl'))[0]);
      const lines = fs.readFileSync(day, 'utf8').trimEnd().split('\n');
      const engine = await openStore(store, { threads: 1, noCache: true });
      const start = engine.index.eventCount;
      const deltas: IndexDelta[] = [];
      let reacted = false;
      const stop = engine.watch((delta) => {
        deltas.push(delta);
        // Written as soon as the first change is indexed: the watcher's own throttle would swallow its event.
        if (!reacted) {
          reacted = true;
          fs.appendFileSync(day, `${lines[5]}\n${lines[6]}\n`);
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      fs.appendFileSync(day, `${lines[7]}\n`);
      const deadline = Date.now() + 5000;
      while (engine.index.eventCount < start + 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      await stop();
      assert.equal(engine.index.eventCount, start + 3, `indexed ${engine.index.eventCount - start} of the 3 appended events`);
      assert.equal(deltas.reduce((sum, d) => sum + d.appendedEvents, 0), 3, 'every append was told');
      await engine.close();
    } finally {
      cleanup();
    }
  });
});
