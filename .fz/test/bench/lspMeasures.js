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
exports.lspMeasures = void 0;
exports.bigFileWorkspace = bigFileWorkspace;
/**
 * The language server's targets (issue 3), measured over stdio against the
 * built dist/server.js: a 100,000-line event file's first full diagnostics
 * in ≤ 2 s, and one edit in it re-published in ≤ 200 ms. The measure makes
 * its own one-file store (the bench store's day files are smaller), once,
 * in the OS temp folder; the store argument is not used.
 */
const fs = __importStar(require("node:fs"));
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const generateStore_1 = require("../../src/engine/generate/generateStore");
const uris_1 = require("../../src/shared/uris");
const lspClient_1 = require("../lsp/lspClient");
const LINES = 100_000;
const EDITS = 7;
/** A workspace whose store has one day file of LINES events (generated once; its index cache removed for a cold start). */
function bigFileWorkspace() {
    const folder = path.join(os.tmpdir(), `eventbus-lsp-bench-${LINES}`);
    const store = path.join(folder, 'event_store');
    const file = path.join(store, 'events', 'events_2024-01-15.jsonl');
    if (!fs.existsSync(file)) {
        fs.rmSync(folder, { recursive: true, force: true });
        (0, generateStore_1.generateStoreSync)({ events: LINES, days: 1, outDir: store, seed: 3, pythonStyle: true });
    }
    fs.rmSync(path.join(store, '.eventbus'), { recursive: true, force: true });
    return { folder, file };
}
function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}
exports.lspMeasures = [
    {
        name: 'lsp-100k-line-file',
        async run() {
            const { folder, file } = bigFileWorkspace();
            const uri = (0, uris_1.fileUriOf)(file);
            const text = fs.readFileSync(file, 'utf8');
            const lines = text.split('\n');
            const started = performance.now();
            const client = await (0, lspClient_1.startServer)({ folder });
            try {
                // The store pass: index + every rule over the file from disk, published for the (closed) file.
                await client.waitForStoreChanged((p) => p.reason === 'opened', 60_000);
                const storeMs = performance.now() - started;
                const openedAt = performance.now();
                client.open(uri, text);
                await client.waitForVersion(uri, 1, () => true, 60_000);
                const openMs = performance.now() - openedAt;
                // Edits in the middle of the file: break a line's closing brace, then put it back.
                const editMs = [];
                let version = 1;
                for (let k = 0; k < EDITS; k++) {
                    const line0 = Math.floor(LINES / 2) + k;
                    const end = lines[line0].length;
                    const broken = k % 2 === 0;
                    const change = broken
                        ? { range: { start: { line: line0, character: end - 1 }, end: { line: line0, character: end } }, text: '' }
                        : { range: { start: { line: line0 - 1, character: lines[line0 - 1].length - 1 }, end: { line: line0 - 1, character: lines[line0 - 1].length - 1 } }, text: '}' };
                    const at = performance.now();
                    client.change(uri, ++version, [change]);
                    await client.waitForVersion(uri, version, () => true, 10_000);
                    editMs.push(performance.now() - at);
                }
                const figures = [
                    { name: `lsp: store opened, 100k-line file's diagnostics published`, value: storeMs, unit: 'ms', target: { max: 2000 } },
                    { name: `lsp: 100k-line document opened, first full diagnostics`, value: openMs, unit: 'ms', target: { max: 2000 } },
                    { name: `lsp: one edit in a 100k-line document, diagnostics updated (median of ${EDITS})`, value: median(editMs), unit: 'ms', target: { max: 200 } },
                ];
                return figures;
            }
            finally {
                await client.stop();
            }
        },
    },
];
//# sourceMappingURL=lspMeasures.js.map