"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const webviewProtocol_1 = require("../../src/shared/webviewProtocol");
const savedState_1 = require("../../src/webview/inspector/savedState");
const stateCache_1 = require("../../src/webview/inspector/stateCache");
(0, node_test_1.describe)('inspector saved state', () => {
    const choices = { mode: 'compare', selectedSequence: 7, compareA: 2, compareB: 7, snapshotSequence: null, loadedCount: 1000 };
    (0, node_test_1.it)('saves a state the serializer accepts, holding positions and not states', () => {
        const saved = (0, savedState_1.toSavedState)({ aggregateId: 'order-1', store: '/w/event_store' }, choices);
        strict_1.default.equal((0, webviewProtocol_1.isInspectorSavedState)(saved), true);
        strict_1.default.deepEqual(Object.keys(saved).sort(), ['compareA', 'compareB', 'loadedCount', 'mode', 'selectedSequence', 'snapshotSequence', 'subject', 'version']);
        strict_1.default.deepEqual(JSON.parse(JSON.stringify(saved)), saved, 'survives the trip to disk');
        strict_1.default.deepEqual((0, savedState_1.toSavedState)({ aggregateId: 'a' }, savedState_1.DEFAULT_CHOICES).subject, { aggregateId: 'a' });
    });
    (0, node_test_1.it)('restores the choices for the same aggregate, and defaults for another', () => {
        const saved = (0, savedState_1.toSavedState)({ aggregateId: 'order-1' }, choices);
        strict_1.default.deepEqual((0, savedState_1.restoreChoices)(saved, { aggregateId: 'order-1' }), choices);
        strict_1.default.deepEqual((0, savedState_1.restoreChoices)(saved, { aggregateId: 'order-2' }), savedState_1.DEFAULT_CHOICES);
        strict_1.default.deepEqual((0, savedState_1.restoreChoices)(saved, { aggregateId: 'order-1', store: '/other' }), savedState_1.DEFAULT_CHOICES, 'the same id in another store is another aggregate');
        strict_1.default.deepEqual((0, savedState_1.restoreChoices)(undefined, { aggregateId: 'order-1' }), savedState_1.DEFAULT_CHOICES);
    });
    (0, node_test_1.it)('lets the command’s focus sequence win over the saved selection', () => {
        const saved = (0, savedState_1.toSavedState)({ aggregateId: 'order-1' }, choices);
        const restored = (0, savedState_1.restoreChoices)(saved, { aggregateId: 'order-1', focusSequence: 3 });
        strict_1.default.equal(restored.selectedSequence, 3);
        strict_1.default.equal(restored.mode, 'step');
        strict_1.default.equal(restored.compareA, 2, 'the A/B picks are kept');
        strict_1.default.equal((0, savedState_1.sameSubject)({ aggregateId: 'a' }, { aggregateId: 'a', store: '' }), true);
    });
});
(0, node_test_1.describe)('state cache', () => {
    (0, node_test_1.it)('shares one fetch per sequence, drops the least recently used, and retries failures', async () => {
        const fetched = [];
        let fail = true;
        const cache = new stateCache_1.StateCache(async (sequence) => {
            fetched.push(sequence);
            if (sequence === 99 && fail)
                throw new Error('rebuild failed');
            return sequence * 10;
        }, 2);
        strict_1.default.equal(await cache.get(1), 10);
        strict_1.default.equal(await cache.get(1), 10);
        await cache.get(2);
        await cache.get(1); // 1 is now the most recent
        await cache.get(3); // evicts 2
        await cache.get(1);
        await cache.get(2);
        strict_1.default.deepEqual(fetched, [1, 2, 3, 2]);
        await strict_1.default.rejects(cache.get(99), /rebuild failed/);
        fail = false;
        strict_1.default.equal(await cache.get(99), 990, 'a failed rebuild is asked again');
    });
});
//# sourceMappingURL=inspectorState.unit.spec.js.map