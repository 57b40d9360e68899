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
exports.crashMeasures = void 0;
const fs = __importStar(require("node:fs"));
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const crashHarness_1 = require("../helpers/crashHarness");
const crashOperationTrial_1 = require("../helpers/crashOperationTrial");
const crashPublisherTrial_1 = require("../helpers/crashPublisherTrial");
const crashScenarios_1 = require("../helpers/crashScenarios");
/**
 * The crash trials of test/int/crash*.int.spec.ts, run long: 1,000 SIGKILLed
 * publishers, and a few hundred kills of the rewriting operations. The
 * bench's generated store is not used (every trial needs its own).
 * EVENTBUS_CRASH_BENCH_TRIALS / EVENTBUS_CRASH_BENCH_OP_TRIALS shorten a try-out run.
 */
const PUBLISHER_TRIALS = Number(process.env.EVENTBUS_CRASH_BENCH_TRIALS ?? 1000);
/** Random-delay kills per operation scenario, on top of every deterministic kill point. */
const OPERATION_RANDOM_TRIALS = Number(process.env.EVENTBUS_CRASH_BENCH_OP_TRIALS ?? 40);
/** Two stores killed side by side: the 2-core machine is idle while a child starts. */
const LANES = 2;
/**
 * Trials per store before a lane starts a fresh one: every trial checks the
 * whole store again, and the trials' large events would otherwise grow it
 * past what a check can hold in memory.
 */
const TRIALS_PER_STORE = 100;
/** A kill that comes late (a starved child) can leave a big store: start afresh past this size. */
const MAX_STORE_BYTES = 64 * 1024 * 1024;
function storeBytes(store) {
    const events = path.join(store, 'events');
    if (!fs.existsSync(events))
        return 0;
    return fs.readdirSync(events).reduce((sum, name) => sum + fs.statSync(path.join(events, name)).size, 0);
}
async function publisherCrashes() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eventbus-crash-bench-'));
    try {
        const seed = Date.now() % 1_000_000;
        let stores = 0;
        const freshState = () => {
            const store = path.join(dir, `store-${stores++}`);
            fs.mkdirSync(store);
            return { state: (0, crashPublisherTrial_1.newPublisherCrashState)(store, (0, crashHarness_1.seededRandom)(seed + stores)), store, trials: 0 };
        };
        const lanes = Array.from({ length: LANES }, () => freshState());
        const totals = { trials: 0, acknowledged: 0, lost: 0, duplicates: 0, outOfOrder: 0, tornByKill: 0, tornInjected: 0, violations: 0 };
        let next = 0;
        const started = performance.now();
        await Promise.all(lanes.map(async (first) => {
            let lane = first;
            while (next < PUBLISHER_TRIALS) {
                const trial = next++;
                if (lane.trials === TRIALS_PER_STORE || storeBytes(lane.store) > MAX_STORE_BYTES) {
                    fs.rmSync(lane.store, { recursive: true, force: true });
                    lane = freshState();
                }
                lane.trials++;
                const outcome = await (0, crashPublisherTrial_1.publisherCrashTrial)(lane.state, { validate: trial % 50 === 49 });
                totals.trials++;
                totals.acknowledged += outcome.acknowledged;
                totals.lost += outcome.lost;
                totals.duplicates += outcome.duplicates;
                totals.outOfOrder += outcome.outOfOrder;
                if (outcome.tornByKill)
                    totals.tornByKill++;
                if (outcome.tornInjected)
                    totals.tornInjected++;
                if (outcome.violations.length > 0) {
                    totals.violations++;
                    process.stderr.write(`${outcome.violations.join('\n')}\n`);
                }
            }
        }));
        const seconds = (performance.now() - started) / 1000;
        return [
            { name: 'publisher crash: trials', value: totals.trials, unit: 'trials', target: { min: PUBLISHER_TRIALS } },
            { name: 'publisher crash: acknowledged events', value: totals.acknowledged, unit: 'events' },
            { name: 'publisher crash: acknowledged events lost', value: totals.lost, unit: 'events', target: { max: 0 } },
            { name: 'publisher crash: events stored twice', value: totals.duplicates, unit: 'events', target: { max: 0 } },
            { name: 'publisher crash: acknowledged out of order', value: totals.outOfOrder, unit: 'events', target: { max: 0 } },
            { name: 'publisher crash: trials with any violation', value: totals.violations, unit: 'trials', target: { max: 0 } },
            { name: 'publisher crash: kills that tore a line', value: totals.tornByKill, unit: 'trials' },
            { name: 'publisher crash: torn tails written before a trial', value: totals.tornInjected, unit: 'trials' },
            { name: 'publisher crash: trials/s', value: totals.trials / seconds, unit: 'trials/s' },
        ];
    }
    finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}
async function operationCrashes() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eventbus-crash-bench-ops-'));
    try {
        const random = (0, crashHarness_1.seededRandom)(Date.now() % 1_000_000);
        const scenarios = [
            ...(await (0, crashScenarios_1.snapshotScenarios)(dir)),
            ...(await (0, crashScenarios_1.compressScenarios)(dir)),
            ...(await (0, crashScenarios_1.migrateScenarios)(dir)),
            ...(await (0, crashScenarios_1.cleanupScenarios)(dir)),
        ];
        const totals = { trials: 0, before: 0, after: 0, half: 0, tempsLeftAtKill: 0 };
        const started = performance.now();
        for (const scenario of scenarios) {
            const reference = await (0, crashOperationTrial_1.referenceRun)(scenario, dir);
            const kills = [
                ...(0, crashOperationTrial_1.killSteps)(reference.steps, Number.POSITIVE_INFINITY).map((step) => ({ step })),
                ...Array.from({ length: OPERATION_RANDOM_TRIALS }, () => ({ afterMs: Math.floor(random() * (reference.ms + 2)) })),
            ];
            for (const kill of kills) {
                const outcome = await (0, crashOperationTrial_1.operationCrashTrial)(scenario, reference, dir, kill);
                totals.trials++;
                if (outcome.leftTemps.length > 0)
                    totals.tempsLeftAtKill++;
                if (outcome.violations.length > 0) {
                    totals.half++;
                    process.stderr.write(`${outcome.violations.join('\n')}\n`);
                }
                else if (outcome.ending === 'before')
                    totals.before++;
                else
                    totals.after++;
            }
        }
        const seconds = (performance.now() - started) / 1000;
        return [
            { name: 'operation crash: trials (snapshot, gzip, migrate, TTL)', value: totals.trials, unit: 'trials' },
            { name: 'operation crash: left half done', value: totals.half, unit: 'trials', target: { max: 0 } },
            { name: 'operation crash: as before', value: totals.before, unit: 'trials' },
            { name: 'operation crash: as after (or finished)', value: totals.after, unit: 'trials' },
            { name: 'operation crash: temp/journal left at the kill (swept by the next writer)', value: totals.tempsLeftAtKill, unit: 'trials' },
            { name: 'operation crash: trials/s', value: totals.trials / seconds, unit: 'trials/s' },
        ];
    }
    finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}
exports.crashMeasures = [
    { name: 'crash-publisher', runs: 1, run: () => publisherCrashes() },
    { name: 'crash-operations', runs: 1, run: () => operationCrashes() },
];
//# sourceMappingURL=crashMeasures.js.map