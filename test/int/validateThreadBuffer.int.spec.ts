import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { validateBuffer, validateFile } from '../../src/engine/validate/validateFile';
import { makeTempDir } from '../helpers/tempStore';

const good = (n: number): string =>
  JSON.stringify({ event_type: 'trade_executed', data: { n }, metadata: { event_id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, timestamp: '2024-01-15T00:00:00Z', source: 't', aggregate_id: 'a', correlation_id: null, causation_id: null, sequence_number: n, retry_count: 0, status: 'completed', schema_version: '1.0', tags: {} } });

describe('validateFile reads plain files into one buffer per thread', () => {
  it('files of different sizes checked one after another and at once each get their own findings', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const big = path.join(dir, 'events_2024-01-15.jsonl');
      const small = path.join(dir, 'events_2024-01-16.jsonl');
      fs.writeFileSync(big, `${Array.from({ length: 200 }, (_, k) => (k === 150 ? '{"broken": ' : good(k + 1))).join('\n')}\n`);
      fs.writeFileSync(small, `not json\n${good(1)}\n`);
      const expected = (file: string) => validateBuffer(fs.readFileSync(file), path.basename(file), {});
      const strip = (r: { findings: readonly { line: number; code: string }[]; lines: number }) => ({ lines: r.lines, at: r.findings.map((f) => `${f.line}:${f.code}`) });
      const results = await Promise.all([big, small, big, small].map((file) => validateFile(file, path.basename(file), {})));
      assert.deepEqual(results.map(strip), [big, small, big, small].map((file) => strip(expected(file))));
      assert.equal(results[0].lines, 200);
      assert.ok(strip(results[0]).at.some((at) => at.startsWith('151:')), 'the big file: its broken line');
      assert.equal(results[1].lines, 2, 'the small file read after it: its own two lines, not the big file left in the buffer');
      assert.ok(strip(results[1]).at.some((at) => at.startsWith('1:')) && strip(results[1]).at.every((at) => Number(at.split(':')[0]) <= 2));
      fs.rmSync(small);
      const missing = await validateFile(small, 'events_2024-01-16.jsonl', {});
      assert.deepEqual(missing.findings.map((f) => f.code), ['EB021']);
    } finally {
      cleanup();
    }
  });
});
