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
const EVIL_TYPE = 'evil\x1b]0;pwned\x07_type\u009b31m';
const FORGED_TYPE = 'line\nevents/forged.jsonl:1:1 error EB001 forged';
const EVIL_AGGREGATE = 'agg\x1b[31mred';
const EVIL_SOURCE = 'src\x1b[2J';
const CORRELATION = 'corr_1';
/** ESC, BEL, C1 CSI and a raw newline: none may reach a terminal from a store. */
const RAW_CONTROL = /[\x07\x1b\u009b]/;
function run(args) {
    const result = (0, node_child_process_1.spawnSync)(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
function writeHostileStore(store) {
    const first = (0, event_1.createEvent)(EVIL_TYPE, { n: 1 }, { source: EVIL_SOURCE, aggregate_id: EVIL_AGGREGATE, correlation_id: CORRELATION, sequence_number: 1, timestamp: '2026-01-01T00:00:00.000Z' });
    const second = (0, event_1.createEvent)(FORGED_TYPE, { n: 2 }, { source: EVIL_SOURCE, aggregate_id: EVIL_AGGREGATE, correlation_id: CORRELATION, causation_id: first.metadata.event_id, sequence_number: 2, timestamp: '2026-01-01T00:00:01.000Z' });
    fs.mkdirSync(path.join(store, 'events'), { recursive: true });
    fs.writeFileSync(path.join(store, 'events', 'events_2026-01-01.jsonl'), `${(0, event_1.serializeEvent)(first)}\n${(0, event_1.serializeEvent)(second)}\n`);
    // A file name holding ESC and a newline: not a day file, named in a warning.
    fs.writeFileSync(path.join(store, 'events', 'x\x1b[2J\nforged.jsonl'), `${(0, event_1.serializeEvent)(first)}\n`);
}
(0, node_test_1.describe)('text output a terminal can trust', () => {
    (0, node_test_1.it)('escapes ESC, C1 and newlines from event_type, aggregate_id, source and file names in stats, validate, replay, correlation; JSON stays exact', () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)('eventbus-terminal-');
        try {
            writeHostileStore(dir);
            const outputs = {
                stats: run(['stats', '--store', dir]),
                validate: run(['validate', '--store', dir]),
                replay: run(['replay', '--aggregate', EVIL_AGGREGATE, '--store', dir]),
                correlation: run(['correlation', CORRELATION, '--store', dir]),
                events: run(['events', '--store', dir]),
                unknownAggregate: run(['rebuild', '--aggregate', `${EVIL_AGGREGATE}\nforged`, '--store', dir]),
            };
            for (const [command, output] of Object.entries(outputs)) {
                strict_1.default.doesNotMatch(output.stdout, RAW_CONTROL, `${command} stdout`);
                strict_1.default.doesNotMatch(output.stderr, RAW_CONTROL, `${command} stderr`);
            }
            strict_1.default.match(outputs.stats.stdout, /evil\\x1b\]0;pwned\\x07_type\\x9b31m/, 'the type is shown, escaped');
            strict_1.default.match(outputs.stats.stdout, /line\\nevents\/forged\.jsonl/);
            strict_1.default.match(outputs.stats.stdout, /warning +events\/x\\x1b\[2J\\nforged\.jsonl: not a day file/);
            const replayLines = outputs.replay.stdout.trimEnd().split('\n');
            strict_1.default.equal(replayLines.length, 2, 'one line per event: the newline in event_type forged none');
            for (const line of replayLines)
                strict_1.default.match(line, /^#\d+ /);
            for (const line of outputs.validate.stdout.trimEnd().split('\n')) {
                strict_1.default.match(line, /^(\S+:\d+:\d+ (error|warning|information|hint) EB\d{3} |\d+ errors?, )/, `a forged validate line: ${line}`);
            }
            strict_1.default.match(outputs.correlation.stdout, /agg\\x1b\[31mred #1/);
            strict_1.default.equal(outputs.correlation.stdout.trimEnd().split('\n').length, 3, 'two events and the summary');
            const stats = JSON.parse(run(['stats', '--store', dir, '--json']).stdout);
            strict_1.default.deepEqual(Object.keys(stats.event_types).sort(), [EVIL_TYPE, FORGED_TYPE].sort(), 'JSON keeps the exact text');
            strict_1.default.equal(stats.events, 2, 'the stray file is not read as events');
            strict_1.default.deepEqual(stats.ignored_files, ['events/x\x1b[2J\nforged.jsonl']);
            const events = outputs.events.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
            strict_1.default.deepEqual(events.map((e) => e.event_type), [EVIL_TYPE, FORGED_TYPE]);
        }
        finally {
            cleanup();
        }
    });
});
//# sourceMappingURL=terminalOutput.int.spec.js.map