import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { createEvent } from '../../src/engine/model/event';
import { applyMigration, convertValue } from '../../src/engine/schema/applyMigration';
import { parseDataPath } from '../../src/engine/schema/dataPath';
import { type Migration, parseMigration, parseMigrationFileName, SchemaFileError } from '../../src/engine/schema/migrationSpec';
import { SchemaRegistry } from '../../src/engine/schema/schemaRegistry';
import { compareVersions, sortVersions } from '../../src/engine/schema/versionOrder';

const FILE = 'schemas/trade_executed/1.0-to-1.1.migration.json';

function migration(operations: unknown[], from = '1.0', to = '1.1'): Migration {
  return parseMigration(JSON.stringify({ operations }), FILE, 'trade_executed', from, to);
}

function thrown(fn: () => unknown): SchemaFileError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof SchemaFileError, String(error));
    return error;
  }
  assert.fail('expected a SchemaFileError');
}

describe('version order', () => {
  it('compares dotted numbers numerically', () => {
    assert.deepEqual(sortVersions(['2.0', '1.10', '1.0', '1.9', '10.0', '1.2.1']), ['1.0', '1.2.1', '1.9', '1.10', '2.0', '10.0']);
    assert.ok(compareVersions('1.0', '1.10') < 0);
    assert.ok(compareVersions('1.10', '2.0') < 0);
    assert.equal(compareVersions('1.1', '1.1'), 0);
    assert.ok(compareVersions('1', '1.0') !== 0, 'a total order still tells "1" from "1.0"');
  });
});

describe('data paths', () => {
  it('reads dot paths and JSON Pointers (with ~0/~1 escapes)', () => {
    assert.deepEqual(parseDataPath('order.items.0.qty'), ['order', 'items', '0', 'qty']);
    assert.deepEqual(parseDataPath('/a~1b/c~0d'), ['a/b', 'c~d']);
    assert.ok('error' in (parseDataPath('a..b') as object));
    assert.ok('error' in (parseDataPath('') as object));
    assert.ok('error' in (parseDataPath('/a~2') as object));
  });
});

describe('migration operations', () => {
  it('rename keeps the key in place; move relocates, creating objects on the way', () => {
    const m = migration([
      { op: 'rename', from: 'qty', to: 'quantity' },
      { op: 'move', from: 'price', to: '/order/price' },
    ]);
    const data = { symbol: 'BTC', qty: 2, side: 'buy', price: 50000 };
    const out = applyMigration(m, data) as Record<string, unknown>;
    assert.deepEqual(Object.keys(out), ['symbol', 'quantity', 'side', 'order']);
    assert.deepEqual(out, { symbol: 'BTC', quantity: 2, side: 'buy', order: { price: 50000 } });
    assert.deepEqual(data, { symbol: 'BTC', qty: 2, side: 'buy', price: 50000 }, 'the input is not changed');
  });

  it('set_default only when absent (a present null stays); remove; absent sources do nothing', () => {
    const m = migration([
      { op: 'set_default', path: 'currency', value: 'USD' },
      { op: 'set_default', path: 'venue', value: 'binance' },
      { op: 'set_default', path: 'meta.tier', value: { level: 1 } },
      { op: 'remove', path: 'legacy' },
      { op: 'remove', path: 'not_there' },
      { op: 'rename', from: 'missing', to: 'still_missing' },
    ]);
    assert.deepEqual(applyMigration(m, { currency: 'EUR', venue: null, legacy: 1 }), {
      currency: 'EUR',
      venue: null,
      meta: { tier: { level: 1 } },
    });
  });

  it('convert between string, number and boolean, leaving what does not convert', () => {
    const m = migration([
      { op: 'convert', path: 'qty', type: 'number' },
      { op: 'convert', path: 'bad', type: 'number' },
      { op: 'convert', path: 'flag', type: 'boolean' },
      { op: 'convert', path: 'id', type: 'string' },
      { op: 'convert', path: 'items.1', type: 'number' },
    ]);
    assert.deepEqual(applyMigration(m, { qty: ' 1.5 ', bad: 'abc', flag: 'yes', id: 42, items: ['1', '2'] }), {
      qty: 1.5,
      bad: 'abc',
      flag: true,
      id: '42',
      items: ['1', 2],
    });
    assert.deepEqual(convertValue(true, 'number'), { ok: true, value: 1 });
    assert.deepEqual(convertValue(0, 'boolean'), { ok: true, value: false });
    assert.deepEqual(convertValue(false, 'string'), { ok: true, value: 'false' });
    assert.deepEqual(convertValue(null, 'string'), { ok: false });
  });

  it('parses the versions from the file name', () => {
    assert.deepEqual(parseMigrationFileName('1.0-to-1.10.migration.json'), { from: '1.0', to: '1.10' });
    assert.equal(parseMigrationFileName('1.0.migration.json'), null);
  });
});

