import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildIndex } from '../../src/engine/index/indexBuilder';
import { makeTempDir, writeEventFile } from '../helpers/tempStore';

/** A deterministic mix of valid, invalid, blank and CRLF lines of very different lengths. */
function mixedLines(seed: number): string[] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const lines: string[] = [];
  for (let i = 0; i < 6000; i++) {
    const r = next();
    const padding = 'x'.repeat(Math.floor(next() * (r < 0.01 ? 3_000_000 : 900)));
    const event = JSON.stringify({
      event_type: 'trade_executed',
      data: { note: padding, n: i },
      metadata: { event_id: `e-${i}`, aggregate_id: `agg_${i % 17}`, sequence_number: i, timestamp: '2024-01-15T10:00:00Z' },
    });
    if (r < 0.05) lines.push('');
    else if (r < 0.08) lines.push(event.slice(0, Math.floor(event.length / 2)));
    else if (r < 0.1) lines.push(`${event}\r`);
    else if (r < 0.11) lines.push('{"event_type": "x", "data": NaN, "metadata": {}}');
    else lines.push(event);
  }
  return lines;
}

test('lines spanning read chunks, lines longer than a chunk and CRLF index exactly as a line-by-line JSON.parse reads them', async () => {
  const { dir, cleanup } = makeTempDir();
  try {
    const lines = mixedLines(7);
    const text = lines.join('\n') + '\n';
    writeEventFile(dir, 'events_2024-01-15.jsonl', text);
    const expected: { line: number; offset: number; id: string }[] = [];
    const invalid: number[] = [];
    let offset = 0;
    lines.forEach((raw, k) => {
      const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (content.trim() !== '') {
        try {
          const parsed = JSON.parse(content) as { metadata: { event_id: string } };
          expected.push({ line: k + 1, offset, id: parsed.metadata.event_id });
        } catch {
          invalid.push(k + 1);
        }
      }
      offset += Buffer.byteLength(raw) + 1;
    });
    const index = await buildIndex(dir, { threads: 1 });
    assert.equal(index.eventCount, expected.length);
    for (let o = 0; o < index.eventCount; o++) {
      const e = index.event(o);
      assert.deepEqual({ line: e.line, offset: e.offset, id: e.eventId }, expected[o], `event ${o}`);
    }
    assert.deepEqual(index.problems.map((p) => p.line), invalid);
  } finally {
    cleanup();
  }
});
