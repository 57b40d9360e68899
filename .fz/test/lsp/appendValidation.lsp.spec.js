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
const assert = __importStar(require("node:assert/strict"));
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const protocol_1 = require("../../src/shared/protocol");
const uris_1 = require("../../src/shared/uris");
const lspFixtures_1 = require("./lspFixtures");
/** Store-wide rules (EB013-EB018: duplicates, sequences, causes, time order) look across lines; these tests are about each line. */
const STORE_WIDE = new Set(['EB013', 'EB014', 'EB015', 'EB016', 'EB017', 'EB018']);
const codesAt = (diagnostics, line0) => diagnostics.filter((d) => d.range.start.line === line0 && !STORE_WIDE.has(String(d.code))).map((d) => String(d.code));
(0, node_test_1.describe)('appends to a day file on disk are validated where they changed it', () => {
    let ws;
    let client;
    let day;
    let completeLine;
    let linesBefore;
    (0, node_test_1.before)(async () => {
        ws = await (0, lspFixtures_1.startOnGeneratedStore)('eventbus-lsp-append-', { events: 300, days: 1, seed: 4 }, (store) => {
            day = path.join(store, 'events', fs.readdirSync(path.join(store, 'events')).filter((f) => f.endsWith('.jsonl'))[0]);
            const lines = fs.readFileSync(day, 'utf8').trimEnd().split('\n');
            // An early broken line, and a torn last line (a writer mid-append).
            lines[2] = '{"event_type": "broken", ';
            const template = JSON.parse(lines[lines.length - 1]);
            template.metadata.event_id = 'aaaaaaaa-bbbb-4ccc-8ddd-000000000001';
            completeLine = JSON.stringify(template);
            linesBefore = lines.length;
            fs.writeFileSync(day, `${lines.join('\n')}\n${completeLine.slice(0, 40)}`);
        });
        client = ws.client;
    });
    (0, node_test_1.after)(() => ws?.close());
    (0, node_test_1.it)('a torn tail completed by an append loses its EB003, the new lines are checked, and findings above are kept', async () => {
        const uri = (0, uris_1.eventFileUriOf)(day);
        const first = await client.waitForDiagnostics(uri, (d) => codesAt(d, linesBefore).includes('EB003'));
        assert.deepEqual(codesAt(first, 2), ['EB001'], 'the early broken line');
        // The writer finishes the torn line, then writes one more event and one broken line.
        fs.appendFileSync(day, `${completeLine.slice(40)}\n${completeLine.replace('000000000001', '000000000002')}\n{"not": "an event"}\n`);
        const after = await client.waitForDiagnostics(uri, (d) => codesAt(d, linesBefore + 2).length > 0 && !codesAt(d, linesBefore).includes('EB003'));
        assert.deepEqual(codesAt(after, linesBefore), [], 'the completed line is a valid event now');
        assert.deepEqual(codesAt(after, linesBefore + 1), []);
        assert.deepEqual(codesAt(after, linesBefore + 2), ['EB004'], 'the appended non-event');
        assert.deepEqual(codesAt(after, 2), ['EB001'], 'a finding above the append is kept');
    });
    (0, node_test_1.it)('after more appends (repeated ids and sequence numbers among them), every file shows what a fresh `eventbus validate` finds', async () => {
        const lines = fs.readFileSync(day, 'utf8').trimEnd().split('\n');
        const [status] = (await client.connection.sendRequest(protocol_1.StatusRequest.type, {})).stores;
        // Copies of earlier events: duplicate ids and sequence numbers, found by the store-wide rules.
        fs.appendFileSync(day, `${lines[5]}\n${lines[6]}\n${completeLine.replace('000000000001', '000000000003')}\n`);
        // Validated (not just indexed) with all three.
        await client.waitForStoreChanged((p) => p.reason === 'changed' && p.eventCount === status.eventCount + 3, 20_000);
        const cli = await (0, lspFixtures_1.cliValidate)(ws.folder);
        assert.ok(cli.some((f) => f.code === 'EB013' && f.line === lines.length + 1), 'the copied id is a duplicate now');
        const server = [];
        for (const abs of fs.readdirSync(path.join(ws.store, 'events')).map((f) => path.join(ws.store, 'events', f))) {
            const file = path.relative(ws.store, abs).split(path.sep).join('/');
            for (const d of client.diagnostics.get((0, uris_1.eventFileUriOf)(abs)) ?? [])
                server.push((0, lspFixtures_1.asFinding)(file, d));
        }
        assert.deepEqual(server.sort(lspFixtures_1.compareFindings), [...cli].sort(lspFixtures_1.compareFindings));
    });
});
//# sourceMappingURL=appendValidation.lsp.spec.js.map