describe('migration file validation', () => {
  it('names the file, the line and what is wrong, for every bad operation', () => {
    const text = [
      '{',
      '  "operations": [',
      '    {"op": "rename", "from": "a", "to": "b"},',
      '    {"op": "explode", "path": "a"},',
      '    {"op": "convert", "path": "a", "type": "date"},',
      '    {"op": "rename", "from": "a.b", "to": "c"},',
      '    {"op": "remove"}',
      '  ],',
      '  "operatoins": []',
      '}',
    ].join('\n');
    const error = thrown(() => parseMigration(text, FILE, 'trade_executed', '1.0', '1.1'));
    const lines = error.message.split('\n');
    assert.equal(lines.length, 5);
    assert.match(lines[0], /^schemas\/trade_executed\/1\.0-to-1\.1\.migration\.json:4:5: operations\[1\]: "op" must be one of rename, move, set_default, remove, convert, got "explode"$/);
    assert.match(lines[1], /:5:5: operations\[2\]: "type" must be one of string, number, boolean, got "date"$/);
    assert.match(lines[2], /:6:5: operations\[3\]: "rename" keeps a field in the same object .*use "move"$/);
    assert.match(lines[3], /:7:5: operations\[4\]: "remove" needs "path"$/);
    assert.match(lines[4], /:9:3: unknown key "operatoins"/);
  });

  it('rejects invalid JSON with its position, and a migration going backwards', () => {
    const syntax = thrown(() => parseMigration('{"operations": [}', FILE, 't', '1.0', '1.1'));
    assert.match(syntax.message, /^schemas\/trade_executed\/1\.0-to-1\.1\.migration\.json:1:17: invalid JSON/);
    const backwards = thrown(() => parseMigration('{"operations": []}', FILE, 't', '2.0', '1.0'));
    assert.match(backwards.message, /must go to a newer version, but "1.0" is not newer than "2.0"/);
  });
});

