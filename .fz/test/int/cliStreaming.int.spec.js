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
const sax = __importStar(require("sax"));
const ownVocabularyStore_1 = require("../helpers/ownVocabularyStore");
const tempStore_1 = require("../helpers/tempStore");
/** The compiled CLI entry (out/src/cli/main.js beside out/test/int/). */
const CLI = path.resolve(__dirname, '../../src/cli/main.js');
const EVENTS = 3000;
function cli(cwd, ...args) {
    const result = (0, node_child_process_1.spawnSync)(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
    return { code: result.status ?? -1, out: result.stdout, err: result.stderr };
}
const temp = (0, tempStore_1.makeTempDir)('eventbus-cli-stream-');
(0, node_test_1.after)(() => temp.cleanup());
/** What a crash would print: a stack frame. */
const STACK = /\n\s+at .+\(|\bat (?:node:|file:|\/)/;
(0, node_test_1.describe)('validate on a store whose types and statuses are its own', () => {
    const generated = path.join(temp.dir, 'generated');
    const own = path.join(temp.dir, 'own');
    const withConfig = path.join(temp.dir, 'configured');
    (0, node_test_1.before)(async () => {
        const made = cli(temp.dir, 'generate', '--events', String(EVENTS), '--out', generated, '--seed', '5', '--days', '2');
        strict_1.default.equal(made.code, 0, made.err);
        await (0, ownVocabularyStore_1.writeOwnVocabularyStore)(generated, own);
        fs.mkdirSync(withConfig);
        fs.writeFileSync(path.join(withConfig, 'eventbus.config.json'), JSON.stringify({ event_bus: (0, ownVocabularyStore_1.ownVocabularyConfig)(generated) }));
    });
    (0, node_test_1.it)('reports each unknown type and status once, with its count and first places; --all lists every event', () => {
        const run = cli(temp.dir, 'validate', '--store', own, '--format', 'json');
        strict_1.default.equal(run.code, 0, run.err);
        const records = JSON.parse(run.out);
        const types = records.filter((r) => r.code === 'EB011');
        const typeNames = types.map((r) => /"([^"]+)"/.exec(r.message)?.[1]);
        strict_1.default.equal(new Set(typeNames).size, types.length, 'one finding per unknown type');
        strict_1.default.ok(types.length >= 10, `every type is unknown now (${types.length})`);
        strict_1.default.equal(types.reduce((sum, r) => sum + (r.count ?? 1), 0), EVENTS, 'the counts add up to every event');
        const statuses = records.filter((r) => r.code === 'EB020');
        strict_1.default.equal(new Set(statuses.map((r) => /"([^"]+)"/.exec(r.message)?.[1])).size, statuses.length, 'one finding per unknown status');
        const repeated = types.find((r) => (r.count ?? 1) > 5);
        strict_1.default.equal(repeated.places?.length, 5);
        strict_1.default.deepEqual([repeated.places?.[0].file, repeated.places?.[0].line], [repeated.file, repeated.line], 'the first place is where it is reported');
        strict_1.default.match(repeated.message, /events with this cause; first at .*validate --all/);
        const all = JSON.parse(cli(temp.dir, 'validate', '--store', own, '--format', 'json', '--all').out);
        strict_1.default.equal(all.filter((r) => r.code === 'EB011').length, EVENTS, '--all: one finding per event');
        strict_1.default.equal(all.filter((r) => r.code === 'EB020').length, statuses.reduce((sum, r) => sum + (r.count ?? 1), 0));
        strict_1.default.ok(all.every((r) => r.count === undefined));
    });
    (0, node_test_1.it)('the text summary counts every event at fault, though each cause is one line', () => {
        const run = cli(temp.dir, 'validate', '--store', own);
        const summary = run.out.trimEnd().split('\n').pop();
        const warnings = Number(/(\d+) warnings/.exec(summary)?.[1]);
        strict_1.default.ok(warnings >= EVENTS, summary);
        strict_1.default.ok(run.out.split('\n').length < 100, 'not a line per event');
    });
    (0, node_test_1.it)('event_types and statuses in eventbus.config.json silence the unknown-type and unknown-status findings', () => {
        const configured = JSON.parse(cli(withConfig, 'validate', '--store', own, '--format', 'json', '--all').out);
        strict_1.default.deepEqual(configured.filter((r) => r.code === 'EB011' || r.code === 'EB020'), []);
        const bad = cli(withConfig, 'validate', '--store', own);
        strict_1.default.equal(bad.code, 0, bad.err);
        fs.writeFileSync(path.join(withConfig, 'eventbus.config.json'), JSON.stringify({ event_types: 'acme.order' }));
        const wrong = cli(withConfig, 'validate', '--store', own);
        strict_1.default.equal(wrong.code, 2);
        strict_1.default.match(wrong.err, /event_types.*a list of names/);
        fs.writeFileSync(path.join(withConfig, 'eventbus.config.json'), JSON.stringify({ event_bus: (0, ownVocabularyStore_1.ownVocabularyConfig)(generated) }));
    });
    (0, node_test_1.it)('sarif and junit with --all are valid documents with every finding', () => {
        const sarif = JSON.parse(cli(temp.dir, 'validate', '--store', own, '--format', 'sarif', '--all').out);
        strict_1.default.equal(sarif.runs[0].results.filter((r) => r.ruleId === 'EB011').length, EVENTS);
        const summarized = JSON.parse(cli(temp.dir, 'validate', '--store', own, '--format', 'sarif').out);
        const eb011 = summarized.runs[0].results.filter((r) => r.ruleId === 'EB011');
        strict_1.default.equal(eb011.reduce((sum, r) => sum + (r.occurrenceCount ?? 1), 0), EVENTS);
        strict_1.default.ok(eb011.some((r) => r.relatedLocations?.length === 5));
        const junit = cli(temp.dir, 'validate', '--store', own, '--format', 'junit', '--all').out;
        const parser = sax.parser(true);
        let testcases = 0;
        parser.onerror = (error) => {
            throw error;
        };
        parser.onopentag = (tag) => {
            if (tag.name === 'testcase')
                testcases++;
        };
        parser.write(junit).close();
        strict_1.default.equal(testcases, EVENTS, 'a testcase per event line (each has an unknown type)');
    });
});
/** Spawns the CLI; resolves with its exit and what it wrote to stderr once it exits. */
function spawnCli(args, onStdout) {
    const child = (0, node_child_process_1.spawn)(process.execPath, [CLI, ...args], { cwd: temp.dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk) => (err += chunk.toString()));
    child.stdout.on('data', (chunk) => onStdout(chunk, child));
    return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, err, exitedAt: Date.now() })));
}
(0, node_test_1.describe)('events and tail stop on a closed pipe and on Ctrl-C', () => {
    const store = path.join(temp.dir, 'long');
    (0, node_test_1.before)(() => {
        // ~12 MB of JSON Lines: far more than a pipe holds, and seconds of output.
        const made = cli(temp.dir, 'generate', '--events', '25000', '--out', store, '--seed', '9', '--days', '2');
        strict_1.default.equal(made.code, 0, made.err);
        strict_1.default.equal(cli(temp.dir, 'stats', '--store', store).code, 0, 'indexed once, so the runs below start at once');
    });
    (0, node_test_1.it)('events | (a reader that closes after the first line): exit 0 soon after, no stack trace', async () => {
        let firstLineAt = 0;
        let seen = '';
        const result = await spawnCli(['events', '--store', store], (chunk, child) => {
            if (firstLineAt)
                return;
            seen += chunk.toString();
            if (!seen.includes('\n'))
                return;
            firstLineAt = Date.now();
            JSON.parse(seen.slice(0, seen.indexOf('\n')));
            child.stdout?.destroy();
        });
        strict_1.default.ok(firstLineAt > 0, 'a first line came');
        strict_1.default.equal(result.code, 0, result.err);
        strict_1.default.doesNotMatch(result.err, STACK);
        strict_1.default.equal(result.err, '');
        // Not a speed target (that is in the bench): the process did not go on to print the whole store.
        strict_1.default.ok(result.exitedAt - firstLineAt < 5000, `exited ${result.exitedAt - firstLineAt} ms after the first line`);
    });
    (0, node_test_1.it)('Ctrl-C during a long events: exits without a stack trace, before the output is done', async () => {
        let bytes = 0;
        let signalled = false;
        const result = await spawnCli(['events', '--store', store], (chunk, child) => {
            bytes += chunk.length;
            if (!signalled && bytes > 0) {
                signalled = true;
                child.kill('SIGINT');
            }
        });
        strict_1.default.ok(signalled);
        strict_1.default.ok(result.code === 130 || result.code === 0, `exit ${result.code} ${result.signal}`);
        strict_1.default.doesNotMatch(result.err, STACK);
        const total = fs.readdirSync(path.join(store, 'events')).reduce((sum, name) => sum + fs.statSync(path.join(store, 'events', name)).size, 0);
        strict_1.default.ok(bytes < total, `stopped early (${bytes} of ${total} bytes)`);
    });
    (0, node_test_1.it)('tail --follow prints appended events, and Ctrl-C ends it with exit 0 and no stack trace', async () => {
        const day = path.join(store, 'events', fs.readdirSync(path.join(store, 'events')).sort().pop());
        const lastLine = fs.readFileSync(day, 'utf8').trimEnd().split('\n').pop();
        const appended = lastLine.replace(/"event_id":"[^"]+"/, '"event_id":"aaaaaaaa-bbbb-4ccc-8ddd-00000000f011"');
        let out = '';
        let appendedOnce = false;
        const result = await spawnCli(['tail', '--follow', '--lines', '2', '--store', store], (chunk, child) => {
            out += chunk.toString();
            const lines = out.split('\n').filter((l) => l.length > 0);
            if (lines.length >= 2 && !appendedOnce) {
                appendedOnce = true;
                // Once the watcher is surely up: the first lines are printed after it starts.
                setTimeout(() => fs.appendFileSync(day, `${appended}\n`), 500);
            }
            if (lines.some((l) => l.includes('00000000f011')))
                child.kill('SIGINT');
        });
        strict_1.default.ok(out.includes('00000000f011'), 'the appended event was printed');
        strict_1.default.equal(result.code, 0, `exit ${result.code} ${result.signal}: ${result.err}`);
        strict_1.default.doesNotMatch(result.err, STACK);
    });
});
//# sourceMappingURL=cliStreaming.int.spec.js.map