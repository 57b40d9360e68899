import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { openStore } from '../../src/engine/openStore';
import { makeTempDir, writeEventFile } from '../helpers/tempStore';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function line(n: number, cause: number | null, second = n): string {
  return JSON.stringify({
    event_type: 'trade_executed',
    data: { n },
    metadata: {
      event_id: id(n),
      version: '1.0.0',
      schema_version: '1.0',
      timestamp: new Date(Date.UTC(2024, 0, 15, 10, 0, second)).toISOString(),
      source: 'TradingBot',
      correlation_id: 'c',
      causation_id: cause === null ? null : id(cause),
      aggregate_id: 'trader_1',
      sequence_number: n,
      retry_count: 0,
      status: 'completed',
      tags: {},
    },
  });
}

describe('what the index derives, after appends', () => {
  it('unknown causes: an appended event can be the missing cause of an earlier one; new dangling causes are found', async () => {
    const { dir, cleanup } = makeTempDir('eventbus-index-appends-');
    try {
      // Event 3's cause (900) is not in the store yet; 4's cause is 1.
      writeEventFile(dir, 'events_2024-01-15.jsonl', [line(1, null), line(2, 1), line(3, 900), line(4, 1), line(5, 901)].join('\n') + '\n');
      const engine = await openStore(dir, { threads: 1, noCache: true });
      assert.deepEqual(engine.index.unknownCauses(), [2, 4]);
      // 900 arrives (fixing event 3), 6 names a cause that does not exist, 7 a cause that does.
      fs.appendFileSync(path.join(dir, 'events', 'events_2024-01-15.jsonl'), [line(900, null, 10), line(6, 902, 11), line(7, 2, 12)].join('\n') + '\n');
      await engine.refresh();
      const fresh = await openStore(dir, { threads: 1, noCache: true });
      assert.deepEqual(engine.index.unknownCauses(), fresh.index.unknownCauses());
      assert.deepEqual(engine.index.unknownCauses(), [4, 6]);
      // A new day file counts as appended too: 901 fixes event 5 (ordinal 4), event 8 (ordinal 9) dangles.
      writeEventFile(dir, 'events_2024-01-16.jsonl', `${line(901, null, 20)}\n${line(8, 903, 21)}\n`);
      await engine.refresh();
      assert.deepEqual(engine.index.unknownCauses(), [6, 9]);
      await fresh.close();
      await engine.close();
    } finally {
      cleanup();
    }
  });
});
