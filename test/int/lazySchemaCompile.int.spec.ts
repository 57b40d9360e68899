import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import * as ajvFactory from '../../src/engine/schema/ajvFactory';
import { loadSchemaRegistry } from '../../src/engine/schema/loadSchemaRegistry';
import { makeTempDir } from '../helpers/tempStore';

// Counts ajv compiles by wrapping the factory's export (the registry calls it through the module object).
const factory = ajvFactory as { compileUserSchema: typeof ajvFactory.compileUserSchema };
const original = factory.compileUserSchema;
let compiled: string[] = [];

function write(root: string, relative: string, content: unknown): void {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(content));
}

describe('schemas read from files compile on first use', () => {
  let dir = '';
  let cleanup: () => void = () => undefined;
  beforeEach(() => {
    ({ dir, cleanup } = makeTempDir());
    write(dir, 'schemas/trade_executed/1.0.schema.json', { title: 'Trade', type: 'object', required: ['qty'] });
    write(dir, 'schemas/trade_executed/2.0.schema.json', { type: 'object', required: ['quantity'] });
    write(dir, 'schemas/trade_executed/1.0-to-2.0.migration.json', { operations: [{ op: 'rename', from: 'qty', to: 'quantity' }] });
    write(dir, 'schemas/risk_alert/1.0.schema.json', { type: 'object', properties: { level: { type: 'severe' } } });
    compiled = [];
    factory.compileUserSchema = (schema, dialect, trusted) => {
      compiled.push((schema as { title?: string; required?: string[] }).required?.[0] ?? 'risk_alert');
      return original(schema, dialect, trusted);
    };
  });
  afterEach(() => {
    factory.compileUserSchema = original;
    cleanup();
  });

  it('loading, listing types and versions, and upcasting compile nothing', async () => {
    const registry = await loadSchemaRegistry(dir);
    assert.deepEqual(registry.types(), ['risk_alert', 'trade_executed']);
    assert.deepEqual(registry.knownVersions('trade_executed'), ['1.0', '2.0']);
    assert.deepEqual(registry.upcastPath('trade_executed', '1.0')?.map((step) => step.to), ['2.0']);
    assert.deepEqual(compiled, []);
  });

  it('validating one version compiles that schema only, once', async () => {
    const registry = await loadSchemaRegistry(dir);
    assert.equal(registry.validateData('trade_executed', '2.0', {}).length, 1);
    assert.deepEqual(registry.validateData('trade_executed', '2.0', { quantity: 1 }), []);
    assert.deepEqual(compiled, ['quantity']);
  });

  it('a schema that does not compile is broken and a problem as soon as anyone asks, as when compiled on load', async () => {
    const registry = await loadSchemaRegistry(dir);
    assert.equal(registry.brokenSchema('risk_alert', '1.0')?.file, 'schemas/risk_alert/1.0.schema.json');
    assert.equal(registry.hasSchema('risk_alert', '1.0'), false, 'fails closed: not a schema that accepts anything');
    const fresh = await loadSchemaRegistry(dir);
    assert.match(fresh.problems.map((p) => `${p.file}: ${p.message}`).join('\n'), /^schemas\/risk_alert\/1\.0\.schema\.json: not a usable JSON Schema/);
    assert.ok(fresh.toSnapshot().broken?.some((b) => b.eventType === 'risk_alert'), 'a snapshot for workers carries it as broken');
  });

  it('a snapshot for the validation workers compiles (and so checks) every schema first', async () => {
    const registry = await loadSchemaRegistry(dir);
    const snapshot = registry.toSnapshot();
    assert.deepEqual([...compiled].sort(), ['qty', 'quantity', 'risk_alert']);
    assert.deepEqual(snapshot.schemas.map((s) => `${s.eventType}/${s.version}`).sort(), ['trade_executed/1.0', 'trade_executed/2.0']);
  });
});
