"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.snapshotPrototypes = snapshotPrototypes;
exports.assertPrototypesUntouched = assertPrototypesUntouched;
exports.assertNoForbiddenKeys = assertNoForbiddenKeys;
const strict_1 = __importDefault(require("node:assert/strict"));
const safeMerge_1 = require("../../src/engine/model/safeMerge");
function snapshotPrototypes() {
    return { object: Object.getOwnPropertyNames(Object.prototype).sort(), array: Object.getOwnPropertyNames(Array.prototype).sort() };
}
function assertPrototypesUntouched(before) {
    strict_1.default.deepEqual(snapshotPrototypes(), before, 'Object.prototype or Array.prototype gained or lost a property');
    const probe = {};
    for (const name of ['polluted', 'isAdmin', 'x'])
        strict_1.default.equal(probe[name], undefined, `({}).${name} is inherited from a polluted prototype`);
}
/** Every object reachable from `value` has the ordinary prototype and no forbidden own key (walked without recursion). */
function assertNoForbiddenKeys(value, where = 'state') {
    const pending = [[value, where]];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
        const [node, path] = next;
        if (node === null || typeof node !== 'object')
            continue;
        const proto = Object.getPrototypeOf(node);
        strict_1.default.ok(proto === Object.prototype || proto === Array.prototype || proto === null, `${path} has a foreign prototype`);
        for (const key of Object.keys(node)) {
            if (!Array.isArray(node))
                strict_1.default.ok(!(0, safeMerge_1.isForbiddenKey)(key), `${path} has the own key ${JSON.stringify(key)}`);
            pending.push([node[key], `${path}.${key}`]);
        }
    }
}
//# sourceMappingURL=fuzzPrototype.js.map