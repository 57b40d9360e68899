import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { generateStore } from '../../src/engine/generate/generateStore';
import { openStore } from '../../src/engine/openStore';
import { loadSchemaRegistry } from '../../src/engine/schema/loadSchemaRegistry';
import { replayEvents } from '../../src/engine/replay/replay';
import { makeTempDir } from '../helpers/tempStore';

test('events are upcast on read: replay sees old trade_executed events in the newest schema, the file keeps them as written', async () => {
  const { dir, cleanup } = makeTempDir();
  try {
    const store = path.join(dir, 'event_store');
    await generateStore({ events: 3000, outDir: store, seed: 3 });
    const registry = await loadSchemaRegistry(store);
    assert.equal(registry.newestVersion('trade_executed'), '1.1');
    const engine = await openStore(store, { noCache: true, upcast: (event) => registry.upcast(event) });
    const old = engine.select({ eventType: 'trade_executed' }).filter((e) => e.schemaVersion === '1.0');
    assert.ok(old.length > 0, 'the generator writes some 1.0 events');
    const raw = JSON.parse(await engine.readLine(old[0].ordinal)) as { metadata: { schema_version: string }; data: Record<string, unknown> };
    assert.equal(raw.metadata.schema_version, '1.0');
    assert.ok('order_id' in raw.data && !('venue' in raw.data));
    const read = await engine.readEvent(old[0].ordinal);
    assert.equal(read.metadata.schema_version, '1.1');
    assert.equal((read.data as Record<string, unknown>).venue, 'unknown');
    assert.ok(!('order_id' in (read.data as object)) && 'exchange_order_id' in (read.data as object));
    assert.deepEqual(registry.validateData('trade_executed', '1.1', read.data), []);
    const replayed = await replayEvents(engine.storage, { aggregateId: old[0].aggregateId ?? undefined });
    assert.ok(replayed.every((e) => e.event_type !== 'trade_executed' || e.metadata.schema_version === '1.1'));
    await engine.close();
  } finally {
    cleanup();
  }
});
