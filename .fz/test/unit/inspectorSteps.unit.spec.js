"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const jumpToSequence_1 = require("../../src/webview/inspector/jumpToSequence");
const stepList_1 = require("../../src/webview/inspector/stepList");
const inspectorFixtures_1 = require("./inspectorFixtures");
function list(sequences, total = sequences.length) {
    return { steps: sequences.map((s) => (0, inspectorFixtures_1.step)(s)), total };
}
(0, node_test_1.describe)('inspector step list', () => {
    (0, node_test_1.it)('appends pages in order and asks for the next one until every step is there', () => {
        let steps = (0, stepList_1.addPage)(stepList_1.EMPTY_STEPS, { offset: 0, total: 5, steps: [(0, inspectorFixtures_1.step)(1), (0, inspectorFixtures_1.step)(2)] });
        strict_1.default.deepEqual((0, stepList_1.nextPage)(steps, 2), { offset: 2, limit: 2 });
        steps = (0, stepList_1.addPage)(steps, { offset: 2, total: 5, steps: [(0, inspectorFixtures_1.step)(3), (0, inspectorFixtures_1.step)(4)] });
        strict_1.default.deepEqual((0, stepList_1.nextPage)(steps, 2), { offset: 4, limit: 1 }, 'the last page asks only for what is left');
        steps = (0, stepList_1.addPage)(steps, { offset: 4, total: 5, steps: [(0, inspectorFixtures_1.step)(5)] });
        strict_1.default.equal((0, stepList_1.hasMore)(steps), false);
        strict_1.default.equal((0, stepList_1.nextPage)(steps, 2), undefined);
        strict_1.default.deepEqual(steps.steps.map((s) => s.sequence), [1, 2, 3, 4, 5]);
    });
    (0, node_test_1.it)('takes only the total from a page that would leave a hole, and replaces from an earlier offset', () => {
        const two = list([1, 2], 2);
        const grown = (0, stepList_1.addPage)(two, { offset: 10, total: 11, steps: [(0, inspectorFixtures_1.step)(11)] });
        strict_1.default.deepEqual(grown.steps.map((s) => s.sequence), [1, 2]);
        strict_1.default.equal(grown.total, 11);
        const reread = (0, stepList_1.addPage)(list([1, 2, 3]), { offset: 1, total: 3, steps: [(0, inspectorFixtures_1.step)(20), (0, inspectorFixtures_1.step)(30)] });
        strict_1.default.deepEqual(reread.steps.map((s) => s.sequence), [1, 20, 30]);
    });
    (0, node_test_1.it)('finds the state before a step: the previous step with a sequence, or one less than the first', () => {
        const steps = list([3, null, 7, 9]);
        strict_1.default.equal((0, stepList_1.sequenceBefore)(steps, 0), 2);
        strict_1.default.equal((0, stepList_1.sequenceBefore)(steps, 2), 3, 'skips the step without a sequence');
        strict_1.default.equal((0, stepList_1.sequenceBefore)(steps, 3), 7);
        strict_1.default.equal((0, stepList_1.sequenceBefore)(steps, 1), null, 'a step without a sequence has no state');
        strict_1.default.equal((0, stepList_1.indexOfSequence)(steps, 7), 2);
        strict_1.default.equal((0, stepList_1.indexOfSequence)(steps, 8), -1);
    });
    (0, node_test_1.it)('labels steps and positions', () => {
        strict_1.default.equal((0, stepList_1.stepLabel)((0, inspectorFixtures_1.step)(12, { type: 'OrderShipped' })), '#12 OrderShipped');
        strict_1.default.equal((0, stepList_1.stepLabel)((0, inspectorFixtures_1.step)(null)), '#– OrderPlaced');
        strict_1.default.equal((0, stepList_1.positionLabel)(list([1, 2, 3]), 1), 'step 2 of 3');
        // The position is in the whole aggregate, not in what is loaded (#14: no "500 loaded of 10,234").
        strict_1.default.equal((0, stepList_1.positionLabel)(list([1, 2], 1200), 0), 'step 1 of 1,200');
        strict_1.default.equal((0, stepList_1.positionLabel)(list([1, 2], 1200), 1099, true), 'step 1,100 of 1,200 (loading…)');
        strict_1.default.equal((0, stepList_1.positionLabel)(stepList_1.EMPTY_STEPS, null), 'no events');
        strict_1.default.deepEqual((0, stepList_1.stepFlags)((0, inspectorFixtures_1.step)(1, { status: 'failed', retryCount: 2 })), ['failed', 'retried 2×']);
        strict_1.default.deepEqual((0, stepList_1.stepFlags)((0, inspectorFixtures_1.step)(1)), []);
    });
});
(0, node_test_1.describe)('jump to sequence', () => {
    const steps = list([1, 2, 5, 6]);
    (0, node_test_1.it)('accepts a sequence that exists and names its index', () => {
        strict_1.default.deepEqual((0, jumpToSequence_1.validateJump)(' 5 ', steps), { kind: 'ok', index: 2 });
    });
    (0, node_test_1.it)('says what is wrong with what was typed', () => {
        const empty = (0, jumpToSequence_1.validateJump)('', steps);
        strict_1.default.equal(empty.kind, 'invalid');
        const word = (0, jumpToSequence_1.validateJump)('abc', steps);
        strict_1.default.ok(word.kind === 'invalid' && word.message.includes('"abc" is not a sequence number'), JSON.stringify(word));
        const fraction = (0, jumpToSequence_1.validateJump)('2.5', steps);
        strict_1.default.equal(fraction.kind, 'invalid');
        const missing = (0, jumpToSequence_1.validateJump)('3', steps);
        strict_1.default.ok(missing.kind === 'invalid' && missing.message.includes('from 1 to 6, with gaps'), JSON.stringify(missing));
        const huge = (0, jumpToSequence_1.validateJump)('99999999999999999999', steps);
        strict_1.default.ok(huge.kind === 'invalid' && huge.message.includes('too large'));
    });
    (0, node_test_1.it)('asks for more pages when the sequence may be on one not loaded yet', () => {
        const partial = list([1, 2, 3], 1000);
        strict_1.default.deepEqual((0, jumpToSequence_1.validateJump)('900', partial), { kind: 'loadMore', sequence: 900 });
        strict_1.default.equal((0, jumpToSequence_1.validateJump)('0', partial).kind, 'invalid', 'below the loaded range cannot be on a later page');
    });
});
//# sourceMappingURL=inspectorSteps.unit.spec.js.map