import { execFileSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateStoreSync } from '../../src/engine/generate/generateStore';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');

/** A generated store of three days, the first two gzipped as the bus compresses closed days. */
export function generatedStoreWithGzipDays(root: string, options: { events: number; withErrors?: boolean }): void {
  generateStoreSync({ events: options.events, outDir: root, days: 3, withErrors: options.withErrors === true });
  execFileSync(process.execPath, [CLI, 'compact', '--store', root, '--now', '2024-01-17T00:00:00Z'], { stdio: 'ignore' });
}

/**
 * One aggregate of `count` events (`acct-1`), each changing a balance and a
 * few fields, the first one carrying a big list and a wide object (for
 * paging), all in one day file; every 50th event is another aggregate's.
 * Events 1–4 are one correlation: 1 caused 2 and 3, and 2 caused 4.
 */
export function longAggregateStore(root: string, count: number): void {
  const lines: string[] = [];
  const ids = Array.from({ length: count + 1 }, () => crypto.randomUUID());
  // Events 1–4 are one correlation: 1 caused 2 and 3, 2 caused 4 (a cause with two effects, a chain of three).
  const causes: Record<number, number> = { 2: 1, 3: 1, 4: 2 };
  const start = Date.parse('2024-02-01T00:00:00Z');
  let balance = 0;
  for (let i = 1; i <= count; i++) {
    balance += (i % 7) - 3;
    const data: Record<string, unknown> = { balance, [`field_${i % 13}`]: i, last_step: i, nested: { depth: { i, parity: i % 2 === 0 ? 'even' : 'odd' } } };
    if (i === 1) {
      data.items = Array.from({ length: 3000 }, (_, k) => ({ k }));
      data.wide = Object.fromEntries(Array.from({ length: 2500 }, (_, k) => [`key_${String(k).padStart(4, '0')}`, k]));
    }
    lines.push(
      JSON.stringify({
        event_type: 'balance_changed',
        data,
        metadata: {
          event_id: ids[i],
          schema_version: '1.0',
          timestamp: new Date(start + i * 1000).toISOString(),
          source: 'ledger',
          correlation_id: i <= 4 ? 'corr-chain' : crypto.randomUUID(),
          causation_id: causes[i] !== undefined ? ids[causes[i]] : null,
          aggregate_id: i % 50 === 0 ? 'other-1' : 'acct-1',
          sequence_number: i,
          retry_count: 0,
          status: 'completed',
        },
      }),
    );
  }
  fs.mkdirSync(path.join(root, 'events'), { recursive: true });
  fs.writeFileSync(path.join(root, 'events', 'events_2024-02-01.jsonl'), `${lines.join('\n')}\n`);
}
