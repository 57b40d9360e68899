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
const node_crypto_1 = require("node:crypto");
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const event_1 = require("../../src/engine/model/event");
const tempStore_1 = require("../helpers/tempStore");
const CLI = path.resolve(__dirname, '../../src/cli/main.js');
function cli(args, cwd) {
    const run = (0, node_child_process_1.spawnSync)(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 180_000, maxBuffer: 256 * 1024 * 1024, ...(cwd ? { cwd } : {}) });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
function eventLine(sequence, data, ids = {}) {
    const event = (0, event_1.createEvent)('component_started', data, {
        source: 'deep-data test',
        aggregate_id: 'deep_1',
        sequence_number: sequence,
        timestamp: new Date(Date.UTC(2026, 0, 1) + sequence).toISOString(),
        ...(ids.eventId ? { event_id: ids.eventId } : {}),
        ...(ids.correlationId ? { correlation_id: ids.correlationId } : {}),
        ...(ids.causationId !== undefined ? { causation_id: ids.causationId } : {}),
    });
    return (0, event_1.serializeEvent)(event);
}
/** An event line whose data nests `depth` objects deep, written as text (JSON.stringify of it overflows the stack). */
function deepLine(sequence, depth) {
    return eventLine(sequence, { marker: true }).replace('{"marker":true}', `${'{"x":'.repeat(depth)}1${'}'.repeat(depth)}`);
}
function writeDay(store, lines) {
    fs.mkdirSync(path.join(store, 'events'), { recursive: true });
    fs.writeFileSync(path.join(store, 'events', 'events_2026-01-01.jsonl'), `${lines.join('\n')}\n`);
}
(0, node_test_1.describe)('deep data: one nesting limit, a finding beyond it, never a stack overflow', () => {
    let dir;
    let cleanup;
    (0, node_test_1.before)(() => ({ dir, cleanup } = (0, tempStore_1.makeTempDir)('eventbus-deep-')));
    (0, node_test_1.after)(() => cleanup?.());
    for (const depth of [3_000, 20_000]) {
        (0, node_test_1.it)(`data nested ${depth.toLocaleString('en')} deep: validate reports EB025 at file and line; events prints it; replay and rebuild refuse it with exit 1`, () => {
            const store = path.join(dir, `deep-${depth}`);
            writeDay(store, [eventLine(1, { component: 'shallow' }), deepLine(2, depth)]);
            const validate = cli(['validate', '--store', store]);
            strict_1.default.equal(validate.status, 1, validate.stderr);
            strict_1.default.match(validate.stdout, /events\/events_2026-01-01\.jsonl:2:\d+ error EB025 nesting deeper than 1000/);
            const events = cli(['events', '--store', store]);
            strict_1.default.equal(events.status, 0, events.stderr);
            strict_1.default.equal(events.stdout.trim().split('\n').length, 2, 'both lines printed as written');
            for (const command of ['replay', 'rebuild']) {
                const run = cli([command, '--aggregate', 'deep_1', '--store', store]);
                strict_1.default.equal(run.status, 1, `${command}: ${run.stderr}`);
                strict_1.default.match(run.stderr, /events\/events_2026-01-01\.jsonl:2: nesting deeper than 1000/, command);
                strict_1.default.doesNotMatch(run.stderr, /call stack/i, command);
            }
        });
    }
    (0, node_test_1.it)('the limit is max_nesting_depth in eventbus.config.json, the same for validate and rebuild; out of range is a config error', () => {
        const workspace = path.join(dir, 'configured');
        const store = path.join(workspace, 'event_store');
        writeDay(store, [eventLine(1, { a: { b: { c: 1 } } }), eventLine(2, { a: { b: { c: { d: { e: 1 } } } } })]);
        fs.writeFileSync(path.join(workspace, 'eventbus.config.json'), JSON.stringify({ max_nesting_depth: 5 }));
        const validate = cli(['validate'], workspace);
        strict_1.default.equal(validate.status, 1, validate.stderr);
        // Line 1 nests 4 deep (line, data, a, b), line 2 six deep.
        strict_1.default.match(validate.stdout, /events_2026-01-01\.jsonl:2:\d+ error EB025 nesting deeper than 5/);
        strict_1.default.doesNotMatch(validate.stdout, /jsonl:1:\d+ error EB025/);
        const rebuild = cli(['rebuild', '--aggregate', 'deep_1'], workspace);
        strict_1.default.equal(rebuild.status, 1);
        strict_1.default.match(rebuild.stderr, /jsonl:2: nesting deeper than 5/);
        fs.writeFileSync(path.join(workspace, 'eventbus.config.json'), JSON.stringify({ max_nesting_depth: 50_000 }));
        const refused = cli(['validate'], workspace);
        strict_1.default.equal(refused.status, 2);
        strict_1.default.match(refused.stderr, /max_nesting_depth/);
    });
    (0, node_test_1.it)('a causation chain of 100,000 events renders as text and as JSON, streamed, each line short', () => {
        const store = path.join(dir, 'chain');
        const correlationId = (0, node_crypto_1.randomUUID)();
        const lines = [];
        let cause = null;
        for (let i = 1; i <= 100_000; i++) {
            const eventId = (0, node_crypto_1.randomUUID)();
            lines.push(eventLine(i, { component: 'c' }, { eventId, correlationId, causationId: cause }));
            cause = eventId;
        }
        writeDay(store, lines);
        const text = cli(['correlation', correlationId, '--store', store]);
        strict_1.default.equal(text.status, 0, text.stderr);
        const textLines = text.stdout.trimEnd().split('\n');
        strict_1.default.equal(textLines.length, 100_001, 'one line per event and the summary');
        strict_1.default.match(textLines[textLines.length - 2], /^\[level 99,999\] +└─ component_started {2}deep_1 #100000/);
        strict_1.default.match(textLines[textLines.length - 1], /^100000 event\(s\), 1 aggregate\(s\)/);
        strict_1.default.ok(textLines.reduce((longest, line) => Math.max(longest, line.length), 0) < 300, 'indentation is capped');
        const json = cli(['correlation', correlationId, '--store', store, '--json']);
        strict_1.default.equal(json.status, 0, json.stderr);
        const tree = JSON.parse(json.stdout);
        strict_1.default.equal(tree.event_count, 100_000);
        strict_1.default.equal(tree.roots.length, 1);
        let node = tree.roots[0];
        let depth = 0;
        while (node.children.length > 0) {
            strict_1.default.equal(node.children.length, 1);
            node = node.children[0];
            depth++;
        }
        strict_1.default.equal(depth, 99_999);
        strict_1.default.equal(node.sequence_number, 100_000);
        strict_1.default.ok(json.stdout.split('\n').reduce((longest, line) => Math.max(longest, line.length), 0) < 1000, 'each JSON line is short');
    });
});
//# sourceMappingURL=deepData.int.spec.js.map