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
const args_1 = require("../../src/cli/args");
const commandTable_1 = require("../../src/cli/commandTable");
const eventFilters_1 = require("../../src/cli/eventFilters");
const output_1 = require("../../src/cli/output");
const run_1 = require("../../src/cli/run");
const generateStore_1 = require("../../src/engine/generate/generateStore");
const tempStore_1 = require("../helpers/tempStore");
function capture(cwd) {
    let out = '';
    let err = '';
    return {
        io: {
            stdout: (text) => {
                out += text;
            },
            stderr: (text) => {
                err += text;
            },
            stderrIsTty: false,
            cwd,
            interrupted: Promise.resolve(),
        },
        out: () => out,
        err: () => err,
    };
}
async function run(cwd, ...argv) {
    const c = capture(cwd);
    const code = await (0, run_1.runCli)(argv, c.io, commandTable_1.COMMANDS);
    return { code, out: c.out(), err: c.err() };
}
/** A usage or I/O error: exit 2 and exactly one line on stderr, nothing on stdout. */
function assertOneLineError(result, pattern) {
    strict_1.default.equal(result.code, 2, result.err);
    strict_1.default.equal(result.out, '');
    strict_1.default.equal(result.err.split('\n').filter((line) => line.length > 0).length, 1, result.err);
    strict_1.default.ok(result.err.endsWith('\n'));
    strict_1.default.match(result.err, pattern);
}
const temp = (0, tempStore_1.makeTempDir)('eventbus-cli-unit-');
(0, node_test_1.after)(() => temp.cleanup());
(0, node_test_1.describe)('cli: usage errors exit 2 with one line', () => {
    (0, node_test_1.it)('no command, an unknown command', async () => {
        assertOneLineError(await run(temp.dir), /expected a command/);
        assertOneLineError(await run(temp.dir, 'frobnicate'), /unknown command "frobnicate".*stats/);
    });
    (0, node_test_1.it)('unknown options, missing values, bad numbers and times', async () => {
        assertOneLineError(await run(temp.dir, 'stats', '--bogus'), /eventbus stats: unknown option '--bogus'/);
        assertOneLineError(await run(temp.dir, 'stats', '--store'), /'--store' needs a value/);
        assertOneLineError(await run(temp.dir, 'events', '--limit', '0'), /--limit must be a whole number of at least 1, got "0"/);
        assertOneLineError(await run(temp.dir, 'events', '--since', 'yesterday'), /--since must be an ISO 8601 timestamp/);
        assertOneLineError(await run(temp.dir, 'events', '--from', '9', '--to', '3'), /--from 9 is after --to 3/);
        assertOneLineError(await run(temp.dir, 'replay'), /--aggregate is required/);
        assertOneLineError(await run(temp.dir, 'stats', 'extra'), /unexpected argument 'extra'/);
        assertOneLineError(await run(temp.dir, 'validate', '--format', 'xml'), /--format must be one of text, json, sarif, junit/);
        assertOneLineError(await run(temp.dir, 'snapshot'), /expected an action/);
        assertOneLineError(await run(temp.dir, 'snapshot', 'delete'), /unknown action "delete"/);
        assertOneLineError(await run(temp.dir, 'generate', '--out', 'x'), /--events is required/);
        assertOneLineError(await run(temp.dir, 'generate', '--events', '10', '--out', 'x', '--sequence-mode', 'both'), /--sequence-mode must be one of global, aggregate/);
        assertOneLineError(await run(temp.dir, 'rebuild', '--aggregate', 'a', '--projection', 'p'), /--allow-projections/);
    });
    (0, node_test_1.it)('publish never evaluates --data: it must be JSON', async () => {
        assertOneLineError(await run(temp.dir, 'publish', 'trade_executed', '--data', '{side: "buy"}'), /--data is not valid JSON/);
        assertOneLineError(await run(temp.dir, 'publish', 'trade_executed', '--data', 'process.exit(3)'), /--data is not valid JSON/);
        assertOneLineError(await run(temp.dir, 'publish', '--data', '{}'), /expected one event type/);
        assertOneLineError(await run(temp.dir, 'publish', 't', '--data', '{}', '--tag', 'novalue'), /--tag expects KEY=VALUE/);
    });
    (0, node_test_1.it)('a missing store is one clear line, not an empty index', async () => {
        const missing = path.join(temp.dir, 'no-such-store');
        for (const command of ['stats', 'events', 'validate', 'snapshots', 'cleanup', 'migrate']) {
            assertOneLineError(await run(temp.dir, command, '--store', missing), new RegExp(`eventbus ${command}: no store at .*no-such-store`));
        }
        strict_1.default.ok(!fs.existsSync(missing), 'nothing was created');
    });
    (0, node_test_1.it)('the default store is ./event_store of the current folder', async () => {
        assertOneLineError(await run(temp.dir, 'stats'), new RegExp(`no store at ${temp.dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/event_store`));
    });
});
(0, node_test_1.describe)('cli: help', () => {
    (0, node_test_1.it)('--help of every command prints its usage on stdout and exits 0', async () => {
        for (const command of commandTable_1.COMMANDS) {
            const result = await run(temp.dir, command.name, '--help');
            strict_1.default.equal(result.code, 0, command.name);
            strict_1.default.equal(result.err, '');
            strict_1.default.match(result.out, new RegExp(`^Usage: eventbus ${command.name}`), command.name);
            // generate writes a new store (--out); copy names both ends (--from, --to).
            if (command.name === 'copy')
                strict_1.default.match(result.out, /--from SRC[\s\S]*--to URL/);
            else if (command.name !== 'generate')
                strict_1.default.match(result.out, /--store DIR/, command.name);
        }
    });
    (0, node_test_1.it)('the global help lists every command', async () => {
        const result = await run(temp.dir, '--help');
        strict_1.default.equal(result.code, 0);
        for (const command of commandTable_1.COMMANDS)
            strict_1.default.match(result.out, new RegExp(`\\n  ${command.name} +\\S`));
    });
});
(0, node_test_1.describe)('cli: argument helpers', () => {
    (0, node_test_1.it)('parses options and positionals strictly', () => {
        const parsed = (0, args_1.parseCommandArgs)(['ID', '--json', '--store', 'x'], { store: { type: 'string' }, json: { type: 'boolean' } }, true);
        strict_1.default.deepEqual(parsed.positionals, ['ID']);
        strict_1.default.equal(parsed.values.store, 'x');
        strict_1.default.equal(parsed.values.json, true);
        strict_1.default.throws(() => (0, args_1.parseCommandArgs)(['ID'], { json: { type: 'boolean' } }), output_1.UsageError);
    });
    (0, node_test_1.it)('checks numbers and timestamps', () => {
        strict_1.default.equal((0, args_1.integerOption)('limit', '25', 1), 25);
        strict_1.default.equal((0, args_1.integerOption)('limit', undefined, 1), undefined);
        strict_1.default.throws(() => (0, args_1.integerOption)('limit', '2.5', 1), /whole number/);
        strict_1.default.throws(() => (0, args_1.integerOption)('from', '-1'), /whole number/);
        strict_1.default.equal((0, args_1.timestampOption)('since', '2024-01-15T10:30:00Z'), Date.UTC(2024, 0, 15, 10, 30));
        strict_1.default.equal((0, args_1.timestampOption)('since', '2024-01-15T10:30:00'), Date.UTC(2024, 0, 15, 10, 30), 'naive is UTC');
        strict_1.default.throws(() => (0, args_1.timestampOption)('until', '2024-13-01T00:00:00Z'), /ISO 8601/);
    });
    (0, node_test_1.it)('turns filters into the engine\'s one filter', () => {
        strict_1.default.deepEqual((0, eventFilters_1.filterOfOptions)({ aggregate: 'trader_1', type: 'trade_executed', from: '3', to: '9', since: '2024-01-15T00:00:00Z' }), {
            aggregateIds: ['trader_1'],
            eventTypes: ['trade_executed'],
            since: Date.UTC(2024, 0, 15),
            fromSequenceNumber: 3,
            toSequenceNumber: 9,
        });
        strict_1.default.deepEqual((0, eventFilters_1.filterOfOptions)({}), {});
    });
});
(0, node_test_1.describe)('cli: stats and generate in-process', () => {
    let summary;
    let store;
    (0, node_test_1.before)(() => {
        store = path.join(temp.dir, 'store');
        summary = (0, generateStore_1.generateStoreSync)({ events: 1_500, outDir: store, seed: 21, withErrors: true });
    });
    (0, node_test_1.it)('stats --json counts exactly what the generator wrote', async () => {
        const result = await run(temp.dir, 'stats', '--store', store, '--json');
        strict_1.default.equal(result.code, 0, result.err);
        const stats = JSON.parse(result.out);
        strict_1.default.equal(stats.events, summary.events);
        strict_1.default.equal(stats.invalid_lines, summary.invalidLines);
        strict_1.default.equal(stats.files, summary.files.length);
        strict_1.default.equal(stats.aggregates, summary.aggregates);
        strict_1.default.equal(stats.correlations, summary.correlations);
        strict_1.default.deepEqual(stats.event_types, summary.eventTypes);
        strict_1.default.equal(stats.sequence_mode, 'global');
        strict_1.default.equal(stats.first_timestamp, summary.firstTimestamp);
        strict_1.default.equal(stats.last_timestamp, summary.lastTimestamp);
    });
    (0, node_test_1.it)('stats without --json is text for people, nothing on stderr', async () => {
        const result = await run(temp.dir, 'stats', '--store', store);
        strict_1.default.equal(result.code, 0);
        strict_1.default.match(result.out, /^events +1500$/m);
        strict_1.default.match(result.out, /^sequence mode +global$/m);
        strict_1.default.equal(result.err, '');
    });
    (0, node_test_1.it)('generate refuses an existing store with one line, exit 2', async () => {
        assertOneLineError(await run(temp.dir, 'generate', '--events', '10', '--out', store), /already holds a store.*--force/);
    });
    (0, node_test_1.it)('generate --json prints the summary only', async () => {
        const result = await run(temp.dir, 'generate', '--events', '200', '--out', 'small', '--seed', 'x', '--json');
        strict_1.default.equal(result.code, 0, result.err);
        const printed = JSON.parse(result.out);
        strict_1.default.equal(printed.events, 200);
        strict_1.default.equal(printed.outDir, path.join(temp.dir, 'small'));
        strict_1.default.ok(fs.existsSync(path.join(temp.dir, 'small', 'events', 'events_2024-01-15.jsonl')));
    });
});
//# sourceMappingURL=cli.unit.spec.js.map