describe('upcasting', () => {
  function chainRegistry(): SchemaRegistry {
    const registry = new SchemaRegistry();
    registry.addSchema('trade_executed', '1.0', { type: 'object' });
    registry.addSchema('trade_executed', '1.1', { type: 'object' });
    registry.addSchema('trade_executed', '2.0', { type: 'object', required: ['quantity', 'currency'] });
    registry.addMigration(migration([{ op: 'rename', from: 'qty', to: 'quantity' }], '1.0', '1.1'));
    registry.addMigration(migration([{ op: 'set_default', path: 'currency', value: 'USD' }, { op: 'convert', path: 'quantity', type: 'number' }], '1.1', '2.0'));
    return registry;
  }

  it('applies the chain 1.0 -> 1.1 -> 2.0 and returns a new frozen event', () => {
    const registry = chainRegistry();
    const event = createEvent('trade_executed', { symbol: 'BTC', qty: '3' }, { schema_version: '1.0', aggregate_id: 'trader_1' });
    assert.deepEqual(registry.upcastPath('trade_executed', '1.0')?.map((s) => `${s.from}->${s.to}`), ['1.0->1.1', '1.1->2.0']);
    const upcast = registry.upcast(event);
    assert.notEqual(upcast, event);
    assert.deepEqual(upcast.data, { symbol: 'BTC', quantity: 3, currency: 'USD' });
    assert.equal(upcast.metadata.schema_version, '2.0');
    assert.equal(upcast.metadata.event_id, event.metadata.event_id);
    assert.equal(upcast.metadata.aggregate_id, 'trader_1');
    assert.ok(Object.isFrozen(upcast) && Object.isFrozen(upcast.data) && Object.isFrozen(upcast.metadata));
    assert.deepEqual(event.data, { symbol: 'BTC', qty: '3' }, 'the original is untouched');
    assert.deepEqual(registry.validateData('trade_executed', '2.0', upcast.data), []);
  });

  it('returns newest, unknown-type and no-path events as they are', () => {
    const registry = chainRegistry();
    const newest = createEvent('trade_executed', { quantity: 1 }, { schema_version: '2.0' });
    assert.equal(registry.upcast(newest), newest);
    const other = createEvent('risk_alert', {}, { schema_version: '1.0' });
    assert.equal(registry.upcast(other), other);
    const unknownVersion = createEvent('trade_executed', {}, { schema_version: '0.9' });
    assert.equal(registry.upcast(unknownVersion), unknownVersion);
  });

  it('uses programmatic upcasters, which win over a file for the same hop and can be removed', () => {
    const registry = chainRegistry();
    const unregister = registry.registerUpcaster('trade_executed', '1.1', '2.0', (data) => {
      const d = data as Record<string, unknown>;
      d.quantity = Number(d.quantity) * 10;
      d.currency = 'EUR';
      return d;
    });
    const event = createEvent('trade_executed', { qty: '3' }, { schema_version: '1.0' });
    assert.deepEqual(registry.upcast(event).data, { quantity: 30, currency: 'EUR' });
    assert.deepEqual(registry.upcastPath('trade_executed', '1.0')?.map((s) => s.kind), ['migration', 'upcaster']);
    unregister();
    assert.deepEqual(registry.upcast(event).data, { quantity: 3, currency: 'USD' });
  });

  it('extends the chain with an upcaster to a version beyond the files', () => {
    const registry = chainRegistry();
    registry.registerUpcaster('trade_executed', '2.0', '2.10', (data) => ({ ...(data as object), v: 'two-ten' }));
    assert.equal(registry.newestVersion('trade_executed'), '2.10');
    const upcast = registry.upcast(createEvent('trade_executed', { qty: 1 }, { schema_version: '1.0' }));
    assert.equal(upcast.metadata.schema_version, '2.10');
    assert.deepEqual(upcast.data, { quantity: 1, currency: 'USD', v: 'two-ten' });
  });

  it('names the event and hop when an upcaster throws', () => {
    const registry = chainRegistry();
    registry.registerUpcaster('trade_executed', '1.0', '1.1', () => {
      throw new Error('boom');
    });
    const event = createEvent('trade_executed', {}, { schema_version: '1.0' });
    assert.throws(() => registry.upcast(event), new RegExp(`upcasting trade_executed event ${event.metadata.event_id} from 1.0 to 1.1 failed: boom`));
  });

  it('survives a trip through a snapshot (for worker threads), upcaster edges included', () => {
    const registry = chainRegistry();
    registry.registerUpcaster('trade_executed', '2.0', '3.0', (d) => d);
    const copy = SchemaRegistry.fromSnapshot(structuredClone(registry.toSnapshot()));
    assert.deepEqual(copy.knownVersions('trade_executed'), ['1.0', '1.1', '2.0', '3.0']);
    assert.ok(copy.hasPathToNewest('trade_executed', '1.0'));
    assert.equal(copy.validateData('trade_executed', '2.0', {}).length, 2);
  });
});

describe('schema registry queries', () => {
  it('answers type, versions, newest and info', () => {
    const registry = new SchemaRegistry();
    registry.addSchema('risk_alert', '1.10', { title: 'Risk alert', description: 'new', type: 'object' });
    registry.addSchema('risk_alert', '1.9', { title: 'Old risk alert', type: 'object' });
    assert.ok(registry.hasType('risk_alert'));
    assert.ok(!registry.hasType('trade_executed'));
    assert.deepEqual(registry.knownVersions('risk_alert'), ['1.9', '1.10']);
    assert.equal(registry.newestVersion('risk_alert'), '1.10');
    assert.deepEqual(registry.schemaInfo('risk_alert'), {
      eventType: 'risk_alert',
      version: '1.10',
      title: 'Risk alert',
      description: 'new',
      file: 'schemas/risk_alert/1.10.schema.json',
    });
    assert.equal(registry.schemaInfo('risk_alert', '1.9')?.title, 'Old risk alert');
  });

  it('validates with formats and reports JSON pointers', () => {
    const registry = new SchemaRegistry();
    registry.addSchema('x', '1.0', {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: { at: { type: 'string', format: 'event-timestamp' }, mail: { type: 'string', format: 'email' }, list: { type: 'array', items: { type: 'integer' } } },
    });
    const errors = registry.validateData('x', '1.0', { at: '2024-01-15T10:30:00.123456', mail: 'nope', list: [1, 'a/b'] });
    assert.deepEqual(errors.map((e) => [e.instancePath, e.keyword]), [['/mail', 'format'], ['/list/1', 'type']]);
  });

  it('refuses a schema that does not compile, naming the file', () => {
    const registry = new SchemaRegistry();
    assert.throws(() => registry.addSchema('x', '1.0', { type: 'no-such-type' }), /schemas\/x\/1\.0\.schema\.json:1:1: not a usable JSON Schema/);
    assert.throws(() => registry.addSchema('x', '1.0', { $schema: 'http://json-schema.org/draft-04/schema#' }), /is not supported/);
  });
});
