import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffView, rowsFromDelta } from '../../src/webview/inspector/diffRows';

describe('diff rows from a jsondiffpatch delta', () => {
  it('has no rows for no delta', () => {
    assert.deepEqual(rowsFromDelta(undefined), []);
  });

  it('reads added, changed and removed leaves at JSON Pointer paths (escaping ~ and /)', () => {
    const rows = rowsFromDelta({ status: ['placed', 'shipped'], 'a/b': [1], 'x~y': [true, 0, 0], address: { city: ['Oslo', 'Bergen'] } });
    assert.deepEqual(rows, [
      { path: '/status', kind: 'changed', before: 'placed', after: 'shipped' },
      { path: '/a~1b', kind: 'added', after: 1 },
      { path: '/x~0y', kind: 'removed', before: true },
      { path: '/address/city', kind: 'changed', before: 'Oslo', after: 'Bergen' },
    ]);
  });

  it('reads arrays: removals and moves by old index first, then additions and changes by new index', () => {
    const rows = rowsFromDelta({
      items: {
        _t: 'a',
        2: [{ id: 'c' }],
        0: { qty: [1, 2] },
        _3: [{ id: 'd' }, 0, 0],
        _1: ['', 0, 3],
      },
    });
    assert.deepEqual(rows, [
      { path: '/items/1', kind: 'moved', movedTo: 0 },
      { path: '/items/3', kind: 'removed', before: { id: 'd' } },
      { path: '/items/0/qty', kind: 'changed', before: 1, after: 2 },
      { path: '/items/2', kind: 'added', after: { id: 'c' } },
    ]);
  });

  it('reads a change of the whole state and a text diff', () => {
    assert.deepEqual(rowsFromDelta([null, { a: 1 }]), [{ path: '', kind: 'changed', before: null, after: { a: 1 } }]);
    assert.deepEqual(rowsFromDelta({ note: ['@@ -1 +1 @@\n-a\n+b\n', 0, 2] }), [{ path: '/note', kind: 'text', patch: '@@ -1 +1 @@\n-a\n+b\n' }]);
  });

  it('refuses something that is not a delta, saying where', () => {
    assert.throws(() => rowsFromDelta({ a: 5 }), /not a jsondiffpatch delta at "\/a"/);
    assert.throws(() => rowsFromDelta({ a: [1, 2, 3, 4] }), /unknown leaf/);
  });
});

describe('diff view model', () => {
  it('summarises and turns every value into one line of text', () => {
    const view = diffView([
      { path: '', kind: 'changed', before: 1, after: 2 },
      { path: '/html', kind: 'added', after: '<img src=x onerror=alert(1)>' },
      { path: '/gone', kind: 'removed', before: { deep: [1, 2] } },
      { path: '/list/0', kind: 'moved', movedTo: 3 },
    ]);
    assert.equal(view.summary, '1 added, 1 removed, 1 changed, 1 moved');
    assert.deepEqual(
      view.rows.map((r) => [r.path, r.label, r.before, r.after]),
      [
        ['(whole state)', 'changed', '1', '2'],
        ['/html', 'added', '', '"<img src=x onerror=alert(1)>"'],
        ['/gone', 'removed', '{"deep":[1,2]}', ''],
        ['/list/0', 'moved', '"(same value)"', 'to index 3'],
      ],
    );
    assert.equal(view.hidden, 0);
  });

  it('shows at most the limit and counts the rest', () => {
    const rows = Array.from({ length: 12 }, (_, i) => ({ path: `/k${i}`, kind: 'added' as const, after: i }));
    const view = diffView(rows, 10);
    assert.equal(view.rows.length, 10);
    assert.equal(view.hidden, 2);
    assert.equal(view.summary, '12 added');
    assert.equal(diffView([]).summary, 'no differences');
  });
});
