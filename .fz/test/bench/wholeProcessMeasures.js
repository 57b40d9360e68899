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
exports.wholeProcessMeasures = void 0;
/**
 * Issue 11 ("cost follows the question"): whole processes as a user runs
 * them, `node dist/cli.js …` from spawn to exit, wall time and peak RSS from
 * `/usr/bin/time`, each beside a baseline process run alternately with it in
 * the same measurement (medians of 3): DuckDB's read_json + GROUP BY for a
 * cold `stats`, a bare `node -e 0` for warm questions, ripgrep over the event
 * files for one aggregate's or correlation's events. On the bench's 1M store,
 * and on the big one when EVENTBUS_BENCH_BIG_STORE names it (run.js --big).
 */
const node_child_process_1 = require("node:child_process");
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const openStore_1 = require("../../src/engine/openStore");
const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const DUCKDB = path.join(ROOT, 'test', 'bench', 'duckdbGroupBy.js');
const RUNS = 3;
/** Runs a command under /usr/bin/time; its output is discarded (piped to nothing but counted). */
function timed(command, args) {
    const result = (0, node_child_process_1.spawnSync)('/usr/bin/time', ['-f', 'TIMED %e %M', command, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
    const line = result.stderr.split('\n').reverse().find((l) => l.startsWith('TIMED '));
    if (result.status !== 0 || !line)
        throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}): ${result.stderr.slice(-2000)}`);
    const [, seconds, kb] = line.split(' ');
    return { seconds: Number(seconds), rssMb: Number(kb) / 1024 };
}
function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}
/** Ours and the baseline, alternately, RUNS times each; `before` runs ahead of each of ours (e.g. removing the index). */
function alternate(ours, baseline, before) {
    const a = [];
    const b = [];
    for (let k = 0; k < RUNS; k++) {
        before?.();
        a.push(ours());
        b.push(baseline());
    }
    return {
        ours: { seconds: median(a.map((f) => f.seconds)), rssMb: median(a.map((f) => f.rssMb)) },
        baseline: { seconds: median(b.map((f) => f.seconds)), rssMb: median(b.map((f) => f.rssMb)) },
    };
}
function cacheDir(store) {
    return path.join(store, '.eventbus');
}
function eventFiles(store) {
    const dir = path.join(store, 'events');
    return fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).map((f) => path.join(dir, f));
}
/** An aggregate of about 2,000 events and a correlation, picked from the index. */
async function pickKeys(store) {
    const engine = await (0, openStore_1.openStore)(store);
    try {
        const index = engine.index;
        let aggregate = '';
        let best = Infinity;
        for (const id of index.aggregateIds()) {
            const distance = Math.abs(index.aggregateSize(id) - 2000);
            if (distance < best) {
                best = distance;
                aggregate = id;
            }
        }
        const correlations = index.correlationIds();
        const correlation = correlations[Math.floor(correlations.length / 2)];
        return { aggregate, correlation, events: index.eventCount };
    }
    finally {
        await engine.close();
    }
}
function storesToMeasure(store) {
    const stores = [{ label: '1M', store }];
    const big = process.env.EVENTBUS_BENCH_BIG_STORE;
    if (big && fs.existsSync(path.join(big, 'events')))
        stores.push({ label: 'big', store: big });
    return stores;
}
const node = process.execPath;
exports.wholeProcessMeasures = [
    {
        name: 'cli-cold-stats',
        runs: 1,
        async run(store) {
            const figures = [];
            for (const { label, store: s } of storesToMeasure(store)) {
                const { ours, baseline } = alternate(() => timed(node, [CLI, 'stats', '--store', s]), () => timed(node, [DUCKDB, s]), () => fs.rmSync(cacheDir(s), { recursive: true, force: true }));
                const duck = { name: 'DuckDB read_json + GROUP BY aggregate_id, whole process', unit: 'ratio' };
                figures.push({ name: `${label}: cold stats, whole process`, value: ours.seconds * 1000, unit: 'ms', baseline: { ...duck, value: baseline.seconds * 1000, unit: 'ms' } }, { name: `${label}: cold stats time / DuckDB's`, value: ours.seconds / baseline.seconds, unit: 'ratio', target: { max: 0.5 } }, { name: `${label}: cold stats peak RSS`, value: ours.rssMb, unit: 'MB', ...(label === 'big' ? { target: { max: 400 } } : {}), baseline: { ...duck, value: baseline.rssMb, unit: 'MB' } }, { name: `${label}: cold stats RSS / DuckDB's`, value: ours.rssMb / baseline.rssMb, unit: 'ratio', target: { max: 0.3 } });
            }
            return figures;
        },
    },
    {
        name: 'cli-warm-questions',
        runs: 1,
        async run(store) {
            const figures = [];
            for (const { label, store: s } of storesToMeasure(store)) {
                const keys = await pickKeys(s);
                const bare = () => timed(node, ['-e', '0']);
                const stats = alternate(() => timed(node, [CLI, 'stats', '--store', s]), bare);
                const aggregate = alternate(() => timed(node, [CLI, 'events', '--store', s, '--aggregate', keys.aggregate]), bare);
                const correlation = alternate(() => timed(node, [CLI, 'events', '--store', s, '--correlation', keys.correlation]), bare);
                const rgAggregate = alternate(() => timed(node, [CLI, 'events', '--store', s, '--aggregate', keys.aggregate]), () => timed('rg', ['-F', `"${keys.aggregate}"`, ...eventFiles(s)]));
                const rgCorrelation = alternate(() => timed(node, [CLI, 'events', '--store', s, '--correlation', keys.correlation]), () => timed('rg', ['-F', `"${keys.correlation}"`, ...eventFiles(s)]));
                const nodeBaseline = (f) => ({ name: 'node -e 0', value: f.seconds * 1000, unit: 'ms' });
                const indexBytes = fs.statSync(path.join(cacheDir(s), 'index.ebx')).size;
                figures.push({ name: `${label}: warm stats`, value: stats.ours.seconds * 1000, unit: 'ms', baseline: nodeBaseline(stats.baseline) }, { name: `${label}: warm stats / bare node`, value: stats.ours.seconds / stats.baseline.seconds, unit: 'ratio', target: { max: 2.5 } }, { name: `${label}: warm stats peak RSS`, value: stats.ours.rssMb, unit: 'MB', target: { max: 120 } }, { name: `${label}: warm events --aggregate (${keys.aggregate})`, value: aggregate.ours.seconds * 1000, unit: 'ms', baseline: nodeBaseline(aggregate.baseline) }, { name: `${label}: warm events --aggregate / bare node`, value: aggregate.ours.seconds / aggregate.baseline.seconds, unit: 'ratio', ...(label === '1M' ? { target: { max: 3 } } : {}) }, { name: `${label}: warm events --aggregate / rg`, value: rgAggregate.ours.seconds / rgAggregate.baseline.seconds, unit: 'ratio', ...(label === 'big' ? { target: { max: 0.5 } } : {}), baseline: { name: 'rg -F over the event files', value: rgAggregate.baseline.seconds * 1000, unit: 'ms' } }, { name: `${label}: warm events --aggregate peak RSS`, value: aggregate.ours.rssMb, unit: 'MB', target: { max: 120 } }, { name: `${label}: warm events --correlation`, value: correlation.ours.seconds * 1000, unit: 'ms', baseline: nodeBaseline(correlation.baseline) }, { name: `${label}: warm events --correlation / bare node`, value: correlation.ours.seconds / correlation.baseline.seconds, unit: 'ratio', ...(label === '1M' ? { target: { max: 3 } } : {}) }, { name: `${label}: warm events --correlation / rg`, value: rgCorrelation.ours.seconds / rgCorrelation.baseline.seconds, unit: 'ratio', ...(label === 'big' ? { target: { max: 0.5 } } : {}), baseline: { name: 'rg -F over the event files', value: rgCorrelation.baseline.seconds * 1000, unit: 'ms' } }, { name: `${label}: warm events --correlation peak RSS`, value: correlation.ours.rssMb, unit: 'MB', target: { max: 120 } }, { name: `${label}: index size per event`, value: indexBytes / keys.events, unit: 'B/event', target: { max: 40 } });
            }
            return figures;
        },
    },
];
//# sourceMappingURL=wholeProcessMeasures.js.map