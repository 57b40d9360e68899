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
const zlib = __importStar(require("node:zlib"));
const codeLinks_1 = require("../../src/shared/codeLinks");
const uris_1 = require("../../src/shared/uris");
const lspClient_1 = require("./lspClient");
const lspFixtures_1 = require("./lspFixtures");
function at(diagnostics, code, line0) {
    const found = diagnostics.find((d) => d.code === code && d.range.start.line === line0);
    assert.ok(found, `expected ${code} on line ${line0 + 1}, got ${JSON.stringify(diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}`))}`);
    return found;
}
(0, node_test_1.describe)('diagnostics over stdio', () => {
    let ws;
    let client;
    (0, node_test_1.before)(async () => {
        ws = await (0, lspFixtures_1.makeFaultyWorkspace)();
        client = await (0, lspClient_1.startServer)({ folder: ws.folder });
        await client.waitForStoreChanged((p) => p.reason === 'opened');
    });
    (0, node_test_1.after)(async () => {
        await client?.stop();
        ws?.cleanup();
    });
    (0, node_test_1.it)('initializes with incremental sync and the language features', () => {
        const caps = client.initializeResult.capabilities;
        assert.deepEqual(caps.textDocumentSync && typeof caps.textDocumentSync === 'object' ? caps.textDocumentSync.change : undefined, 2);
        assert.equal(caps.hoverProvider, true);
        assert.equal(caps.definitionProvider, true);
    });
    (0, node_test_1.it)('publishes, for every event file of the store (none open), exactly what `eventbus validate --format json` reports', async () => {
        const cli = await (0, lspFixtures_1.cliValidate)(ws.folder);
        const server = [];
        for (const abs of ws.eventFiles) {
            const file = path.relative(ws.store, abs).split(path.sep).join('/');
            for (const d of client.diagnostics.get((0, uris_1.eventFileUriOf)(abs)) ?? [])
                server.push((0, lspFixtures_1.asFinding)(file, d));
        }
        // Not vacuous: the store has a fault of every kind the rules know from lines and from the whole store.
        const codes = new Set(cli.map((f) => f.code));
        for (const code of ['EB001', 'EB002', 'EB003', 'EB004', 'EB005', 'EB007', 'EB008', 'EB009', 'EB010', 'EB012', 'EB013', 'EB017']) {
            assert.ok(codes.has(code), `the fixture store should produce ${code}; CLI gave ${[...codes].join(', ')}`);
        }
        assert.ok(cli.some((f) => f.file === lspFixtures_1.GZ_FILE), 'the gzip day has findings too');
        assert.deepEqual(server.sort(lspFixtures_1.compareFindings), [...cli].sort(lspFixtures_1.compareFindings));
    });
    (0, node_test_1.it)('gives each diagnostic its code, source and a link to the README table', () => {
        const diagnostics = client.diagnostics.get((0, uris_1.fileUriOf)(path.join(ws.store, lspFixtures_1.HAND_FILE))) ?? [];
        assert.ok(diagnostics.length > 0);
        for (const d of diagnostics) {
            assert.equal(d.source, 'eventbus');
            assert.match(String(d.code), /^EB0\d\d$/);
            assert.equal(d.codeDescription?.href, (0, codeLinks_1.codeDescriptionHref)(String(d.code)));
        }
        assert.equal((0, codeLinks_1.codeDescriptionHref)('EB007'), 'https://github.com/eventbus-debugger/eventbus-debugger#eb007');
    });
    (0, node_test_1.it)('puts each hand-written fault on its token', () => {
        const d = client.diagnostics.get((0, uris_1.fileUriOf)(path.join(ws.store, lspFixtures_1.HAND_FILE))) ?? [];
        const { hand } = ws;
        const nan = at(d, 'EB002', 1);
        assert.deepEqual(nan.range, { start: { line: 1, character: hand.nan.indexOf('NaN') }, end: { line: 1, character: hand.nan.indexOf('NaN') + 3 } });
        assert.match((0, lspFixtures_1.messageText)(nan), /NaN/);
        const badId = at(d, 'EB007', 2);
        const idAt = hand.badId.indexOf('"not-a-uuid"');
        assert.deepEqual(badId.range, { start: { line: 2, character: idAt }, end: { line: 2, character: idAt + '"not-a-uuid"'.length } });
        assert.equal(badId.severity, 1);
        assert.match((0, lspFixtures_1.messageText)(at(d, 'EB005', 3)), /source/);
        const ts = at(d, 'EB008', 4);
        const tsAt = hand.badTimestamp.indexOf('"yesterday"');
        assert.deepEqual(ts.range, { start: { line: 4, character: tsAt }, end: { line: 4, character: tsAt + '"yesterday"'.length } });
        at(d, 'EB004', 5);
        const torn = at(d, 'EB003', 6);
        assert.equal(torn.severity, 2, 'a torn last line is a warning');
        assert.ok(!d.some((x) => x.range.start.line === 0 && ['EB001', 'EB002', 'EB004', 'EB005', 'EB007', 'EB008'].includes(String(x.code))), 'the valid line has no per-line finding');
    });
    (0, node_test_1.it)('validates a .jsonl.gz day opened under its eventbus: URI from the document text, as on disk', async () => {
        const gzPath = path.join(ws.store, lspFixtures_1.GZ_FILE);
        const uri = (0, uris_1.decompressedUriOf)(gzPath);
        assert.match(uri, /^eventbus:\/.*events_2024-01-15\.jsonl\.gz\?decompressed$/);
        const closed = client.diagnostics.get(uri) ?? [];
        assert.ok(closed.length > 0, 'the closed gzip day already had store-wide diagnostics');
        client.open(uri, zlib.gunzipSync(fs.readFileSync(gzPath)).toString('utf8'));
        const open = await client.waitForVersion(uri, 1);
        const key = (x) => `${x.code}@${x.range.start.line}:${x.range.start.character}-${x.range.end.character}`;
        assert.deepEqual(open.map(key).sort(), closed.map(key).sort());
        client.close(uri);
    });
    (0, node_test_1.it)('applies severity settings per code without a restart, and "off" drops the code', async () => {
        const handUri = (0, uris_1.fileUriOf)(path.join(ws.store, lspFixtures_1.HAND_FILE));
        client.configure({ severity: { EB008: 'hint', EB012: 'off' } });
        const updated = await client.waitForDiagnostics(handUri, (d) => d.some((x) => x.code === 'EB008' && x.severity === 4));
        assert.equal(at(updated, 'EB007', 2).severity, 1, 'other codes keep their severity');
        await client.waitForDiagnostics((0, uris_1.eventFileUriOf)(path.join(ws.store, lspFixtures_1.GZ_FILE)), (d) => !d.some((x) => x.code === 'EB012'));
        for (const abs of ws.eventFiles) {
            assert.ok(!(client.diagnostics.get((0, uris_1.eventFileUriOf)(abs)) ?? []).some((x) => x.code === 'EB012'), `EB012 is off in ${abs}`);
        }
        client.configure({});
        await client.waitForDiagnostics(handUri, (d) => d.some((x) => x.code === 'EB008' && x.severity === 1));
    });
});
//# sourceMappingURL=diagnostics.lsp.spec.js.map