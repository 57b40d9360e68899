import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { createEvent } from '../../src/engine/model/event';
import { loadSchemaRegistry } from '../../src/engine/schema/loadSchemaRegistry';
import { SchemaFileError } from '../../src/engine/schema/migrationSpec';
import { makeTempDir } from '../helpers/tempStore';

function write(root: string, relative: string, content: unknown): void {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
}

describe('loading schemas/ from a store', () => {
  it('reads schemas and migrations, chains 1.0 -> 1.1 -> 2.0, and tolerates a shared $id', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const shared = { $id: 'eventbus://trade', type: 'object' };
      write(dir, 'schemas/trade_executed/1.0.schema.json', { ...shared, title: 'Trade 1.0', required: ['qty'] });
      write(dir, 'schemas/trade_executed/1.1.schema.json', { ...shared, title: 'Trade 1.1', required: ['quantity'] });
      write(dir, 'schemas/trade_executed/2.0.schema.json', { ...shared, title: 'Trade', description: 'A fill', required: ['quantity', 'venue'] });
      write(dir, 'schemas/trade_executed/1.0-to-1.1.migration.json', { operations: [{ op: 'rename', from: 'qty', to: 'quantity' }] });
      write(dir, 'schemas/trade_executed/1.1-to-2.0.migration.json', {
        description: 'venue is required',
        operations: [{ op: 'set_default', path: '/venue', value: 'unknown' }, { op: 'convert', path: 'quantity', type: 'number' }],
      });
      write(dir, 'schemas/order_placed/README.md', 'not a schema');
      fs.mkdirSync(path.join(dir, 'schemas', 'empty_type'), { recursive: true });

      const registry = await loadSchemaRegistry(dir, { strict: true });
      assert.deepEqual(registry.problems, []);
      assert.deepEqual(registry.types(), ['empty_type', 'order_placed', 'trade_executed']);
      assert.ok(registry.hasType('empty_type'));
      assert.deepEqual(registry.knownVersions('trade_executed'), ['1.0', '1.1', '2.0']);
      assert.equal(registry.schemaInfo('trade_executed')?.description, 'A fill');
      assert.equal(registry.validateData('trade_executed', '1.1', {}).length, 1, 'each version validates with its own schema');
      const upcast = registry.upcast(createEvent('trade_executed', { qty: '4' }, { schema_version: '1.0' }));
      assert.deepEqual(upcast.data, { quantity: 4, venue: 'unknown' });
      assert.deepEqual(registry.validateData('trade_executed', '2.0', upcast.data), []);
      assert.deepEqual(registry.upcastPath('trade_executed', '1.0'), [
        { from: '1.0', to: '1.1', kind: 'migration', file: 'schemas/trade_executed/1.0-to-1.1.migration.json' },
        { from: '1.1', to: '2.0', kind: 'migration', file: 'schemas/trade_executed/1.1-to-2.0.migration.json' },
      ]);
    } finally {
      cleanup();
    }
  });

  it('skips bad files, recording file, line and what is wrong; strict throws them all', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      write(dir, 'schemas/risk_alert/1.0.schema.json', '{\n  "type": "object",\n  "required": ["level"\n}');
      write(dir, 'schemas/risk_alert/1.1.schema.json', { type: 'object', properties: { level: { type: 'severe' } } });
      write(dir, 'schemas/risk_alert/1.2.schema.json', { type: 'object' });
      write(dir, 'schemas/risk_alert/1.0-to-1.2.migration.json', '{\n  "operations": [\n    {"op": "rename", "from": "a"}\n  ]\n}');
      write(dir, 'schemas/risk_alert/upgrade.migration.json', { operations: [] });

      const registry = await loadSchemaRegistry(dir);
      // Broken schema files fail closed: their versions stay known, marked broken, and validate nothing.
      assert.deepEqual(registry.knownVersions('risk_alert'), ['1.0', '1.1', '1.2']);
      assert.deepEqual(['1.0', '1.1', '1.2'].map((v) => registry.brokenSchema('risk_alert', v)?.file), ['schemas/risk_alert/1.0.schema.json', 'schemas/risk_alert/1.1.schema.json', undefined]);
      const problems = registry.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);
      assert.equal(problems.length, 4);
      assert.match(problems[0], /^schemas\/risk_alert\/1\.0-to-1\.2\.migration\.json:3:5: operations\[0\]: "rename" needs "to"$/);
      assert.match(problems[1], /^schemas\/risk_alert\/1\.0\.schema\.json:4:1: invalid JSON: expected ','$/);
      assert.match(problems[2], /^schemas\/risk_alert\/1\.1\.schema\.json:1:1: not a usable JSON Schema: /);
      assert.match(problems[3], /^schemas\/risk_alert\/upgrade\.migration\.json:1:1: a migration file must be named <from>-to-<to>\.migration\.json$/);

      await assert.rejects(loadSchemaRegistry(dir, { strict: true }), (error: Error) => {
        assert.ok(error instanceof SchemaFileError);
        assert.equal(error.problems.length, 4);
        return true;
      });
    } finally {
      cleanup();
    }
  });

  it('gives an empty registry for a store without schemas/', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const registry = await loadSchemaRegistry(dir);
      assert.deepEqual(registry.types(), []);
      assert.deepEqual(registry.problems, []);
    } finally {
      cleanup();
    }
  });
});
