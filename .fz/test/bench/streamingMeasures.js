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
exports.streamingMeasures = void 0;
/**
 * Whole-process figures of the streaming output (issue #11): `validate`
 * with ~1.8M findings in json and sarif, `events | head -1`, and
 * `tail --follow` under appends. Each runs `node dist/cli.js` as a user
 * does, beside a baseline from the same run.
 */
const node_child_process_1 = require("node:child_process");
const fs = __importStar(require("node:fs"));
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const ownVocabularyStore_1 = require("../helpers/ownVocabularyStore");
const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
/** Wall seconds and peak RSS (KB) of a whole process, by /usr/bin/time; stdout to a file. */
function timed(args, stdoutFile) {
    const out = fs.openSync(stdoutFile, 'w');
    try {
        const result = (0, node_child_process_1.spawnSync)('/usr/bin/time', ['-f', '%e %M', ...args], { stdio: ['ignore', out, 'pipe'], encoding: 'utf8', cwd: ROOT });
        const last = result.stderr.trim().split('\n').pop() ?? '';
        const [seconds, rssKb] = last.split(' ').map(Number);
        return { seconds, rssKb, code: result.status ?? -1 };
    }
    finally {
        fs.closeSync(out);
    }
}
/** The generator's store with its own types and statuses (~1.8M findings at 1M events), made once beside it. */
async function ownVocabularyStore(store) {
    const own = `${store}-own-vocabulary`;
    if (!fs.existsSync(path.join(own, 'events')))
        await (0, ownVocabularyStore_1.writeOwnVocabularyStore)(store, own);
    return own;
}
const validateStream = {
    name: 'validate-stream',
    async run(store) {
        const own = await ownVocabularyStore(store);
        const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'eventbus-bench-validate-'));
        try {
            // Indexed once (persisted), so both runs and the baseline open the same way.
            const opened = timed([process.execPath, CLI, 'stats', '--store', own], path.join(scratch, 'stats.txt'));
            const figures = [];
            for (const format of ['json', 'sarif']) {
                const file = path.join(scratch, `out.${format}`);
                const run = timed([process.execPath, CLI, 'validate', '--store', own, '--format', format], file);
                const parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
                const records = Array.isArray(parsed) ? parsed : parsed.runs[0].results;
                const findings = records.reduce((sum, r) => sum + (r.count ?? r.occurrenceCount ?? 1), 0);
                figures.push({ name: `validate --format ${format}: valid output, events at fault (${records.length} findings)`, value: findings, unit: 'events', target: { min: 1_500_000 } }, {
                    name: `validate --format ${format} peak RSS`,
                    value: run.rssKb / 1024,
                    unit: 'MB',
                    target: { max: 300 },
                    baseline: { name: 'eventbus stats (open the store only)', value: opened.rssKb / 1024, unit: 'MB' },
                }, { name: `validate --format ${format} wall time`, value: run.seconds, unit: 's', baseline: { name: 'eventbus stats', value: opened.seconds, unit: 's' } });
            }
            return figures;
        }
        finally {
            fs.rmSync(scratch, { recursive: true, force: true });
        }
    },
};
/** Spawns `events`, closes the pipe after the first line; ms from the first line to the exit. */
function headOne(store) {
    return new Promise((resolve, reject) => {
        const child = (0, node_child_process_1.spawn)(process.execPath, [CLI, 'events', '--store', store], { stdio: ['ignore', 'pipe', 'ignore'] });
        let firstAt = 0;
        let seen = '';
        child.stdout.on('data', (chunk) => {
            if (firstAt)
                return;
            seen += chunk.toString();
            if (!seen.includes('\n'))
                return;
            firstAt = performance.now();
            child.stdout.destroy();
        });
        child.on('error', reject);
        child.on('exit', (code) => resolve({ exitDelayMs: firstAt ? performance.now() - firstAt : Number.NaN, code }));
    });
}
const eventsHead = {
    name: 'events-head',
    async run(store) {
        (0, node_child_process_1.spawnSync)(process.execPath, [CLI, 'stats', '--store', store], { stdio: 'ignore' });
        const { exitDelayMs } = await headOne(store);
        const started = performance.now();
        (0, node_child_process_1.spawnSync)(process.execPath, ['-e', '0']);
        const bare = performance.now() - started;
        return [{ name: '`events | head -1`: exit after the first line', value: exitDelayMs, unit: 'ms', target: { max: 300 }, baseline: { name: 'node -e 0', value: bare, unit: 'ms' } }];
    },
};
const FOLLOW_SECONDS = Number(process.env.EVENTBUS_BENCH_FOLLOW_SECONDS ?? 60);
const APPENDS_PER_SECOND = 50;
/** Watches a follower's stdout: for each appended event it prints, the time from the append to the line. */
function latencyOf(child, appendedAt) {
    const seen = new Set();
    let worst = 0;
    let buffer = '';
    child.stdout?.on('data', (chunk) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop();
        const now = performance.now();
        for (const line of lines) {
            const id = /"event_id":\s*"([^"]+)"/.exec(line)?.[1];
            const at = id === undefined ? undefined : appendedAt.get(id);
            if (at === undefined || seen.has(id))
                continue;
            seen.add(id);
            worst = Math.max(worst, now - at);
        }
    });
    return { printed: () => seen.size, worstMs: () => worst };
}
/**
 * `tail --follow` on the 1M store while a writer appends 50 events a second
 * for 60 s: every event printed, how late, and the follower's peak RSS.
 * Baseline: coreutils `tail -F` on the same day file, following the same
 * appends in the same run (what the machine's load alone costs).
 */
