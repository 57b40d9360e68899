import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { createEvent, serializeEvent } from '../../src/engine/model/event';
import { openStore } from '../../src/engine/openStore';
import { DEFAULT_MAX_DECOMPRESSED_BYTES } from '../../src/engine/store/lineReader';
import { validateStore } from '../../src/engine/validate/validateStore';
import { hashTree } from '../helpers/hostileStore';
import { makeTempDir, writeEventFile } from '../helpers/tempStore';

/**
 * A gzip bomb under the product's real limit (no test-only setting): a day
 * file of about 4 MB that decompresses to 4 GiB. The index and the validator
 * stop at the limit, report the file, keep the rest of the store, and the
 * process's memory stays near the limit, not the bomb's size.
 */

const MIB = 1024 * 1024;

test('a gzip bomb is reported at the decompression limit by the index and the validator; the other days stay usable', async () => {
  const temp = makeTempDir('eventbus-bomb-');
  try {
    const root = path.join(temp.dir, 'event_store');
    const good = Array.from({ length: 5 }, (_, i) => createEvent('component_started', { i }, { sequence_number: i + 1, aggregate_id: 'a', timestamp: `2024-01-01T0${i}:00:00Z` }));
    writeEventFile(root, 'events_2024-01-01.jsonl', good.map(serializeEvent).join('\n') + '\n');
    // Many gzip members of zeros, one after another: appending to a gzip
    // file makes exactly this, and readers must take all members.
    const member = zlib.gzipSync(Buffer.alloc(64 * MIB), { level: 9 });
    const members = Math.ceil((4 * 1024 * MIB) / (64 * MIB));
    const bomb = Buffer.concat(Array.from({ length: members }, () => member));
    assert.ok(bomb.length < 8 * MIB && members * 64 * MIB > 3 * DEFAULT_MAX_DECOMPRESSED_BYTES);
    writeEventFile(root, 'events_2024-01-02.jsonl.gz', bomb);
    const before = hashTree(root);

    const engine = await openStore(root, { cacheDir: path.join(temp.dir, 'cache') });
    try {
      const problem = engine.index.problems.find((p) => p.file === 'events/events_2024-01-02.jsonl.gz');
      assert.ok(problem, 'the index does not report the bomb');
      assert.equal(problem.line, 1);
      assert.match(problem.message, /gzip bomb/);
      assert.equal(engine.index.eventCount, good.length);
      for (let ordinal = 0; ordinal < good.length; ordinal++) {
        assert.equal((await engine.readEvent(ordinal)).metadata.event_id, good[ordinal].metadata.event_id);
      }
      const report = await validateStore(engine, { threads: 1 });
      const finding = report.findings.find((f) => f.file === 'events/events_2024-01-02.jsonl.gz');
      assert.ok(finding, 'the validator does not report the bomb');
      assert.equal(finding.code, 'EB021');
      assert.equal(finding.line, 1);
      assert.match(finding.message, /gzip bomb/);
    } finally {
      await engine.close();
    }
    // Bounded by the limit (1 GiB) plus the runtime, far below the bomb's 4 GiB.
    const peakBytes = process.resourceUsage().maxRSS * 1024;
    assert.ok(peakBytes < DEFAULT_MAX_DECOMPRESSED_BYTES + 1024 * MIB, `peak RSS ${Math.round(peakBytes / MIB)} MiB`);
    assert.deepEqual(hashTree(root), before);
    assert.ok(!fs.existsSync(path.join(root, '.eventbus')));
  } finally {
    temp.cleanup();
  }
});
