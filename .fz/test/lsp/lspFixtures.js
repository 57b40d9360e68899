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
exports.PLAIN_FILE = exports.GZ_FILE = exports.HAND_FILE = void 0;
exports.makeFaultyWorkspace = makeFaultyWorkspace;
exports.asFinding = asFinding;
exports.messageText = messageText;
exports.compareFindings = compareFindings;
exports.cliValidate = cliValidate;
exports.startOnGeneratedStore = startOnGeneratedStore;
const node_child_process_1 = require("node:child_process");
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const zlib = __importStar(require("node:zlib"));
const generateStore_1 = require("../../src/engine/generate/generateStore");
const loadSchemaRegistry_1 = require("../../src/engine/schema/loadSchemaRegistry");
const lineRules_1 = require("../../src/engine/validate/lineRules");
const tempStore_1 = require("../helpers/tempStore");
const lspClient_1 = require("./lspClient");
exports.HAND_FILE = 'events/events_2024-03-01.jsonl';
exports.GZ_FILE = 'events/events_2024-01-15.jsonl.gz';
exports.PLAIN_FILE = 'events/events_2024-01-16.jsonl';
/**
 * A workspace with a store holding every kind of fault: the generator's
 * (withErrors: one of each kind), a gzip day, and a hand-written day with
 * NaN, a non-UUID id, a missing and a mistyped envelope field, a non-event
 * line and a torn last line.
 */
async function makeFaultyWorkspace(events = 1500) {
    const { dir, cleanup } = (0, tempStore_1.makeTempDir)('eventbus-lsp-');
    const store = path.join(dir, 'event_store');
    (0, generateStore_1.generateStoreSync)({ events, days: 2, outDir: store, withErrors: true, pythonStyle: true, seed: 11 });
    const day1 = path.join(store, 'events', 'events_2024-01-15.jsonl');
    fs.writeFileSync(`${day1}.gz`, zlib.gzipSync(fs.readFileSync(day1)));
    fs.rmSync(day1);
    const registry = await (0, loadSchemaRegistry_1.loadSchemaRegistry)(store);
    const hand = handLines(cleanTemplate(path.join(store, exports.PLAIN_FILE), registry));
    fs.writeFileSync(path.join(store, exports.HAND_FILE), [hand.valid, hand.nan, hand.badId, hand.missingSource, hand.badTimestamp, hand.notAnEvent].join('\n') + '\n' + hand.torn);
    const eventFiles = fs.readdirSync(path.join(store, 'events')).map((name) => path.join(store, 'events', name));
    return { folder: dir, store, hand, eventFiles, cleanup };
}
/** A line of the file with no per-line finding, parsed: the base of the hand-written events. */
function cleanTemplate(file, registry) {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    for (const [i, line] of lines.entries()) {
        if (line.length === 0)
            continue;
        if ((0, lineRules_1.validateLine)(line, { file: 'x', line: i + 1, registry, maxRetryCount: 3 }).length === 0)
            return JSON.parse(line);
    }
    throw new Error(`no clean line in ${file}`);
}
function handLines(template) {
    let n = 0;
    const event = (patch) => {
        const copy = JSON.parse(JSON.stringify(template));
        n++;
        copy.metadata.event_id = `aaaaaaaa-bbbb-4ccc-8ddd-${String(n).padStart(12, '0')}`;
        copy.metadata.timestamp = `2024-03-01T00:00:0${n}Z`;
        copy.metadata.aggregate_id = 'hand_written';
        copy.metadata.correlation_id = null;
        copy.metadata.causation_id = null;
        copy.metadata.sequence_number = 100000 + n;
        patch(copy.metadata);
        return copy;
    };
    return {
        valid: JSON.stringify(event(() => undefined)),
        nan: JSON.stringify(event((m) => (m.retry_count = 424242))).replace('424242', 'NaN'),
        badId: JSON.stringify(event((m) => (m.event_id = 'not-a-uuid'))),
        missingSource: JSON.stringify(event((m) => delete m.source)),
        badTimestamp: JSON.stringify(event((m) => (m.timestamp = 'yesterday'))),
        notAnEvent: '[1, 2, 3]',
        torn: JSON.stringify(event(() => undefined)).slice(0, 40),
    };
}
const SEVERITY_NAMES = ['', 'error', 'warning', 'information', 'hint'];
/** A diagnostic in the CLI's `--format json` shape, so the two can be compared as data. */
function asFinding(file, d) {
    return {
        file,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: SEVERITY_NAMES[d.severity ?? 0],
        code: String(d.code),
        message: messageText(d),
    };
}
/** LSP 3.18 lets a message be markup; this server always sends text. */
function messageText(d) {
    return typeof d.message === 'string' ? d.message : d.message.value;
}
/** CLI findings in a fixed order, for comparing lists. */
function compareFindings(a, b) {
    return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code) || a.message.localeCompare(b.message);
}
/** `eventbus validate --format json` on the workspace's store (run in the folder, so the same config applies). */
function cliValidate(folder) {
    return new Promise((resolve, reject) => {
        (0, node_child_process_1.execFile)(process.execPath, [lspClient_1.CLI_JS, 'validate', '--store', 'event_store', '--format', 'json'], { cwd: folder, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
            // Exit 1 means "errors found", which this store has.
            if (error && error.code !== 1)
                return reject(new Error(`${error.message}\n${stderr}`));
            try {
                // The diagnostics carry a repeated cause's count in the message and its places as related information.
                resolve(JSON.parse(stdout).map(({ count: _count, places: _places, ...finding }) => finding));
            }
            catch (parseError) {
                reject(new Error(`validate printed no JSON: ${parseError.message}\n${stdout.slice(0, 500)}\n${stderr}`));
            }
        });
    });
}
/**
 * A workspace folder with a generated `event_store/` (changed by `prepare`
 * before the server sees it, if given) and the server started on it, once
 * the store has opened.
 */
async function startOnGeneratedStore(prefix, options, prepare) {
    const { dir: folder, cleanup } = (0, tempStore_1.makeTempDir)(prefix);
    const store = path.join(folder, 'event_store');
    (0, generateStore_1.generateStoreSync)({ ...options, outDir: store });
    prepare?.(store);
    const client = await (0, lspClient_1.startServer)({ folder });
    await client.waitForStoreChanged((p) => p.reason === 'opened');
    return {
        folder,
        store,
        client,
        async close() {
            await client.stop();
            cleanup();
        },
    };
}
//# sourceMappingURL=lspFixtures.js.map