const tailFollow = {
    name: 'tail-follow',
    runs: 1,
    async run(store) {
        (0, node_child_process_1.spawnSync)(process.execPath, [CLI, 'stats', '--store', store], { stdio: 'ignore' });
        const days = fs.readdirSync(path.join(store, 'events')).filter((n) => n.endsWith('.jsonl')).sort();
        const template = fs.readFileSync(path.join(store, 'events', days[days.length - 1]), 'utf8').trimEnd().split('\n').pop();
        // A day of its own, removed afterwards: the cached store stays as generated.
        const day = path.join(store, 'events', 'events_2099-12-31.jsonl');
        fs.rmSync(day, { force: true });
        fs.writeFileSync(day, '');
        const child = (0, node_child_process_1.spawn)(process.execPath, [CLI, 'tail', '--follow', '--lines', '0', '--store', store], { stdio: ['ignore', 'pipe', 'ignore'] });
        const coreutils = (0, node_child_process_1.spawn)('tail', ['-n', '0', '-F', day], { stdio: ['ignore', 'pipe', 'ignore'] });
        const appendedAt = new Map();
        const ours = latencyOf(child, appendedAt);
        const baseline = latencyOf(coreutils, appendedAt);
        try {
            // The follower is watching once it has opened the store.
            await new Promise((resolve) => setTimeout(resolve, 5000));
            const total = FOLLOW_SECONDS * APPENDS_PER_SECOND;
            const started = performance.now();
            for (let n = 0; n < total; n++) {
                const wait = started + (n * 1000) / APPENDS_PER_SECOND - performance.now();
                if (wait > 0)
                    await new Promise((resolve) => setTimeout(resolve, wait));
                const id = `bbbbbbbb-cccc-4ddd-8eee-${String(n).padStart(12, '0')}`;
                appendedAt.set(id, performance.now());
                fs.appendFileSync(day, `${template.replace(/"event_id":\s*"[^"]+"/, `"event_id":"${id}"`)}\n`);
            }
            await new Promise((resolve) => setTimeout(resolve, 1000));
            const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
            const peakKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
            const bare = (0, node_child_process_1.spawnSync)('/usr/bin/time', ['-f', '%M', process.execPath, '-e', '0'], { encoding: 'utf8' });
            const bareKb = Number(bare.stderr.trim().split('\n').pop());
            const coreutilsBaseline = { name: 'coreutils tail -F on the day file, same appends', unit: 'ms' };
            return [
                { name: `tail --follow: events not printed 1 s after ${total} appends`, value: total - ours.printed(), unit: 'events', target: { max: 0 } },
                {
                    name: `tail --follow: slowest append → printed (${ours.printed()} printed)`,
                    value: ours.worstMs(),
                    unit: 'ms',
                    target: { max: 500 },
                    baseline: { ...coreutilsBaseline, value: baseline.worstMs() },
                },
                { name: 'tail --follow peak RSS', value: peakKb / 1024, unit: 'MB', target: { max: 150 }, baseline: { name: 'node -e 0', value: bareKb / 1024, unit: 'MB' } },
            ];
        }
        finally {
            coreutils.kill('SIGTERM');
            child.kill('SIGINT');
            await new Promise((resolve) => child.once('exit', resolve));
            fs.rmSync(day, { force: true });
        }
    },
};
exports.streamingMeasures = [validateStream, eventsHead, tailFollow];
//# sourceMappingURL=streamingMeasures.js.map