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
const node_child_process_1 = require("node:child_process");
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const event_1 = require("../../src/engine/model/event");
const tempStore_1 = require("../helpers/tempStore");
const CLI = path.resolve(__dirname, '../../src/cli/main.js');
/** Each tries to reach outside from apply (or at load); the marker file must never appear. */
function hostileProjections(marker) {
    const m = JSON.stringify(marker);
    const inApply = (body) => `module.exports = { name: 'x', initialState: {}, apply(state, event) { ${body}; return state; } };`;
    return {
        exec: inApply(`require('child_process').execSync('touch ' + ${m})`),
        'fs-write': inApply(`require('fs').writeFileSync(${m}, 'pwned')`),
        'detached-spawn': inApply(`require('child_process').spawn('sleep', ['119.4242'], { detached: true, stdio: 'ignore' }).unref()`),
        kill: inApply(`process.kill(process.pid, 'SIGKILL')`),
        exit: inApply(`process.exit(7)`),
        'require-at-load': `const fs = require('fs'); module.exports = { apply(state) { fs.writeFileSync(${m}, 'x'); return state; } };`,
        'function-constructor': inApply(`this.constructor.constructor('return process')().kill(0, 'SIGKILL')`),
        'caller-chain': `module.exports = { apply: function (state) { const host = arguments.callee.caller; host.constructor('return process')().exit(9); return state; } };`,
        'event-prototype': inApply(`event.constructor.constructor('return process')().exit(9)`),
        timers: inApply(`setTimeout(() => require('fs').writeFileSync(${m}, 'x'), 0)`),
        count: `module.exports = { name: 'count', initialState: { n: 0 }, apply(state) { state.n++; return state; } };`,
    };
}
(0, node_test_1.describe)('projections run in a sandbox', () => {
    let dir;
    let cleanup;
    let marker;
    let store;
    (0, node_test_1.before)(() => {
        ({ dir, cleanup } = (0, tempStore_1.makeTempDir)('eventbus-sandbox-'));
        store = path.join(dir, 'event_store');
        marker = path.join(dir, 'MARKER');
        fs.mkdirSync(path.join(store, 'projections'), { recursive: true });
        fs.mkdirSync(path.join(store, 'events'), { recursive: true });
        for (const [name, code] of Object.entries(hostileProjections(marker)))
            fs.writeFileSync(path.join(store, 'projections', `${name}.js`), code);
        const events = [1, 2, 3].map((n) => (0, event_1.serializeEvent)((0, event_1.createEvent)('trade_executed', { n }, { aggregate_id: 'acc_1', sequence_number: n, timestamp: `2026-01-01T00:00:0${n}.000Z` })));
        fs.writeFileSync(path.join(store, 'events', 'events_2026-01-01.jsonl'), `${events.join('\n')}\n`);
    });
    (0, node_test_1.after)(() => cleanup?.());
    const rebuild = (projection) => (0, node_child_process_1.spawnSync)(process.execPath, [CLI, 'rebuild', '--aggregate', 'acc_1', '--allow-projections', '--projection', projection, '--store', store, '--json'], {
        encoding: 'utf8',
        timeout: 60_000,
    });
    for (const name of Object.keys(hostileProjections('x')).filter((n) => n !== 'count')) {
        (0, node_test_1.it)(`${name}: fails with a clear error, the CLI survives, nothing is written or left running`, () => {
            const run = rebuild(name);
            strict_1.default.equal(run.signal, null, `the CLI was not killed (${run.signal})`);
            strict_1.default.ok(run.status === 1 || run.status === 2, `exit ${run.status}: ${run.stderr}`);
            strict_1.default.match(run.stderr, new RegExp(`projections/${name}\\.js`), 'the error names the module');
            strict_1.default.match(run.stderr, /is not defined|Code generation from strings disallowed|Cannot read properties of null|is not a function/, run.stderr);
            strict_1.default.equal(fs.existsSync(marker), false, 'nothing was written');
            const sleepers = (0, node_child_process_1.spawnSync)('pgrep', ['-f', 'sleep 119.4242'], { encoding: 'utf8' }).stdout.trim();
            strict_1.default.equal(sleepers, '', 'no detached process left running');
        });
    }
    (0, node_test_1.it)('a plain projection still folds the events, and only when allowed', () => {
        const run = rebuild('count');
        strict_1.default.equal(run.status, 0, run.stderr);
        strict_1.default.deepEqual(JSON.parse(run.stdout), { n: 3 });
        const refused = (0, node_child_process_1.spawnSync)(process.execPath, [CLI, 'rebuild', '--aggregate', 'acc_1', '--projection', 'count', '--store', store], { encoding: 'utf8' });
        strict_1.default.notEqual(refused.status, 0);
        strict_1.default.match(refused.stderr, /allow-projections/);
    });
});
//# sourceMappingURL=projectionSandbox.int.spec.js.map