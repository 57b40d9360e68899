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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const projectionLoader_1 = require("../../src/engine/state/projectionLoader");
const projectionTypes_1 = require("../../src/engine/state/projectionTypes");
const rebuild_1 = require("../../src/engine/state/rebuild");
const tempStore_1 = require("../helpers/tempStore");
const stateTestStorage_1 = require("../unit/stateTestStorage");
const temps = [];
(0, node_test_1.after)(() => temps.forEach((cleanup) => cleanup()));
function storeWith(projections) {
    const { dir, cleanup } = (0, tempStore_1.makeTempDir)('eventbus-projections-');
    temps.push(cleanup);
    const root = path.join(dir, 'event_store');
    fs.mkdirSync(path.join(root, 'projections'), { recursive: true });
    for (const [name, code] of Object.entries(projections))
        fs.writeFileSync(path.join(root, 'projections', name), code);
    return root;
}
const BALANCE = `
module.exports = {
  name: 'balance',
  initialState: { total: 0, trades: 0 },
  apply(state, event) {
    state.total += event.data.qty * event.data.price;
    state.trades += 1;
    state.lastType = event.event_type;
    return state;
  },
};`;
async function tradingStorage(count) {
    const storage = new stateTestStorage_1.StateTestStorage();
    for (let i = 1; i <= count; i++)
        await storage.append([(0, stateTestStorage_1.ev)('trader_1', i, { qty: i, price: 2 })]);
    await storage.append([(0, stateTestStorage_1.ev)('other', 1, { qty: 1000, price: 1000 })]);
    return storage;
}
(0, node_test_1.describe)('projection modules', () => {
    (0, node_test_1.it)('are refused, naming the files and how to allow them, when code execution is not allowed', async () => {
        const root = storeWith({ 'balance.js': BALANCE, 'notes.md': 'not a module' });
        await strict_1.default.rejects((0, projectionLoader_1.loadProjections)(root, { allowCodeExecution: false }), (error) => {
            strict_1.default.ok(error instanceof projectionTypes_1.ProjectionsNotAllowedError);
            strict_1.default.deepEqual(error.files, ['projections/balance.js']);
            strict_1.default.match(error.message, /projections\/balance\.js/);
            strict_1.default.match(error.message, /trusted workspace/);
            strict_1.default.match(error.message, /--allow-projections/);
            return true;
        });
        const empty = storeWith({});
        strict_1.default.deepEqual(await (0, projectionLoader_1.loadProjections)(empty, { allowCodeExecution: false }), { projections: [], problems: [] });
    });
    (0, node_test_1.it)('fold an aggregate in a worker when allowed, in batches', async () => {
        const root = storeWith({ 'balance.js': BALANCE });
        const loaded = await (0, projectionLoader_1.loadProjections)(root, { allowCodeExecution: true });
        strict_1.default.deepEqual(loaded.problems, []);
        const projection = (0, projectionLoader_1.findProjection)(loaded, 'balance');
        strict_1.default.equal(projection.relativeFile, 'projections/balance.js');
        const storage = await tradingStorage(1200);
        const result = await (0, rebuild_1.rebuildFromEvents)(storage, 'trader_1', { projection, projectionLimits: { batchSize: 100 } });
        strict_1.default.deepEqual(result.state, { total: 2 * ((1200 * 1201) / 2), trades: 1200, lastType: 'trade_executed' });
        strict_1.default.equal(result.eventsApplied, 1200);
        strict_1.default.equal(result.lastSequence, 1200);
        strict_1.default.ok(Object.isFrozen(result.state));
        const at10 = await (0, rebuild_1.rebuildFromEvents)(storage, 'trader_1', { projection, atSequence: 10 });
        strict_1.default.deepEqual(at10.state, { total: 110, trades: 10, lastType: 'trade_executed' });
        strict_1.default.throws(() => (0, projectionLoader_1.findProjection)(loaded, 'nope'), /no projection named "nope" \(the store has: balance\)/);
    });
    (0, node_test_1.it)('stop an endless loop at the time limit with an error naming the file', async () => {
        const root = storeWith({ 'spin.js': `module.exports = { name: 'spin', initialState: {}, apply(s) { for (;;) {} } };` });
        const loaded = await (0, projectionLoader_1.loadProjections)(root, { allowCodeExecution: true });
        const projection = (0, projectionLoader_1.findProjection)(loaded, 'spin');
        const storage = await tradingStorage(3);
        const started = Date.now();
        await strict_1.default.rejects((0, rebuild_1.rebuildFromEvents)(storage, 'trader_1', { projection, projectionLimits: { timeLimitMs: 400 } }), (error) => {
            strict_1.default.ok(error instanceof projectionTypes_1.ProjectionError);
            strict_1.default.equal(error.file, 'projections/spin.js');
            strict_1.default.match(error.message, /projections\/spin\.js: did not finish within 400 ms/);
            return true;
        });
        strict_1.default.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
    });
    (0, node_test_1.it)('report a throwing apply with the file and the event, and broken modules as load problems', async () => {
        const root = storeWith({
            'thrower.js': `module.exports = { name: 'thrower', initialState: () => ({ n: 0 }), apply(s, e) { if (e.metadata.sequence_number === 2) throw new Error('bad qty'); s.n++; return s; } };`,
            'syntax.js': 'module.exports = {',
            'shape.js': 'module.exports = { name: "shape" };',
            'loops-on-load.js': 'for (;;) {}',
        });
        const loaded = await (0, projectionLoader_1.loadProjections)(root, { allowCodeExecution: true, limits: { timeLimitMs: 1500 } });
        strict_1.default.deepEqual(loaded.projections.map((p) => p.name), ['thrower']);
        const problems = Object.fromEntries(loaded.problems.map((p) => [p.file, p.message]));
        strict_1.default.match(problems['projections/syntax.js'], /could not be loaded/);
        strict_1.default.match(problems['projections/shape.js'], /exports no apply\(state, event\) function/);
        strict_1.default.match(problems['projections/loops-on-load.js'], /did not finish within 1500 ms/);
        const storage = await tradingStorage(5);
        await strict_1.default.rejects((0, rebuild_1.rebuildFromEvents)(storage, 'trader_1', { projection: (0, projectionLoader_1.findProjection)(loaded, 'thrower') }), /projections\/thrower\.js: apply threw on event [0-9a-f-]+ \(trade_executed, sequence 2\): bad qty/);
    });
});
//# sourceMappingURL=projection.int.spec.js.map