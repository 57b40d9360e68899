"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const event_1 = require("../../src/engine/model/event");
const deepFreeze_1 = require("../../src/engine/model/deepFreeze");
/** `{ "a": { "a": … } }` nested `depth` deep, built without recursion. */
function nested(depth) {
    const root = {};
    let at = root;
    for (let i = 0; i < depth; i++) {
        const next = {};
        at.a = next;
        at = next;
    }
    at.leaf = [1, { x: 2 }];
    return root;
}
function innermost(value) {
    let at = value;
    while (at.a)
        at = at.a;
    return at;
}
(0, node_test_1.describe)('deep freezing of events from systems we do not control', () => {
    (0, node_test_1.it)('freezes data nested 100,000 deep without overflowing the stack, down to the innermost array', () => {
        const data = nested(100_000);
        const event = (0, event_1.createEvent)('deep_event', data);
        const leaf = innermost(event.data);
        strict_1.default.equal(Object.isFrozen(leaf), true);
        strict_1.default.equal(Object.isFrozen(leaf.leaf), true);
        strict_1.default.equal(Object.isFrozen(leaf.leaf[1]), true);
        strict_1.default.throws(() => {
            'use strict';
            leaf.leaf = 'changed';
        }, TypeError);
        strict_1.default.equal(Object.isFrozen(event.metadata), true);
    });
    (0, node_test_1.it)('freezes a part shared by two keys, and leaves primitives alone', () => {
        const shared = { n: 1, list: [{ m: 2 }] };
        const value = (0, deepFreeze_1.deepFreeze)({ left: shared, right: shared });
        strict_1.default.equal(Object.isFrozen(value.right.list[0]), true);
        strict_1.default.equal((0, deepFreeze_1.deepFreeze)(5), 5);
        strict_1.default.equal((0, deepFreeze_1.deepFreeze)(null), null);
    });
});
//# sourceMappingURL=deepFreeze.unit.spec.js.map