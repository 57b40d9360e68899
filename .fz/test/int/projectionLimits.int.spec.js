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
const projectionRunner_1 = require("../../src/engine/state/projectionRunner");
const projectionTypes_1 = require("../../src/engine/state/projectionTypes");
const rebuild_1 = require("../../src/engine/state/rebuild");
const tempStore_1 = require("../helpers/tempStore");
const stateTestStorage_1 = require("../unit/stateTestStorage");
/**
 * A projection module that allocates without bound ends its rebuild with a
 * clear error while the calling process (this one: the server or the CLI
 * in real use) carries on. Both kinds of memory: objects on the worker's
 * heap (the worker's resource limit) and Buffers outside it (which no heap
 * limit covers; the runner watches the process instead).
 */
const temps = [];
(0, node_test_1.after)(() => temps.forEach((cleanup) => cleanup()));
const MB = 1024 * 1024;
const LIMIT_MB = 48;
/** Far longer than either case needs: the memory limit, not the clock, must stop them. */
const TIME_LIMIT_MS = 60_000;
const PROJECTIONS = {
    'hoard-heap.js': `module.exports = { name: 'hoard-heap', initialState: {}, apply(state) {
    const keep = [];
    for (;;) keep.push({ n: Math.random(), text: 'x'.repeat(64) + Math.random() });
  } };`,
    'hoard-buffers.js': `module.exports = { name: 'hoard-buffers', initialState: {}, apply(state) {
    const keep = [];
    // No Buffer in the sandbox: typed arrays' backing stores live outside the heap the same way.
    for (;;) keep.push(new Uint8Array(8 * 1024 * 1024).fill(1));
  } };`,
    'hoard-state.js': `module.exports = { name: 'hoard-state', initialState: { rows: [] }, apply(state, event) {
    for (let i = 0; i < 200000; i++) state.rows.push([event.metadata.sequence_number, i, 'row ' + i]);
    return state;
  } };`,
    'count.js': `module.exports = { name: 'count', initialState: { n: 0 }, apply(state) { state.n++; return state; } };`,
};
function storeWithProjections() {
    const { dir, cleanup } = (0, tempStore_1.makeTempDir)('eventbus-projection-limits-');
    temps.push(cleanup);
    const root = path.join(dir, 'event_store');
    fs.mkdirSync(path.join(root, 'projections'), { recursive: true });
    for (const [name, code] of Object.entries(PROJECTIONS))
        fs.writeFileSync(path.join(root, 'projections', name), code);
    return root;
}
async function storage() {
    const s = new stateTestStorage_1.StateTestStorage();
    for (let i = 1; i <= 50; i++)
        await s.append([(0, stateTestStorage_1.ev)('acc-1', i, { amount: i })]);
    return s;
}
(0, node_test_1.describe)('projection memory limit', () => {
    const limits = { timeLimitMs: TIME_LIMIT_MS, maxMemoryMb: LIMIT_MB };
    async function expectOutOfMemory(name, pattern) {
        const root = storeWithProjections();
        const loaded = await (0, projectionLoader_1.loadProjections)(root, { allowCodeExecution: true });
        strict_1.default.deepEqual(loaded.problems, []);
        const rssBefore = process.memoryUsage.rss();
        let peak = rssBefore;
        const watch = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
        try {
            await strict_1.default.rejects((0, rebuild_1.rebuildFromEvents)(await storage(), 'acc-1', { projection: (0, projectionLoader_1.findProjection)(loaded, name), projectionLimits: limits }), (error) => {
                strict_1.default.ok(error instanceof projectionTypes_1.ProjectionError, String(error));
                strict_1.default.equal(error.file, `projections/${name}.js`);
                strict_1.default.match(error.message, pattern);
                strict_1.default.doesNotMatch(error.message, /did not finish within/, 'stopped by the memory limit, not the clock');
                return true;
            });
        }
        finally {
            clearInterval(watch);
        }
        // The process grew by about the allowance at most (plus one check interval of allocation), not without bound.
        const grownMb = (peak - rssBefore) / MB;
        strict_1.default.ok(grownMb < (0, projectionRunner_1.memoryAllowanceBytes)(LIMIT_MB) / MB + 160, `the process grew by ${Math.round(grownMb)} MB`);
        // The caller carries on: the same store's other projection still rebuilds.
        const again = await (0, rebuild_1.rebuildFromEvents)(await storage(), 'acc-1', { projection: (0, projectionLoader_1.findProjection)(loaded, 'count'), projectionLimits: limits });
        strict_1.default.deepEqual(again.state, { n: 50 });
    }
    (0, node_test_1.it)('stops a projection that fills its heap, with an error naming the file and the limit', async () => {
        await expectOutOfMemory('hoard-heap', new RegExp(`projection projections/hoard-heap\\.js: ran out of memory \\(limit ${LIMIT_MB} MB\\) and was stopped`));
    });
    (0, node_test_1.it)('stops a projection whose state outgrows the limit over many events', async () => {
        await expectOutOfMemory('hoard-state', /projection projections\/hoard-state\.js: ran out of memory/);
    });
    (0, node_test_1.it)('stops a projection that fills Buffers outside its heap, which the heap limit alone does not see', async () => {
        await expectOutOfMemory('hoard-buffers', /projection projections\/hoard-buffers\.js: ran out of memory \(the process grew by \d+ MB, over \d+ MB for a 48 MB limit: buffers outside the heap\) and was stopped/);
    });
});
//# sourceMappingURL=projectionLimits.int.spec.js.map