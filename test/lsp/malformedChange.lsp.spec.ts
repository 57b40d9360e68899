import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { eventFileUriOf } from '../../src/shared/uris';
import { type GeneratedWorkspace, startOnGeneratedStore } from './lspFixtures';

describe('a malformed didChange', () => {
  let ws: GeneratedWorkspace;
  before(async () => {
    ws = await startOnGeneratedStore('eventbus-lsp-malformed-', { events: 200, days: 1, seed: 21 });
  });
  after(() => ws?.close());

  it('with text null is refused whole: the document stays as it was and later edits apply normally', async () => {
    const [name] = fs.readdirSync(path.join(ws.store, 'events'));
    const uri = eventFileUriOf(path.join(ws.store, 'events', name));
    const text = fs.readFileSync(path.join(ws.store, 'events', name), 'utf8');
    ws.client.open(uri, text);
    const before = await ws.client.waitForVersion(uri, 1);
    const at = { line: 0, character: 0 };
    ws.client.change(uri, 2, [{ range: { start: at, end: at }, text: null } as unknown as TextDocumentContentChangeEvent]);
    // A harmless edit after it: an empty insertion, so the text must equal the original.
    ws.client.change(uri, 3, [{ range: { start: at, end: at }, text: '' }]);
    const after = await ws.client.waitForVersion(uri, 3);
    assert.deepEqual(after.map((d) => [d.code, d.range.start.line]), before.map((d) => [d.code, d.range.start.line]), 'no "null" was inserted (it would be EB001 on line 1)');
    assert.ok(ws.client.logs.some((line) => /didChange .* ignored: contentChanges\[0\]\.text must be a string, got null/.test(line)), 'the refusal is logged');
  });
});
