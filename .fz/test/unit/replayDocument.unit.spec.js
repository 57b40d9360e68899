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
const replayDocumentText_1 = require("../../src/extension/replay/replayDocumentText");
const row = (over) => ({
    eventId: 'aaaaaaaa-0000',
    aggregateId: 'trader_1',
    sequence: 4,
    timestamp: '2024-01-15T10:30:00.000Z',
    type: 'trade_executed',
    source: 'TradingBot',
    changes: ['/position: 1 → 2'],
    moreChanges: 0,
    ...over,
});
(0, node_test_1.describe)('the replay document', () => {
    (0, node_test_1.it)('one row per event with sequence, time, type, source and the change; #seq and inspect are links', () => {
        const rows = [row({}), row({ eventId: 'bbbbbbbb-1111', sequence: 5, type: 'risk\nalert', changes: ['+ /alerts/0: "x"', '/level: 1 → 2'], moreChanges: 3 }), row({ eventId: 'c', sequence: 6, changes: [] })];
        const doc = (0, replayDocumentText_1.renderReplayDocument)('Replay of aggregate trader_1, all', { rows, truncated: false, foldProblem: null, causationTree: null }, false);
        const lines = doc.text.split('\n');
        const first = lines.findIndex((l) => l.startsWith('#4 '));
        assert.match(lines[first], /^#4\s+2024-01-15T10:30:00\.000Z\s+trade_executed\s+TradingBot\s+inspect\s+\/position: 1 → 2$/);
        assert.match(lines[first + 1], /^#5\s.*risk alert\s.*inspect\s+\+ \/alerts\/0: "x"$/, 'a newline from the store stays on its row');
        const column = lines[first + 1].indexOf('+ /alerts');
        assert.equal(lines[first + 2].indexOf('/level: 1 → 2'), column, 'more changes line up under the first');
        assert.equal(lines[first + 3].trim(), '… and 3 more');
        assert.match(lines[first + 4], /^#6 .*\(no change\)$/);
        const onFirst = doc.links.filter((l) => l.line === first);
        assert.deepEqual(onFirst.map((l) => lines[first].slice(l.start, l.end)), ['#4', 'inspect']);
        assert.deepEqual(onFirst.map((l) => l.target), [
            { kind: 'event', eventId: 'aaaaaaaa-0000', title: 'trade_executed #4 (trader_1)' },
            { kind: 'inspect', aggregateId: 'trader_1', sequence: 4 },
        ]);
    });
    (0, node_test_1.it)('a correlation shows each row\'s aggregate and the causation tree, whose ids open their events', () => {
        const tree = ['trade_decision_made  trader_1 #4  2024-01-15T10:30:00.000Z  aaaaaaaa', '└─ trade_executed  risk_1 #9  +12 ms  bbbbbbbb', '2 event(s), 2 aggregate(s), over 12 ms'].join('\n');
        const rows = [row({ type: 'trade_decision_made' }), row({ eventId: 'bbbbbbbb-1111', aggregateId: 'risk_1', sequence: 9, changes: null })];
        const doc = (0, replayDocumentText_1.renderReplayDocument)('Replay of correlation c-1', { rows, truncated: true, foldProblem: 'a reducer failed', causationTree: tree }, true);
        const lines = doc.text.split('\n');
        assert.ok(lines.some((l) => /^risk_1\s+#9 .*\(not folded\)$/.test(l)));
        assert.ok(lines.includes('State changes are not shown: a reducer failed'));
        assert.ok(lines.some((l) => l.startsWith('Showing the first 2 events')));
        const hop = lines.indexOf('└─ trade_executed  risk_1 #9  +12 ms  bbbbbbbb');
        assert.ok(hop > 0, doc.text);
        const link = doc.links.find((l) => l.line === hop);
        assert.equal(lines[hop].slice(link.start, link.end), 'bbbbbbbb');
        assert.deepEqual(link.target, { kind: 'event', eventId: 'bbbbbbbb-1111', title: 'trade_executed #9 (risk_1)' });
    });
});
//# sourceMappingURL=replayDocument.unit.spec.js.map