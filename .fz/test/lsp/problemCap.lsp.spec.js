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
const uris_1 = require("../../src/shared/uris");
const ownVocabularyStore_1 = require("../helpers/ownVocabularyStore");
const lspFixtures_1 = require("./lspFixtures");
const BROKEN_LINES = 120;
const EVENTS = 1500;
/** The diagnostic that stands for the problems left out. */
const hiddenOf = (diagnostics) => diagnostics.find((d) => d.data?.hiddenProblems !== undefined);
(0, node_test_1.describe)('the Problems panel gets a bounded number of diagnostics per file, repeated causes once', () => {
    let ws;
    let uri;
    (0, node_test_1.before)(async () => {
        ws = await (0, lspFixtures_1.startOnGeneratedStore)('eventbus-lsp-cap-', { events: EVENTS, days: 1, seed: 21 }, (store) => {
            const day = path.join(store, 'events', fs.readdirSync(path.join(store, 'events'))[0]);
            // Every event of a type and status of the store's own (no schema folder, no config), and 120 lines of broken JSON.
            const lines = fs.readFileSync(day, 'utf8').trimEnd().split('\n').map(ownVocabularyStore_1.renameVocabulary);
            for (let i = 0; i < BROKEN_LINES; i++)
                lines.splice(10 + i * 10, 0, `{"broken": ${i}`);
            fs.writeFileSync(day, `${lines.join('\n')}\n`);
            uri = (0, uris_1.eventFileUriOf)(day);
            fs.writeFileSync(path.join(path.dirname(store), '.cap-day'), day);
        });
        ws.client.configure({ maxProblemsPerFile: 50 });
    });
    (0, node_test_1.after)(() => ws?.close());
    (0, node_test_1.it)('at most maxProblemsPerFile, errors first, the rest counted by code in one diagnostic on the first line', async () => {
        const diagnostics = await ws.client.waitForDiagnostics(uri, (d) => d.length > 0 && d.length <= 50 && hiddenOf(d) !== undefined);
        assert.equal(diagnostics.length, 50);
        const hidden = hiddenOf(diagnostics);
        assert.equal(hidden.range.start.line, 0);
        const shown = diagnostics.filter((d) => d !== hidden);
        assert.ok(shown.every((d) => d.code === 'EB001'), 'the errors take the places first');
        const unknownTypes = new Set(fs.readFileSync(fs.readFileSync(path.join(ws.folder, '.cap-day'), 'utf8'), 'utf8').match(/"acme\.[^"]+"/g)).size;
        assert.ok(unknownTypes >= 5);
        // 71 broken lines left out, and one finding per unknown type and per unknown status.
        assert.match((0, lspFixtures_1.messageText)(hidden), new RegExp(`^\\d+ more problems in this file are not listed here \\(${BROKEN_LINES - 49} EB001, ${unknownTypes} EB011, \\d+ EB020\\)`));
        assert.match((0, lspFixtures_1.messageText)(hidden), /validate --all/);
        const statuses = Number(/(\d+) EB020/.exec((0, lspFixtures_1.messageText)(hidden))?.[1]);
        assert.equal(hidden.data.hiddenProblems, BROKEN_LINES - 49 + unknownTypes + statuses);
        assert.equal(Number(/^(\d+)/.exec((0, lspFixtures_1.messageText)(hidden))?.[1]), BROKEN_LINES - 49 + unknownTypes + statuses);
    });
    (0, node_test_1.it)('with room for all: each unknown type is one diagnostic with its count, its first places as related information', async () => {
        ws.client.configure({ maxProblemsPerFile: 1000 });
        const diagnostics = await ws.client.waitForDiagnostics(uri, (d) => hiddenOf(d) === undefined && d.some((x) => x.code === 'EB011'));
        assert.equal(diagnostics.filter((d) => d.code === 'EB001').length, BROKEN_LINES);
        const types = diagnostics.filter((d) => d.code === 'EB011');
        const counted = types.map((d) => Number(/\(([\d,]+) events with this cause/.exec((0, lspFixtures_1.messageText)(d))?.[1]?.replace(/,/g, '') ?? 1));
        assert.equal(counted.reduce((a, b) => a + b, 0), EVENTS, 'every event is counted under its type');
        const big = types.find((d) => (d.relatedInformation?.length ?? 0) === 5);
        assert.ok(big, 'a repeated type lists its first five places');
        assert.equal(big.relatedInformation?.[0].location.range.start.line, big.range.start.line, 'the first place is where it is shown');
        assert.equal(big.relatedInformation?.[0].location.uri, uri);
        assert.ok(diagnostics.length < 200, `not one per event (${diagnostics.length})`);
    });
});
//# sourceMappingURL=problemCap.lsp.spec.js.map