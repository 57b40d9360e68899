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
const node_test_1 = require("node:test");
const writeMigrate_1 = require("../../src/server/handlers/writeMigrate");
const writePlans_1 = require("../../src/server/handlers/writePlans");
const writeQueue_1 = require("../../src/server/handlers/writeQueue");
const writeStore_1 = require("../../src/server/handlers/writeStore");
const writeValidate_1 = require("../../src/server/handlers/writeValidate");
const finding = (file, code, severity, line = 1) => ({ file, line, column: 1, endLine: line, endColumn: 2, code, severity, message: code });
(0, node_test_1.describe)('server helpers for writes', () => {
    (0, node_test_1.it)('refuses a write unless the client says trusted', () => {
        assert.throws(() => (0, writeStore_1.requireTrusted)({ trusted: false }, 'Publish'), /Publish needs a trusted workspace: it writes to the event store/);
        assert.throws(() => (0, writeStore_1.requireTrusted)(undefined, 'Migrate'), /sent no "trusted": true/);
        assert.doesNotThrow(() => (0, writeStore_1.requireTrusted)({ trusted: true }, 'Publish'));
    });
    (0, node_test_1.it)('remembers plans by id, per store and kind, for a while', () => {
        const plans = new writePlans_1.PlanMemory();
        const id = plans.remember('cleanup', '/s', { x: 1 }, 0);
        assert.deepEqual(plans.recall('cleanup', '/s', id, 1000), { x: 1 });
        assert.throws(() => plans.recall('migration', '/s', id, 1000), /unknown or expired/);
        assert.throws(() => plans.recall('cleanup', '/other', id, 1000), /unknown or expired/);
        assert.throws(() => plans.recall('cleanup', '/s', id, 60 * 60_000), /run the command again/);
    });
    (0, node_test_1.it)('describes how a plan drifted, or nothing when it did not', () => {
        assert.equal((0, writePlans_1.describeDrift)(['a', 'b'], ['b', 'a']), undefined);
        assert.equal((0, writePlans_1.describeDrift)(['a (1 bytes)'], ['a (9 bytes)', 'c (1 bytes)']), 'now also a (9 bytes), c (1 bytes); no longer a (1 bytes)');
    });
    (0, node_test_1.it)('runs writes to one store one at a time, and a failure does not block the next', async () => {
        const queue = new writeQueue_1.WriteQueue();
        const order = [];
        let release;
        const first = queue.run('/s', () => new Promise((resolve) => (release = resolve)).then(() => void order.push('first')));
        const failing = queue.run('/s', async () => {
            order.push('second');
            throw new Error('boom');
        });
        const third = queue.run('/s', async () => void order.push('third'));
        const elsewhere = queue.run('/t', async () => void order.push('other store'));
        await elsewhere;
        assert.deepEqual(order, ['other store']);
        release();
        await first;
        await assert.rejects(failing, /boom/);
        await third;
        assert.deepEqual(order, ['other store', 'first', 'second', 'third']);
    });
    (0, node_test_1.it)('summarizes findings by effective severity, most errors first, leaving out silenced files', () => {
        const findings = {
            lineFindings: new Map([
                ['events/a.jsonl', [finding('events/a.jsonl', 'EB001', 'error'), finding('events/a.jsonl', 'EB011', 'warning', 2)]],
                ['events/b.jsonl', [finding('events/b.jsonl', 'EB001', 'error'), finding('events/b.jsonl', 'EB001', 'error', 3)]],
                ['events/c.jsonl', [finding('events/c.jsonl', 'EB011', 'warning')]],
                ['events/d.jsonl', []],
            ]),
            integrityFindings: new Map([['events/a.jsonl', [finding('events/a.jsonl', 'EB013', 'error', 5)]]]),
        };
        const summary = (0, writeValidate_1.summarizeFindings)(findings, { EB011: 'off' }, (file) => `file:///${file}`);
        assert.deepEqual(summary.problems, { error: 4, warning: 0, information: 0, hint: 0 });
        assert.deepEqual(summary.files.map((f) => [f.file, f.error, f.warning, f.uri]), [
            ['events/a.jsonl', 2, 0, 'file:///events/a.jsonl'],
            ['events/b.jsonl', 2, 0, 'file:///events/b.jsonl'],
        ]);
    });
    (0, node_test_1.it)('names backup folders by UTC time', () => {
        assert.equal((0, writeMigrate_1.backupStamp)(new Date('2024-01-15T10:30:00.123Z')), '20240115T103000Z');
    });
});
//# sourceMappingURL=commandsWriteHelpers.unit.spec.js.map