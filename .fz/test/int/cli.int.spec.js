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
const tempStore_1 = require("../helpers/tempStore");
/** The compiled CLI entry (out/src/cli/main.js beside out/test/int/). */
const CLI = path.resolve(__dirname, '../../src/cli/main.js');
function cli(cwd, ...args) {
    const result = (0, node_child_process_1.spawnSync)(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
    return { code: result.status ?? -1, out: result.stdout, err: result.stderr };
}
function jsonLines(text) {
    return text
        .split('\n')
        .filter((line) => line.length > 0)
        .map((line) => JSON.parse(line));
}
/** Every parseable event of a store, in day order then line order. */
function storeEvents(root) {
    const dir = path.join(root, 'events');
    const events = [];
    for (const name of fs.readdirSync(dir).sort()) {
        for (const line of fs.readFileSync(path.join(dir, name), 'utf8').split('\n')) {
            try {
                events.push(JSON.parse(line));
            }
            catch {
                // invalid lines are the point of --with-errors
            }
        }
    }
    return events;
}
const temp = (0, tempStore_1.makeTempDir)('eventbus-cli-int-');
(0, node_test_1.after)(() => temp.cleanup());
(0, node_test_1.describe)('eventbus CLI (child process)', () => {
    const clean = path.join(temp.dir, 'clean');
    const faulty = path.join(temp.dir, 'faulty');
    let cleanSummary;
    let faultySummary;
    (0, node_test_1.before)(() => {
        const a = cli(temp.dir, 'generate', '--events', '4000', '--out', clean, '--seed', '7', '--json');
        strict_1.default.equal(a.code, 0, a.err);
        cleanSummary = JSON.parse(a.out);
        const b = cli(temp.dir, 'generate', '--events', '3000', '--out', 'faulty', '--seed', '8', '--with-errors', '--python-style', '--json');
        strict_1.default.equal(b.code, 0, b.err);
        faultySummary = JSON.parse(b.out);
    });
    (0, node_test_1.it)('is a node script with a shebang', () => {
        strict_1.default.ok(fs.readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node\n'));
    });
    (0, node_test_1.it)('stats --json reports exactly the generated counts (clean, and Python-style with faults)', () => {
        for (const [store, summary] of [[clean, cleanSummary], [faulty, faultySummary]]) {
            const run = cli(temp.dir, 'stats', '--store', store, '--json');
            strict_1.default.equal(run.code, 0, run.err);
            strict_1.default.equal(run.err, '', 'no progress on a non-terminal stderr');
            strict_1.default.deepEqual(JSON.parse(run.out), {
                events: summary.events,
                invalid_lines: summary.invalidLines,
                files: summary.files.length,
                bytes: summary.bytes,
                aggregates: summary.aggregates,
                correlations: summary.correlations,
                event_types: summary.eventTypes,
                sequence_mode: summary.sequenceMode,
                first_timestamp: summary.firstTimestamp,
                last_timestamp: summary.lastTimestamp,
                interrupted_work: [],
                ignored_files: [],
            });
        }
    });
    (0, node_test_1.it)('stats says when a killed writer left a migration or a cleanup half done, and what finishes it', () => {
        const journal = path.join(clean, 'migration.pending.json');
        fs.writeFileSync(journal, JSON.stringify({ state: 'committed' }));
        try {
            const json = cli(temp.dir, 'stats', '--store', clean, '--json');
            strict_1.default.equal(json.code, 0, json.err);
            const [work, ...more] = JSON.parse(json.out).interrupted_work;
            strict_1.default.deepEqual(more, []);
            strict_1.default.match(work, /migration was interrupted \(migration\.pending\.json\).*next writer/);
            const text = cli(temp.dir, 'stats', '--store', clean);
            strict_1.default.match(text.out, /^interrupted {5}a schema migration/m);
        }
        finally {
            fs.rmSync(journal);
        }
    });
    (0, node_test_1.it)('events filters by aggregate (sequence order), type, time and limit', () => {
        const all = storeEvents(clean);
        const aggregate = 'trader_1';
        const expected = all.filter((e) => e.metadata.aggregate_id === aggregate).map((e) => e.metadata.event_id);
        const byAggregate = cli(temp.dir, 'events', '--store', clean, '--aggregate', aggregate);
        strict_1.default.equal(byAggregate.code, 0, byAggregate.err);
        strict_1.default.deepEqual(jsonLines(byAggregate.out).map((e) => e.metadata.event_id), expected);
        strict_1.default.ok(expected.length > 10);
        const since = '2024-01-15T12:00:00Z';
        const until = '2024-01-15T13:00:00Z';
        const typed = jsonLines(cli(temp.dir, 'events', '--store', clean, '--type', 'risk_alert', '--since', since, '--until', until).out);
        const expectedTyped = all.filter((e) => e.event_type === 'risk_alert' && e.metadata.timestamp >= since.replace('Z', '') && e.metadata.timestamp <= until.replace('Z', '.999Z'));
        strict_1.default.deepEqual(typed.map((e) => e.metadata.event_id), expectedTyped.map((e) => e.metadata.event_id));
        strict_1.default.ok(typed.length > 0);
        const limited = jsonLines(cli(temp.dir, 'events', '--store', clean, '--limit', '3').out);
        strict_1.default.deepEqual(limited.map((e) => e.metadata.event_id), all.slice(0, 3).map((e) => e.metadata.event_id));
    });
    (0, node_test_1.it)('publish writes through the bus; events then shows it; an invalid event is refused with exit 1', () => {
        const store = path.join(temp.dir, 'publish');
        strict_1.default.equal(cli(temp.dir, 'generate', '--events', '300', '--out', store).code, 0);
        const data = { symbol: 'BTCUSDT', side: 'buy', quantity: 0.5, price: 43000, exchange_order_id: 'ord_c11', fee: 0.02, venue: 'kraken' };
        const published = cli(temp.dir, 'publish', 'trade_executed', '--store', store, '--data', JSON.stringify(data), '--aggregate', 'trader_9', '--source', 'TradingBot', '--tag', 'run=ci');
        strict_1.default.equal(published.code, 0, published.err);
        const event = JSON.parse(published.out);
        strict_1.default.deepEqual(event.data, data);
        strict_1.default.equal(event.metadata.aggregate_id, 'trader_9');
        strict_1.default.equal(event.metadata.schema_version, '1.1', 'newest version of the type by default');
        strict_1.default.equal(event.metadata.sequence_number, 301, 'continues the bus-wide counter');
        strict_1.default.deepEqual(event.metadata.tags, { run: 'ci' });
        const shown = jsonLines(cli(temp.dir, 'events', '--store', store, '--aggregate', 'trader_9').out);
        strict_1.default.equal(shown[shown.length - 1].metadata.event_id, event.metadata.event_id);
        const refused = cli(temp.dir, 'publish', 'trade_executed', '--store', store, '--data', '{"symbol":"BTCUSDT","side":"hold"}');
        strict_1.default.equal(refused.code, 1);
        strict_1.default.equal(refused.out, '');
        strict_1.default.match(refused.err, /rejected by schema validation/);
        const trades = jsonLines(cli(temp.dir, 'events', '--store', store, '--type', 'trade_executed').out);
        strict_1.default.ok(!trades.some((e) => e.data.side === 'hold'));
    });
    (0, node_test_1.it)('validate: exit 0 on a clean store, 1 with the faults, each as {file, line, column, severity, code, message}', () => {
        const ok = cli(temp.dir, 'validate', '--store', clean, '--format', 'json');
        strict_1.default.equal(ok.code, 0, ok.out.slice(0, 500));
        const findings = JSON.parse(cli(temp.dir, 'validate', '--store', faulty, '--format', 'json').out);
        const bad = cli(temp.dir, 'validate', '--store', faulty);
        strict_1.default.equal(bad.code, 1);
        const errors = findings.filter((f) => f.severity === 'error');
        strict_1.default.ok(errors.length >= 8, `${errors.length} errors`);
        for (const finding of findings) {
            for (const key of ['file', 'line', 'column', 'severity', 'code', 'message'])
                strict_1.default.ok(key in finding, `${key} in ${JSON.stringify(finding)}`);
        }
        const nan = faultySummary.faults.find((f) => f.kind === 'nan-value');
        strict_1.default.ok(findings.some((f) => f.file === nan.file && f.line === nan.line && f.severity === 'error'), 'the NaN line is reported where it is');
    });
    (0, node_test_1.it)('replay and rebuild an aggregate; snapshot verify finds the drift the generator injected', () => {
        const replay = cli(temp.dir, 'replay', '--store', clean, '--aggregate', 'portfolio_1', '--from', '100', '--to', '2000', '--json');
        strict_1.default.equal(replay.code, 0, replay.err);
        const events = JSON.parse(replay.out);
        strict_1.default.ok(events.length > 0);
        strict_1.default.ok(events.every((e) => e.metadata.aggregate_id === 'portfolio_1' && e.metadata.sequence_number >= 100 && e.metadata.sequence_number <= 2000));
        const rebuild = cli(temp.dir, 'rebuild', '--store', clean, '--aggregate', 'portfolio_1', '--json');
        strict_1.default.equal(rebuild.code, 0, rebuild.err);
        const state = JSON.parse(rebuild.out);
        strict_1.default.equal(typeof state._meta.last_event_type, 'string');
        strict_1.default.equal(cli(temp.dir, 'snapshot', 'verify', '--store', clean).code, 0);
        const drift = cli(temp.dir, 'snapshot', 'verify', '--store', faulty, '--json');
        strict_1.default.equal(drift.code, 1);
        const drifted = faultySummary.faults.find((f) => f.kind === 'snapshot-drift').file;
        const results = JSON.parse(drift.out);
        strict_1.default.deepEqual(results.filter((r) => !r.ok).map((r) => r.file), [drifted]);
    });
    (0, node_test_1.it)('snapshots --json lists what the generator wrote', () => {
        const run = cli(temp.dir, 'snapshots', '--store', clean, '--json');
        strict_1.default.equal(run.code, 0, run.err);
        const listed = JSON.parse(run.out);
        strict_1.default.deepEqual(listed.map((s) => s.file).sort(), cleanSummary.snapshots.map((s) => s.file).sort());
    });
    (0, node_test_1.it)('correlation prints the causation tree across aggregates', () => {
        const chain = storeEvents(clean).filter((e) => e.metadata.correlation_id !== null);
        const counts = new Map();
        for (const e of chain)
            counts.set(e.metadata.correlation_id, (counts.get(e.metadata.correlation_id) ?? 0) + 1);
        const [id, size] = [...counts.entries()].find(([, n]) => n >= 4);
        const run = cli(temp.dir, 'correlation', id, '--store', clean, '--json');
        strict_1.default.equal(run.code, 0, run.err);
        const tree = JSON.parse(run.out);
        strict_1.default.equal(tree.event_count, size);
        strict_1.default.equal(tree.roots.length, 1);
        let depth = 0;
        for (let node = tree.roots[0]; node; node = node.children[0])
            depth++;
        strict_1.default.equal(depth, size, 'a chain is a path from the root');
        const text = cli(temp.dir, 'correlation', id, '--store', clean);
        strict_1.default.match(text.out, /└─ /);
        const unknown = cli(temp.dir, 'correlation', '00000000-0000-4000-8000-000000000000', '--store', clean);
        strict_1.default.equal(unknown.code, 1);
        strict_1.default.match(unknown.err, /no events with correlation_id/);
    });
    (0, node_test_1.it)('cleanup shows the plan without --yes and removes with it', () => {
        const store = path.join(temp.dir, 'ttl');
        strict_1.default.equal(cli(temp.dir, 'generate', '--events', '100', '--out', store).code, 0);
        const plan = cli(temp.dir, 'cleanup', '--store', store);
        strict_1.default.equal(plan.code, 0, plan.err);
        strict_1.default.match(plan.out, /remove events\/events_2024-01-15\.jsonl/);
        strict_1.default.ok(fs.existsSync(path.join(store, 'events', 'events_2024-01-15.jsonl')), 'nothing removed without --yes');
        const done = cli(temp.dir, 'cleanup', '--store', store, '--yes');
        strict_1.default.equal(done.code, 0, done.err);
        strict_1.default.ok(!fs.existsSync(path.join(store, 'events', 'events_2024-01-15.jsonl')));
    });
    (0, node_test_1.it)('migrate shows the plan, then rewrites old versions into new files and keeps the originals', () => {
        const store = path.join(temp.dir, 'migrate');
        strict_1.default.equal(cli(temp.dir, 'generate', '--events', '1000', '--out', store, '--python-style').code, 0);
        const file = path.join(store, 'events', 'events_2024-01-15.jsonl');
        const before = fs.readFileSync(file);
        const plan = cli(temp.dir, 'migrate', '--store', store, '--json');
        strict_1.default.equal(plan.code, 0, plan.err);
        const planned = JSON.parse(plan.out);
        strict_1.default.ok(planned.plan.events > 0 && !planned.executed);
        strict_1.default.ok(fs.readFileSync(file).equals(before), 'no change without --yes');
        const done = cli(temp.dir, 'migrate', '--store', store, '--yes', '--json');
        strict_1.default.equal(done.code, 0, done.err);
        const result = JSON.parse(done.out).result;
        strict_1.default.equal(result.events, planned.plan.events);
        strict_1.default.ok(fs.readFileSync(path.join(store, result.backupDir, 'events', 'events_2024-01-15.jsonl')).equals(before), 'original kept');
        const oldLines = before.toString('utf8').split('\n');
        const newLines = fs.readFileSync(file, 'utf8').split('\n');
        strict_1.default.equal(newLines.length, oldLines.length);
        let changed = 0;
        newLines.forEach((line, i) => {
            if (line === oldLines[i])
                return;
            changed++;
            const event = JSON.parse(line);
            strict_1.default.equal(event.event_type, 'trade_executed');
            strict_1.default.equal(event.metadata.schema_version, '1.1');
            strict_1.default.equal(event.data.venue, 'unknown');
            strict_1.default.ok('exchange_order_id' in event.data && !('order_id' in event.data));
        });
        strict_1.default.equal(changed, result.events, 'only migrated lines changed');
        strict_1.default.match(cli(temp.dir, 'migrate', '--store', store).out, /Nothing to migrate/);
    });
    (0, node_test_1.it)('tail --follow prints new events, including from a new day file, until interrupted', async () => {
        const store = path.join(temp.dir, 'tail');
        strict_1.default.equal(cli(temp.dir, 'generate', '--events', '50', '--out', store).code, 0);
        const last = storeEvents(store).slice(-2).map((e) => e.metadata.event_id);
        const child = (0, node_child_process_1.spawn)(process.execPath, [CLI, 'tail', '--follow', '-n', '2', '--store', store], { cwd: temp.dir });
        let out = '';
        child.stdout.setEncoding('utf8').on('data', (chunk) => {
            out += chunk;
        });
        const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
        const waitFor = async (predicate, what) => {
            const deadline = Date.now() + 15_000;
            while (!predicate()) {
                if (Date.now() > deadline)
                    throw new Error(`timed out waiting for ${what}; got: ${out}`);
                await new Promise((resolve) => setTimeout(resolve, 50));
            }
        };
        try {
            await waitFor(() => out.split('\n').filter(Boolean).length >= 2, 'the last two events');
            strict_1.default.deepEqual(jsonLines(out).map((e) => e.metadata.event_id), last);
            // Give the watcher a moment to be armed, then append to a new day's file.
            await new Promise((resolve) => setTimeout(resolve, 700));
            const newDay = {
                event_type: 'system_health_check',
                data: { component: 'event_bus', status: 'healthy' },
                metadata: {
                    event_id: '11111111-2222-4333-8444-555555555555', version: '1.0.0', schema_version: '1.0', timestamp: '2024-01-16T00:00:01Z',
                    source: 'HealthMonitor', correlation_id: null, causation_id: null, aggregate_id: 'event_bus', sequence_number: 51,
                    retry_count: 0, status: 'completed', tags: {},
                },
            };
            fs.writeFileSync(path.join(store, 'events', 'events_2024-01-16.jsonl'), `${JSON.stringify(newDay)}\n`);
            await waitFor(() => out.includes('11111111-2222-4333-8444-555555555555'), 'the event of the new day file');
        }
        finally {
            child.kill('SIGINT');
        }
        strict_1.default.equal(await exited, 0);
    });
});
//# sourceMappingURL=cli.int.spec.js.map