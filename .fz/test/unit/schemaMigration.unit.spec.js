"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_assert_1 = require("node:assert");
const node_test_1 = require("node:test");
const event_1 = require("../../src/engine/model/event");
const applyMigration_1 = require("../../src/engine/schema/applyMigration");
const dataPath_1 = require("../../src/engine/schema/dataPath");
const migrationSpec_1 = require("../../src/engine/schema/migrationSpec");
const schemaRegistry_1 = require("../../src/engine/schema/schemaRegistry");
const versionOrder_1 = require("../../src/engine/schema/versionOrder");
const FILE = 'schemas/trade_executed/1.0-to-1.1.migration.json';
function migration(operations, from = '1.0', to = '1.1') {
    return (0, migrationSpec_1.parseMigration)(JSON.stringify({ operations }), FILE, 'trade_executed', from, to);
}
function thrown(fn) {
    try {
        fn();
    }
    catch (error) {
        node_assert_1.strict.ok(error instanceof migrationSpec_1.SchemaFileError, String(error));
        return error;
    }
    node_assert_1.strict.fail('expected a SchemaFileError');
}
(0, node_test_1.describe)('version order', () => {
    (0, node_test_1.it)('compares dotted numbers numerically', () => {
        node_assert_1.strict.deepEqual((0, versionOrder_1.sortVersions)(['2.0', '1.10', '1.0', '1.9', '10.0', '1.2.1']), ['1.0', '1.2.1', '1.9', '1.10', '2.0', '10.0']);
        node_assert_1.strict.ok((0, versionOrder_1.compareVersions)('1.0', '1.10') < 0);
        node_assert_1.strict.ok((0, versionOrder_1.compareVersions)('1.10', '2.0') < 0);
        node_assert_1.strict.equal((0, versionOrder_1.compareVersions)('1.1', '1.1'), 0);
        node_assert_1.strict.ok((0, versionOrder_1.compareVersions)('1', '1.0') !== 0, 'a total order still tells "1" from "1.0"');
    });
});
(0, node_test_1.describe)('data paths', () => {
    (0, node_test_1.it)('reads dot paths and JSON Pointers (with ~0/~1 escapes)', () => {
        node_assert_1.strict.deepEqual((0, dataPath_1.parseDataPath)('order.items.0.qty'), ['order', 'items', '0', 'qty']);
        node_assert_1.strict.deepEqual((0, dataPath_1.parseDataPath)('/a~1b/c~0d'), ['a/b', 'c~d']);
        node_assert_1.strict.ok('error' in (0, dataPath_1.parseDataPath)('a..b'));
        node_assert_1.strict.ok('error' in (0, dataPath_1.parseDataPath)(''));
        node_assert_1.strict.ok('error' in (0, dataPath_1.parseDataPath)('/a~2'));
    });
});
(0, node_test_1.describe)('migration operations', () => {
    (0, node_test_1.it)('rename keeps the key in place; move relocates, creating objects on the way', () => {
        const m = migration([
            { op: 'rename', from: 'qty', to: 'quantity' },
            { op: 'move', from: 'price', to: '/order/price' },
        ]);
        const data = { symbol: 'BTC', qty: 2, side: 'buy', price: 50000 };
        const out = (0, applyMigration_1.applyMigration)(m, data);
        node_assert_1.strict.deepEqual(Object.keys(out), ['symbol', 'quantity', 'side', 'order']);
        node_assert_1.strict.deepEqual(out, { symbol: 'BTC', quantity: 2, side: 'buy', order: { price: 50000 } });
        node_assert_1.strict.deepEqual(data, { symbol: 'BTC', qty: 2, side: 'buy', price: 50000 }, 'the input is not changed');
    });
    (0, node_test_1.it)('set_default only when absent (a present null stays); remove; absent sources do nothing', () => {
        const m = migration([
            { op: 'set_default', path: 'currency', value: 'USD' },
            { op: 'set_default', path: 'venue', value: 'binance' },
            { op: 'set_default', path: 'meta.tier', value: { level: 1 } },
            { op: 'remove', path: 'legacy' },
            { op: 'remove', path: 'not_there' },
            { op: 'rename', from: 'missing', to: 'still_missing' },
        ]);
        node_assert_1.strict.deepEqual((0, applyMigration_1.applyMigration)(m, { currency: 'EUR', venue: null, legacy: 1 }), {
            currency: 'EUR',
            venue: null,
            meta: { tier: { level: 1 } },
        });
    });
    (0, node_test_1.it)('convert between string, number and boolean, leaving what does not convert', () => {
        const m = migration([
            { op: 'convert', path: 'qty', type: 'number' },
            { op: 'convert', path: 'bad', type: 'number' },
            { op: 'convert', path: 'flag', type: 'boolean' },
            { op: 'convert', path: 'id', type: 'string' },
            { op: 'convert', path: 'items.1', type: 'number' },
        ]);
        node_assert_1.strict.deepEqual((0, applyMigration_1.applyMigration)(m, { qty: ' 1.5 ', bad: 'abc', flag: 'yes', id: 42, items: ['1', '2'] }), {
            qty: 1.5,
            bad: 'abc',
            flag: true,
            id: '42',
            items: ['1', 2],
        });
        node_assert_1.strict.deepEqual((0, applyMigration_1.convertValue)(true, 'number'), { ok: true, value: 1 });
        node_assert_1.strict.deepEqual((0, applyMigration_1.convertValue)(0, 'boolean'), { ok: true, value: false });
        node_assert_1.strict.deepEqual((0, applyMigration_1.convertValue)(false, 'string'), { ok: true, value: 'false' });
        node_assert_1.strict.deepEqual((0, applyMigration_1.convertValue)(null, 'string'), { ok: false });
    });
    (0, node_test_1.it)('parses the versions from the file name', () => {
        node_assert_1.strict.deepEqual((0, migrationSpec_1.parseMigrationFileName)('1.0-to-1.10.migration.json'), { from: '1.0', to: '1.10' });
        node_assert_1.strict.equal((0, migrationSpec_1.parseMigrationFileName)('1.0.migration.json'), null);
    });
});
(0, node_test_1.describe)('migration file validation', () => {
    (0, node_test_1.it)('names the file, the line and what is wrong, for every bad operation', () => {
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
        const error = thrown(() => (0, migrationSpec_1.parseMigration)(text, FILE, 'trade_executed', '1.0', '1.1'));
        const lines = error.message.split('\n');
        node_assert_1.strict.equal(lines.length, 5);
        node_assert_1.strict.match(lines[0], /^schemas\/trade_executed\/1\.0-to-1\.1\.migration\.json:4:5: operations\[1\]: "op" must be one of rename, move, set_default, remove, convert, got "explode"$/);
        node_assert_1.strict.match(lines[1], /:5:5: operations\[2\]: "type" must be one of string, number, boolean, got "date"$/);
        node_assert_1.strict.match(lines[2], /:6:5: operations\[3\]: "rename" keeps a field in the same object .*use "move"$/);
        node_assert_1.strict.match(lines[3], /:7:5: operations\[4\]: "remove" needs "path"$/);
        node_assert_1.strict.match(lines[4], /:9:3: unknown key "operatoins"/);
    });
    (0, node_test_1.it)('rejects invalid JSON with its position, and a migration going backwards', () => {
        const syntax = thrown(() => (0, migrationSpec_1.parseMigration)('{"operations": [}', FILE, 't', '1.0', '1.1'));
        node_assert_1.strict.match(syntax.message, /^schemas\/trade_executed\/1\.0-to-1\.1\.migration\.json:1:17: invalid JSON/);
        const backwards = thrown(() => (0, migrationSpec_1.parseMigration)('{"operations": []}', FILE, 't', '2.0', '1.0'));
        node_assert_1.strict.match(backwards.message, /must go to a newer version, but "1.0" is not newer than "2.0"/);
    });
});
(0, node_test_1.describe)('upcasting', () => {
    function chainRegistry() {
        const registry = new schemaRegistry_1.SchemaRegistry();
        registry.addSchema('trade_executed', '1.0', { type: 'object' });
        registry.addSchema('trade_executed', '1.1', { type: 'object' });
        registry.addSchema('trade_executed', '2.0', { type: 'object', required: ['quantity', 'currency'] });
        registry.addMigration(migration([{ op: 'rename', from: 'qty', to: 'quantity' }], '1.0', '1.1'));
        registry.addMigration(migration([{ op: 'set_default', path: 'currency', value: 'USD' }, { op: 'convert', path: 'quantity', type: 'number' }], '1.1', '2.0'));
        return registry;
    }
    (0, node_test_1.it)('applies the chain 1.0 -> 1.1 -> 2.0 and returns a new frozen event', () => {
        const registry = chainRegistry();
        const event = (0, event_1.createEvent)('trade_executed', { symbol: 'BTC', qty: '3' }, { schema_version: '1.0', aggregate_id: 'trader_1' });
        node_assert_1.strict.deepEqual(registry.upcastPath('trade_executed', '1.0')?.map((s) => `${s.from}->${s.to}`), ['1.0->1.1', '1.1->2.0']);
        const upcast = registry.upcast(event);
        node_assert_1.strict.notEqual(upcast, event);
        node_assert_1.strict.deepEqual(upcast.data, { symbol: 'BTC', quantity: 3, currency: 'USD' });
        node_assert_1.strict.equal(upcast.metadata.schema_version, '2.0');
        node_assert_1.strict.equal(upcast.metadata.event_id, event.metadata.event_id);
        node_assert_1.strict.equal(upcast.metadata.aggregate_id, 'trader_1');
        node_assert_1.strict.ok(Object.isFrozen(upcast) && Object.isFrozen(upcast.data) && Object.isFrozen(upcast.metadata));
        node_assert_1.strict.deepEqual(event.data, { symbol: 'BTC', qty: '3' }, 'the original is untouched');
        node_assert_1.strict.deepEqual(registry.validateData('trade_executed', '2.0', upcast.data), []);
    });
    (0, node_test_1.it)('returns newest, unknown-type and no-path events as they are', () => {
        const registry = chainRegistry();
        const newest = (0, event_1.createEvent)('trade_executed', { quantity: 1 }, { schema_version: '2.0' });
        node_assert_1.strict.equal(registry.upcast(newest), newest);
        const other = (0, event_1.createEvent)('risk_alert', {}, { schema_version: '1.0' });
        node_assert_1.strict.equal(registry.upcast(other), other);
        const unknownVersion = (0, event_1.createEvent)('trade_executed', {}, { schema_version: '0.9' });
        node_assert_1.strict.equal(registry.upcast(unknownVersion), unknownVersion);
    });
    (0, node_test_1.it)('uses programmatic upcasters, which win over a file for the same hop and can be removed', () => {
        const registry = chainRegistry();
        const unregister = registry.registerUpcaster('trade_executed', '1.1', '2.0', (data) => {
            const d = data;
            d.quantity = Number(d.quantity) * 10;
            d.currency = 'EUR';
            return d;
        });
        const event = (0, event_1.createEvent)('trade_executed', { qty: '3' }, { schema_version: '1.0' });
        node_assert_1.strict.deepEqual(registry.upcast(event).data, { quantity: 30, currency: 'EUR' });
        node_assert_1.strict.deepEqual(registry.upcastPath('trade_executed', '1.0')?.map((s) => s.kind), ['migration', 'upcaster']);
        unregister();
        node_assert_1.strict.deepEqual(registry.upcast(event).data, { quantity: 3, currency: 'USD' });
    });
    (0, node_test_1.it)('extends the chain with an upcaster to a version beyond the files', () => {
        const registry = chainRegistry();
        registry.registerUpcaster('trade_executed', '2.0', '2.10', (data) => ({ ...data, v: 'two-ten' }));
        node_assert_1.strict.equal(registry.newestVersion('trade_executed'), '2.10');
        const upcast = registry.upcast((0, event_1.createEvent)('trade_executed', { qty: 1 }, { schema_version: '1.0' }));
        node_assert_1.strict.equal(upcast.metadata.schema_version, '2.10');
        node_assert_1.strict.deepEqual(upcast.data, { quantity: 1, currency: 'USD', v: 'two-ten' });
    });
    (0, node_test_1.it)('names the event and hop when an upcaster throws', () => {
        const registry = chainRegistry();
        registry.registerUpcaster('trade_executed', '1.0', '1.1', () => {
            throw new Error('boom');
        });
        const event = (0, event_1.createEvent)('trade_executed', {}, { schema_version: '1.0' });
        node_assert_1.strict.throws(() => registry.upcast(event), new RegExp(`upcasting trade_executed event ${event.metadata.event_id} from 1.0 to 1.1 failed: boom`));
    });
    (0, node_test_1.it)('survives a trip through a snapshot (for worker threads), upcaster edges included', () => {
        const registry = chainRegistry();
        registry.registerUpcaster('trade_executed', '2.0', '3.0', (d) => d);
        const copy = schemaRegistry_1.SchemaRegistry.fromSnapshot(structuredClone(registry.toSnapshot()));
        node_assert_1.strict.deepEqual(copy.knownVersions('trade_executed'), ['1.0', '1.1', '2.0', '3.0']);
        node_assert_1.strict.ok(copy.hasPathToNewest('trade_executed', '1.0'));
        node_assert_1.strict.equal(copy.validateData('trade_executed', '2.0', {}).length, 2);
    });
});
(0, node_test_1.describe)('schema registry queries', () => {
    (0, node_test_1.it)('answers type, versions, newest and info', () => {
        const registry = new schemaRegistry_1.SchemaRegistry();
        registry.addSchema('risk_alert', '1.10', { title: 'Risk alert', description: 'new', type: 'object' });
        registry.addSchema('risk_alert', '1.9', { title: 'Old risk alert', type: 'object' });
        node_assert_1.strict.ok(registry.hasType('risk_alert'));
        node_assert_1.strict.ok(!registry.hasType('trade_executed'));
        node_assert_1.strict.deepEqual(registry.knownVersions('risk_alert'), ['1.9', '1.10']);
        node_assert_1.strict.equal(registry.newestVersion('risk_alert'), '1.10');
        node_assert_1.strict.deepEqual(registry.schemaInfo('risk_alert'), {
            eventType: 'risk_alert',
            version: '1.10',
            title: 'Risk alert',
            description: 'new',
            file: 'schemas/risk_alert/1.10.schema.json',
        });
        node_assert_1.strict.equal(registry.schemaInfo('risk_alert', '1.9')?.title, 'Old risk alert');
    });
    (0, node_test_1.it)('validates with formats and reports JSON pointers', () => {
        const registry = new schemaRegistry_1.SchemaRegistry();
        registry.addSchema('x', '1.0', {
            $schema: 'https://json-schema.org/draft/2020-12/schema',
            type: 'object',
            properties: { at: { type: 'string', format: 'event-timestamp' }, mail: { type: 'string', format: 'email' }, list: { type: 'array', items: { type: 'integer' } } },
        });
        const errors = registry.validateData('x', '1.0', { at: '2024-01-15T10:30:00.123456', mail: 'nope', list: [1, 'a/b'] });
        node_assert_1.strict.deepEqual(errors.map((e) => [e.instancePath, e.keyword]), [['/mail', 'format'], ['/list/1', 'type']]);
    });
    (0, node_test_1.it)('refuses a schema that does not compile, naming the file', () => {
        const registry = new schemaRegistry_1.SchemaRegistry();
        node_assert_1.strict.throws(() => registry.addSchema('x', '1.0', { type: 'no-such-type' }), /schemas\/x\/1\.0\.schema\.json:1:1: not a usable JSON Schema/);
        node_assert_1.strict.throws(() => registry.addSchema('x', '1.0', { $schema: 'http://json-schema.org/draft-04/schema#' }), /is not supported/);
    });
});
//# sourceMappingURL=schemaMigration.unit.spec.js.map