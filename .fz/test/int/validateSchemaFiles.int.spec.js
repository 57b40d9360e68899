"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
const node_assert_1 = require("node:assert");
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const event_1 = require("../../src/engine/model/event");
const loadSchemaRegistry_1 = require("../../src/engine/schema/loadSchemaRegistry");
const migrationSpec_1 = require("../../src/engine/schema/migrationSpec");
const tempStore_1 = require("../helpers/tempStore");
function write(root, relative, content) {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
}
(0, node_test_1.describe)('loading schemas/ from a store', () => {
    (0, node_test_1.it)('reads schemas and migrations, chains 1.0 -> 1.1 -> 2.0, and tolerates a shared $id', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
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
            const registry = await (0, loadSchemaRegistry_1.loadSchemaRegistry)(dir, { strict: true });
            node_assert_1.strict.deepEqual(registry.problems, []);
            node_assert_1.strict.deepEqual(registry.types(), ['empty_type', 'order_placed', 'trade_executed']);
            node_assert_1.strict.ok(registry.hasType('empty_type'));
            node_assert_1.strict.deepEqual(registry.knownVersions('trade_executed'), ['1.0', '1.1', '2.0']);
            node_assert_1.strict.equal(registry.schemaInfo('trade_executed')?.description, 'A fill');
            node_assert_1.strict.equal(registry.validateData('trade_executed', '1.1', {}).length, 1, 'each version validates with its own schema');
            const upcast = registry.upcast((0, event_1.createEvent)('trade_executed', { qty: '4' }, { schema_version: '1.0' }));
            node_assert_1.strict.deepEqual(upcast.data, { quantity: 4, venue: 'unknown' });
            node_assert_1.strict.deepEqual(registry.validateData('trade_executed', '2.0', upcast.data), []);
            node_assert_1.strict.deepEqual(registry.upcastPath('trade_executed', '1.0'), [
                { from: '1.0', to: '1.1', kind: 'migration', file: 'schemas/trade_executed/1.0-to-1.1.migration.json' },
                { from: '1.1', to: '2.0', kind: 'migration', file: 'schemas/trade_executed/1.1-to-2.0.migration.json' },
            ]);
        }
        finally {
            cleanup();
        }
    });
    (0, node_test_1.it)('skips bad files, recording file, line and what is wrong; strict throws them all', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        try {
            write(dir, 'schemas/risk_alert/1.0.schema.json', '{\n  "type": "object",\n  "required": ["level"\n}');
            write(dir, 'schemas/risk_alert/1.1.schema.json', { type: 'object', properties: { level: { type: 'severe' } } });
            write(dir, 'schemas/risk_alert/1.2.schema.json', { type: 'object' });
            write(dir, 'schemas/risk_alert/1.0-to-1.2.migration.json', '{\n  "operations": [\n    {"op": "rename", "from": "a"}\n  ]\n}');
            write(dir, 'schemas/risk_alert/upgrade.migration.json', { operations: [] });
            const registry = await (0, loadSchemaRegistry_1.loadSchemaRegistry)(dir);
            // Broken schema files fail closed: their versions stay known, marked broken, and validate nothing.
            node_assert_1.strict.deepEqual(registry.knownVersions('risk_alert'), ['1.0', '1.1', '1.2']);
            node_assert_1.strict.deepEqual(['1.0', '1.1', '1.2'].map((v) => registry.brokenSchema('risk_alert', v)?.file), ['schemas/risk_alert/1.0.schema.json', 'schemas/risk_alert/1.1.schema.json', undefined]);
            const problems = registry.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);
            node_assert_1.strict.equal(problems.length, 4);
            node_assert_1.strict.match(problems[0], /^schemas\/risk_alert\/1\.0-to-1\.2\.migration\.json:3:5: operations\[0\]: "rename" needs "to"$/);
            node_assert_1.strict.match(problems[1], /^schemas\/risk_alert\/1\.0\.schema\.json:4:1: invalid JSON: expected ','$/);
            node_assert_1.strict.match(problems[2], /^schemas\/risk_alert\/1\.1\.schema\.json:1:1: not a usable JSON Schema: /);
            node_assert_1.strict.match(problems[3], /^schemas\/risk_alert\/upgrade\.migration\.json:1:1: a migration file must be named <from>-to-<to>\.migration\.json$/);
            await node_assert_1.strict.rejects((0, loadSchemaRegistry_1.loadSchemaRegistry)(dir, { strict: true }), (error) => {
                node_assert_1.strict.ok(error instanceof migrationSpec_1.SchemaFileError);
                node_assert_1.strict.equal(error.problems.length, 4);
                return true;
            });
        }
        finally {
            cleanup();
        }
    });
    (0, node_test_1.it)('gives an empty registry for a store without schemas/', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        try {
            const registry = await (0, loadSchemaRegistry_1.loadSchemaRegistry)(dir);
            node_assert_1.strict.deepEqual(registry.types(), []);
            node_assert_1.strict.deepEqual(registry.problems, []);
        }
        finally {
            cleanup();
        }
    });
});
//# sourceMappingURL=validateSchemaFiles.int.spec.js.map