import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG } from '../../src/engine/config/busConfig';
import { openStore } from '../../src/engine/openStore';
import { openStoreBus, STORE_BUS_QUEUE_LIMIT } from '../../src/engine/openStoreBus';
import { makeTempDir } from '../helpers/tempStore';

describe('the store bus under a publisher that does not wait', () => {
  it('holds at most its queue limit and still writes every event once', async () => {
    const { dir, cleanup } = makeTempDir('eventbus-store-bus-limit-');
    try {
      fs.mkdirSync(path.join(dir, 'events'), { recursive: true });
      const engine = await openStore(dir, { threads: 1 });
      // A slow dispatcher (one small batch a cycle) so that, unbounded, the queue would fill with everything.
      const config = { ...DEFAULT_CONFIG, enable_snapshots: false, processing_interval: 0.02, batch_size: 5, health_check_interval: 0 };
      const limit = 20;
      const { bus, close } = openStoreBus(engine, { config, maxQueueSize: limit });
      await bus.start();
      let largest = 0;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          largest = Math.max(largest, bus.getStatus().queue_size);
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
      })();
      const published = await Promise.all(Array.from({ length: 300 }, (_, n) => bus.publish('trade_executed', { n }, { source: 'limit-test', aggregate_id: 'trader_1' })));
      sampling = false;
      await sampler;
      await close();
      assert.ok(largest > 0, 'the sampler saw a queue');
      assert.ok(largest <= limit, `the queue held ${largest} events, limit ${limit}`);
      const reopened = await openStore(dir, { threads: 1, noCache: true });
      assert.equal(reopened.index.eventCount, 300);
      assert.deepEqual(new Set(published.map((e) => e.metadata.event_id)).size, 300);
      await reopened.close();
      await engine.close();
    } finally {
      cleanup();
    }
  });

  it('has a limit by default', () => {
    assert.ok(STORE_BUS_QUEUE_LIMIT > 0 && Number.isInteger(STORE_BUS_QUEUE_LIMIT));
  });
});
