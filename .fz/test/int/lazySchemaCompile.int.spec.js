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
const ajvFactory = __importStar(require("../../src/engine/schema/ajvFactory"));
const loadSchemaRegistry_1 = require("../../src/engine/schema/loadSchemaRegistry");
const tempStore_1 = require("../helpers/tempStore");
// Counts ajv compiles by wrapping the factory's export (the registry calls it through the module object).
const factory = ajvFactory;
const original = factory.compileUserSchema;
let compiled = [];
function write(root, relative, content) {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(content));
}
(0, node_test_1.describe)('schemas read from files compile on first use', () => {
    let dir = '';
    let cleanup = () => undefined;
    (0, node_test_1.beforeEach)(() => {
        ({ dir, cleanup } = (0, tempStore_1.makeTempDir)());
        write(dir, 'schemas/trade_executed/1.0.schema.json', { title: 'Trade', type: 'object', required: ['qty'] });
        write(dir, 'schemas/trade_executed/2.0.schema.json', { type: 'object', required: ['quantity'] });
        write(dir, 'schemas/trade_executed/1.0-to-2.0.migration.json', { operations: [{ op: 'rename', from: 'qty', to: 'quantity' }] });
        write(dir, 'schemas/risk_alert/1.0.schema.json', { type: 'object', properties: { level: { type: 'severe' } } });
        compiled = [];
        factory.compileUserSchema = (schema, dialect, trusted) => {
            compiled.push(schema.required?.[0] ?? 'risk_alert');
            return original(schema, dialect, trusted);
        };
    });
    (0, node_test_1.afterEach)(() => {
        factory.compileUserSchema = original;
        cleanup();
    });
    (0, node_test_1.it)('loading, listing types and versions, and upcasting compile nothing', async () => {
        const registry = await (0, loadSchemaRegistry_1.loadSchemaRegistry)(dir);
        node_assert_1.strict.deepEqual(registry.types(), ['risk_alert', 'trade_executed']);
        node_assert_1.strict.deepEqual(registry.knownVersions('trade_executed'), ['1.0', '2.0']);
        node_assert_1.strict.deepEqual(registry.upcastPath('trade_executed', '1.0')?.map((step) => step.to), ['2.0']);
        node_assert_1.strict.deepEqual(compiled, []);
    });
    (0, node_test_1.it)('validating one version compiles that schema only, once', async () => {
        const registry = await (0, loadSchemaRegistry_1.loadSchemaRegistry)(dir);
        node_assert_1.strict.equal(registry.validateData('trade_executed', '2.0', {}).length, 1);
        node_assert_1.strict.deepEqual(registry.validateData('trade_executed', '2.0', { quantity: 1 }), []);
        node_assert_1.strict.deepEqual(compiled, ['quantity']);
    });
    (0, node_test_1.it)('a schema that does not compile is broken and a problem as soon as anyone asks, as when compiled on load', async () => {
        const registry = await (0, loadSchemaRegistry_1.loadSchemaRegistry)(dir);
        node_assert_1.strict.equal(registry.brokenSchema('risk_alert', '1.0')?.file, 'schemas/risk_alert/1.0.schema.json');
        node_assert_1.strict.equal(registry.hasSchema('risk_alert', '1.0'), false, 'fails closed: not a schema that accepts anything');
        const fresh = await (0, loadSchemaRegistry_1.loadSchemaRegistry)(dir);
        node_assert_1.strict.match(fresh.problems.map((p) => `${p.file}: ${p.message}`).join('\n'), /^schemas\/risk_alert\/1\.0\.schema\.json: not a usable JSON Schema/);
        node_assert_1.strict.ok(fresh.toSnapshot().broken?.some((b) => b.eventType === 'risk_alert'), 'a snapshot for workers carries it as broken');
    });
    (0, node_test_1.it)('a snapshot for the validation workers compiles (and so checks) every schema first', async () => {
        const registry = await (0, loadSchemaRegistry_1.loadSchemaRegistry)(dir);
        const snapshot = registry.toSnapshot();
        node_assert_1.strict.deepEqual([...compiled].sort(), ['qty', 'quantity', 'risk_alert']);
        node_assert_1.strict.deepEqual(snapshot.schemas.map((s) => `${s.eventType}/${s.version}`).sort(), ['trade_executed/1.0', 'trade_executed/2.0']);
    });
});
//# sourceMappingURL=lazySchemaCompile.int.spec.js.map