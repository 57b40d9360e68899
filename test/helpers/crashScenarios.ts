import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateStore } from '../../src/engine/generate/generateStore';
import { createEvent, serializeEvent } from '../../src/engine/model/event';
import { openStore } from '../../src/engine/openStore';
import { compressDayFile } from '../../src/engine/store/compressDay';
import { EVENTS_DIR, eventFileName } from '../../src/engine/store/layout';
import type { OperationScenario } from './crashOperationTrial';

/** The prepared stores of the operation crash trials (tests and bench alike). */

/** The aggregate with the most events (the longest rebuild, the biggest snapshot). */
async function busiestAggregate(store: string): Promise<string> {
  const engine = await openStore(store, { threads: 1, noCache: true });
  try {
    const counts = new Map<string, number>();
    for (let ordinal = 0; ordinal < engine.index.eventCount; ordinal++) {
      const id = engine.index.event(ordinal).aggregateId;
      if (id !== null) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1])[0][0];
  } finally {
    await engine.close();
  }
}

export async function snapshotScenarios(dir: string): Promise<OperationScenario[]> {
  const template = path.join(dir, 'template-snapshot');
  await generateStore({ events: 2000, days: 1, outDir: template, seed: 11 });
  // No snapshot yet, so creating one writes a new file.
  fs.rmSync(path.join(template, 'snapshots'), { recursive: true, force: true });
  return [{ name: 'snapshot', mode: 'snapshot', args: [await busiestAggregate(template)], template }];
}

const DAY = '2024-01-15';

export async function compressScenarios(dir: string): Promise<OperationScenario[]> {
  const fresh = path.join(dir, 'template-compress');
  await generateStore({ events: 3000, days: 2, outDir: fresh, seed: 12 });

  // A day already gzipped that then got late events: the rotation adds a gzip member.
  const member = path.join(dir, 'template-compress-member');
  fs.cpSync(fresh, member, { recursive: true });
  await compressDayFile(path.join(member, EVENTS_DIR), DAY);
  const late = Array.from({ length: 50 }, (_, n) => {
    const event = createEvent('component_started', { late: n }, { source: 'crash test' });
    return serializeEvent({ ...event, metadata: { ...event.metadata, timestamp: `${DAY}T23:59:${String(n % 60).padStart(2, '0')}Z` } });
  });
  fs.writeFileSync(path.join(member, EVENTS_DIR, eventFileName(DAY)), `${late.join('\n')}\n`);

  return [
    { name: 'compress a plain day', mode: 'compress', args: [DAY], template: fresh, rerunFinishes: true },
    { name: 'add late events to a gzipped day', mode: 'compress', args: [DAY], template: member, rerunFinishes: true },
  ];
}

export async function migrateScenarios(dir: string): Promise<OperationScenario[]> {
  const template = path.join(dir, 'template-migrate');
  // Python style: trade_executed 1.0 events (migrated to 1.1) spread over the day files.
  await generateStore({ events: 3000, days: 3, outDir: template, seed: 13, pythonStyle: true });
  return [{ name: 'migrate the day files', mode: 'migrate', args: ['crash'], template }];
}

export async function cleanupScenarios(dir: string): Promise<OperationScenario[]> {
  const template = path.join(dir, 'template-cleanup');
  await generateStore({ events: 3000, days: 5, outDir: template, seed: 14 });
  // 2024-01-15..19 stored; a 1-day TTL on the 19th removes the first three days and the snapshots they supersede.
  return [{ name: 'remove three days', mode: 'cleanup', args: ['1', String(Date.parse('2024-01-19T12:00:00Z'))], template }];
}
