"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const causationTree_1 = require("../../src/engine/correlation/causationTree");
const renderCausationTree_1 = require("../../src/engine/correlation/renderCausationTree");
const stateTestStorage_1 = require("./stateTestStorage");
const T0 = Date.UTC(2024, 0, 15, 10, 30, 0);
let ordinal = 0;
function rec(eventId, causationId, aggregateId, offsetMs, eventType = 'trade_executed') {
    return { eventId, causationId, aggregateId, eventType, timestampMs: T0 + offsetMs, sequenceNumber: ordinal, ordinal: ordinal++ };
}
/** `id(child,child…)` outline of the forest, children in order. */
function outline(nodes) {
    return nodes.map((n) => (n.children.length > 0 ? `${n.event.eventId}(${outline(n.children)})` : n.event.eventId)).join(',');
}
(0, node_test_1.describe)('causation trees', () => {
    (0, node_test_1.it)('builds one tree across aggregates, children by time, with the time since the cause', () => {
        // Given out of order on purpose.
        const forest = (0, causationTree_1.buildCausationTree)([
            rec('exec', 'decision', 'trader_1', 12),
            rec('risk', 'exec', 'risk_1', 15, 'risk_alert'),
            rec('decision', null, 'trader_1', 0, 'trade_decision_made'),
            rec('perf', 'decision', 'perf', 5, 'performance_update'),
        ]);
        strict_1.default.equal(outline(forest.roots), 'decision(perf,exec(risk))');
        const exec = forest.roots[0].children[1];
        strict_1.default.equal(exec.sinceCauseMs, 12);
        strict_1.default.equal(exec.children[0].sinceCauseMs, 3);
        strict_1.default.equal(exec.children[0].depth, 2);
        strict_1.default.equal(forest.roots[0].sinceCauseMs, null);
        strict_1.default.deepEqual(forest.aggregates, ['trader_1', 'perf', 'risk_1']);
        strict_1.default.equal(forest.durationMs, 15);
        strict_1.default.equal(forest.brokenLinks, 0);
    });
    (0, node_test_1.it)('makes an event whose cause is not in the correlation a root marked brokenCause', () => {
        const forest = (0, causationTree_1.buildCausationTree)([
            rec('a', null, 'x', 0),
            rec('orphan', 'missing-id', 'y', 5),
            rec('child', 'orphan', 'y', 7),
        ]);
        strict_1.default.equal(outline(forest.roots), 'a,orphan(child)');
        strict_1.default.equal(forest.roots[1].brokenCause, true);
        strict_1.default.equal(forest.roots[0].brokenCause, undefined);
        strict_1.default.equal(forest.brokenLinks, 1);
    });
    (0, node_test_1.it)('ends on causation cycles, self-causes and duplicate ids, and includes every event once', () => {
        const events = [
            rec('root', null, 'x', 0),
            rec('loopA', 'loopB', 'x', 10),
            rec('loopB', 'loopC', 'y', 20),
            rec('loopC', 'loopA', 'z', 30),
            rec('tail', 'loopC', 'z', 40),
            rec('self', 'self', 'x', 50),
            rec('root', null, 'x', 60),
            rec('effect', 'root', 'x', 70),
        ];
        const forest = (0, causationTree_1.buildCausationTree)(events);
        strict_1.default.equal(forest.cycles, 2);
        strict_1.default.equal(forest.duplicateIds, 1);
        const count = (nodes) => nodes.reduce((n, node) => n + 1 + count(node.children), 0);
        strict_1.default.equal(count(forest.roots), events.length);
        // The loop (A caused by B, B by C, C by A) is cut at its earliest event, A, which becomes a root.
        strict_1.default.equal(outline(forest.roots), 'root(effect),loopA(loopC(loopB,tail)),self,root');
        strict_1.default.equal(forest.roots[1].cycle, true);
        strict_1.default.equal(forest.roots[2].cycle, true);
        strict_1.default.equal(forest.roots[3].duplicateId, true);
    });
    (0, node_test_1.it)('renders the tree with branches and gaps', () => {
        const forest = (0, causationTree_1.buildCausationTree)([
            rec('decision-0001', null, 'trader_1', 0, 'trade_decision_made'),
            rec('exec-0002', 'decision-0001', 'trader_1', 12),
            rec('risk-0003', 'exec-0002', 'risk_1', 15, 'risk_alert'),
            rec('perf-0004', 'decision-0001', 'perf', 1212, 'performance_update'),
            rec('lost-0005', 'nowhere-1234', 'perf', 2000, 'system_error'),
        ]);
        const text = (0, renderCausationTree_1.renderCausationTree)(forest);
        const lines = text.split('\n');
        strict_1.default.match(lines[0], /^trade_decision_made {2}trader_1 #\d+ {2}2024-01-15T10:30:00\.000Z {2}decision/);
        strict_1.default.match(lines[1], /^├─ trade_executed {2}trader_1 #\d+ {2}\+12 ms/);
        strict_1.default.match(lines[2], /^│ {2}└─ risk_alert {2}risk_1 #\d+ {2}\+3 ms/);
        strict_1.default.match(lines[3], /^└─ performance_update {2}perf #\d+ {2}\+1212 ms/);
        strict_1.default.match(lines[4], /^system_error .*\[cause nowhere- is not in this correlation\]$/);
        strict_1.default.match(lines[5], /^5 event\(s\), 3 aggregate\(s\), over 2000 ms, 1 broken causation link\(s\)$/);
    });
    (0, node_test_1.it)('formats gaps readably', () => {
        strict_1.default.equal((0, renderCausationTree_1.formatGap)(12), '+12 ms');
        strict_1.default.equal((0, renderCausationTree_1.formatGap)(0.25), '+0.25 ms');
        strict_1.default.equal((0, renderCausationTree_1.formatGap)(61_000), '+61.0 s');
        strict_1.default.equal((0, renderCausationTree_1.formatGap)(-3), '-3 ms');
        strict_1.default.equal((0, renderCausationTree_1.formatGap)(null), '+? ms');
    });
    (0, node_test_1.it)('takes full events as well as index records', () => {
        const cause = (0, stateTestStorage_1.ev)('a', 1, {}, 'trade_decision_made', { correlation_id: 'c' });
        const effect = (0, stateTestStorage_1.ev)('b', 1, {}, 'trade_executed', { correlation_id: 'c', causation_id: cause.metadata.event_id, timeMs: Date.UTC(2024, 0, 15, 10, 30, 1, 250) });
        const forest = (0, causationTree_1.buildCausationTree)([(0, causationTree_1.causationInputFromEvent)(effect), (0, causationTree_1.causationInputFromEvent)(cause)]);
        strict_1.default.equal(forest.roots.length, 1);
        strict_1.default.equal(forest.roots[0].event.eventId, cause.metadata.event_id);
        strict_1.default.equal(forest.roots[0].children[0].sinceCauseMs, 250);
    });
});
//# sourceMappingURL=correlationTree.unit.spec.js.map