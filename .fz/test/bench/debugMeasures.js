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
exports.debugMeasures = void 0;
const node_child_process_1 = require("node:child_process");
const fs = __importStar(require("node:fs"));
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const debugadapter_testsupport_1 = require("@vscode/debugadapter-testsupport");
const debugStores_1 = require("../helpers/debugStores");
const ROOT = path.resolve(__dirname, '..', '..');
const ADAPTER = path.join(ROOT, 'dist', 'debugAdapter.js');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const STEPS = 1000;
/** The 1M-event store the run-to-breakpoint figure is stated for (the shared one when present, else the bench's). */
const MILLION_STORE = process.env.EVENTBUS_DEBUG_BENCH_STORE ?? '/tmp/idx-1m';
function percentile(values, p) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}
async function started(args, setup = async () => undefined) {
    const dc = new debugadapter_testsupport_1.DebugClient(process.execPath, ADAPTER, 'eventbus');
    dc.defaultTimeout = 600_000;
    await dc.start();
    const stopped = dc.waitForEvent('stopped');
    await Promise.all([dc.waitForEvent('initialized').then(() => setup(dc)).then(() => dc.configurationDoneRequest()), dc.launch({ type: 'eventbus', request: 'launch', ...args })]);
    await stopped;
    return dc;
}
/** One step as the editor does it: the request, the stop, then the stack, the scopes and the state shown. */
async function stepAsTheEditorDoes(dc, request) {
    const t0 = performance.now();
    const stopped = dc.waitForEvent('stopped');
    await request();
    await stopped;
    const frame = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames[0];
    const scopes = (await dc.scopesRequest({ frameId: frame.id })).body.scopes;
    const after = scopes.find((s) => s.name.startsWith('State after'));
    await dc.variablesRequest({ variablesReference: after.variablesReference });
    return performance.now() - t0;
}
exports.debugMeasures = [
    {
        name: 'debug-step-latency',
        runs: 1,
        async run() {
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eventbus-debug-bench-'));
            try {
                const store = path.join(dir, 'event_store');
                (0, debugStores_1.longAggregateStore)(store, 10_250);
                const dc = await started({ store, aggregateId: 'acct-1', stopOnEntry: true, fromSequence: 4000 });
                // The floor: one DAP round trip that does no work.
                const floor = [];
                for (let i = 0; i < 200; i++) {
                    const t0 = performance.now();
                    await dc.threadsRequest();
                    floor.push(performance.now() - t0);
                }
                const forward = [];
                for (let i = 0; i < STEPS; i++)
                    forward.push(await stepAsTheEditorDoes(dc, () => dc.nextRequest({ threadId: 1 })));
                const back = [];
                // Back past where the session started: states it never computed, from checkpoints and snapshots.
                for (let i = 0; i < STEPS * 2; i++)
                    back.push(await stepAsTheEditorDoes(dc, () => dc.stepBackRequest({ threadId: 1 })));
                await dc.disconnectRequest({});
                await dc.stop();
                const both = [...forward, ...back];
                return [
                    { name: `debugger: step latency p95, ${STEPS} forward + ${STEPS * 2} back (10,000-event aggregate; stop + stack + scopes + state)`, value: percentile(both, 0.95), unit: 'ms', target: { max: 50 }, baseline: { name: 'a DAP round trip that does nothing (threads), p95', value: percentile(floor, 0.95), unit: 'ms' } },
                    { name: 'debugger: step forward p95', value: percentile(forward, 0.95), unit: 'ms' },
                    { name: 'debugger: step back p95', value: percentile(back, 0.95), unit: 'ms' },
                ];
            }
            finally {
                fs.rmSync(dir, { recursive: true, force: true });
            }
        },
    },
    {
        name: 'debug-run-to-breakpoint',
        runs: 1,
        async run(store) {
            const million = fs.existsSync(path.join(MILLION_STORE, 'events')) ? MILLION_STORE : store;
            // A filter nothing matches: both walk every event of the store.
            const type = 'trade_executed';
            const condition = 'data.quantity > 1000000000000';
            // Both index once before timing (the index is persisted), so neither pays for it.
            (0, node_child_process_1.execFileSync)(process.execPath, [CLI, 'stats', '--store', million], { stdio: 'ignore' });
            const t0 = performance.now();
            const cli = (0, node_child_process_1.spawnSync)(process.execPath, [CLI, 'events', '--store', million, '--where', `type == "${type}" and ${condition}`], { stdio: ['ignore', 'ignore', 'pipe'] });
            const cliMs = performance.now() - t0;
            if (cli.status !== 0 && cli.status !== 1)
                throw new Error(`eventbus events failed: ${cli.stderr.toString()}`);
            const t1 = performance.now();
            const dc = await started({ store: million, stopOnEntry: false }, (client) => client.setFunctionBreakpointsRequest({ breakpoints: [{ name: type, condition: `event.${condition}` }] }));
            const debugMs = performance.now() - t1;
            await dc.disconnectRequest({});
            await dc.stop();
            return [
                { name: 'debugger: run to a breakpoint over 1M events (adapter spawned → stopped at the end), ratio to `eventbus events` with the same filter', value: debugMs / cliMs, unit: '×', target: { max: 2 } },
                { name: 'debugger: run to a breakpoint over 1M events, whole process', value: debugMs, unit: 'ms', baseline: { name: '`eventbus events --where` same filter, whole process', value: cliMs, unit: 'ms' } },
            ];
        },
    },
];
//# sourceMappingURL=debugMeasures.js.map