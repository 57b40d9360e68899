"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const diffRows_1 = require("../../src/webview/inspector/diffRows");
(0, node_test_1.describe)('diff rows from a jsondiffpatch delta', () => {
    (0, node_test_1.it)('has no rows for no delta', () => {
        strict_1.default.deepEqual((0, diffRows_1.rowsFromDelta)(undefined), []);
    });
    (0, node_test_1.it)('reads added, changed and removed leaves at JSON Pointer paths (escaping ~ and /)', () => {
        const rows = (0, diffRows_1.rowsFromDelta)({ status: ['placed', 'shipped'], 'a/b': [1], 'x~y': [true, 0, 0], address: { city: ['Oslo', 'Bergen'] } });
        strict_1.default.deepEqual(rows, [
            { path: '/status', kind: 'changed', before: 'placed', after: 'shipped' },
            { path: '/a~1b', kind: 'added', after: 1 },
            { path: '/x~0y', kind: 'removed', before: true },
            { path: '/address/city', kind: 'changed', before: 'Oslo', after: 'Bergen' },
        ]);
    });
    (0, node_test_1.it)('reads arrays: removals and moves by old index first, then additions and changes by new index', () => {
        const rows = (0, diffRows_1.rowsFromDelta)({
            items: {
                _t: 'a',
                2: [{ id: 'c' }],
                0: { qty: [1, 2] },
                _3: [{ id: 'd' }, 0, 0],
                _1: ['', 0, 3],
            },
        });
        strict_1.default.deepEqual(rows, [
            { path: '/items/1', kind: 'moved', movedTo: 0 },
            { path: '/items/3', kind: 'removed', before: { id: 'd' } },
            { path: '/items/0/qty', kind: 'changed', before: 1, after: 2 },
            { path: '/items/2', kind: 'added', after: { id: 'c' } },
        ]);
    });
    (0, node_test_1.it)('reads a change of the whole state and a text diff', () => {
        strict_1.default.deepEqual((0, diffRows_1.rowsFromDelta)([null, { a: 1 }]), [{ path: '', kind: 'changed', before: null, after: { a: 1 } }]);
        strict_1.default.deepEqual((0, diffRows_1.rowsFromDelta)({ note: ['@@ -1 +1 @@\n-a\n+b\n', 0, 2] }), [{ path: '/note', kind: 'text', patch: '@@ -1 +1 @@\n-a\n+b\n' }]);
    });
    (0, node_test_1.it)('refuses something that is not a delta, saying where', () => {
        strict_1.default.throws(() => (0, diffRows_1.rowsFromDelta)({ a: 5 }), /not a jsondiffpatch delta at "\/a"/);
        strict_1.default.throws(() => (0, diffRows_1.rowsFromDelta)({ a: [1, 2, 3, 4] }), /unknown leaf/);
    });
});
(0, node_test_1.describe)('diff view model', () => {
    (0, node_test_1.it)('summarises and turns every value into one line of text', () => {
        const view = (0, diffRows_1.diffView)([
            { path: '', kind: 'changed', before: 1, after: 2 },
            { path: '/html', kind: 'added', after: '<img src=x onerror=alert(1)>' },
            { path: '/gone', kind: 'removed', before: { deep: [1, 2] } },
            { path: '/list/0', kind: 'moved', movedTo: 3 },
        ]);
        strict_1.default.equal(view.summary, '1 added, 1 removed, 1 changed, 1 moved');
        strict_1.default.deepEqual(view.rows.map((r) => [r.path, r.label, r.before, r.after]), [
            ['(whole state)', 'changed', '1', '2'],
            ['/html', 'added', '', '"<img src=x onerror=alert(1)>"'],
            ['/gone', 'removed', '{"deep":[1,2]}', ''],
            ['/list/0', 'moved', '"(same value)"', 'to index 3'],
        ]);
        strict_1.default.equal(view.hidden, 0);
    });
    (0, node_test_1.it)('shows at most the limit and counts the rest', () => {
        const rows = Array.from({ length: 12 }, (_, i) => ({ path: `/k${i}`, kind: 'added', after: i }));
        const view = (0, diffRows_1.diffView)(rows, 10);
        strict_1.default.equal(view.rows.length, 10);
        strict_1.default.equal(view.hidden, 2);
        strict_1.default.equal(view.summary, '12 added');
        strict_1.default.equal((0, diffRows_1.diffView)([]).summary, 'no differences');
    });
});
//# sourceMappingURL=inspectorDiff.unit.spec.js.map