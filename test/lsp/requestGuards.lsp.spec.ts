import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, DocumentSymbolRequest, HoverRequest, type TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { AggregatesRequest, EventByIdRequest } from '../../src/shared/protocol';
import { RefreshRequest, ValidateStoreRequest } from '../../src/shared/writeProtocol';
import { eventFileUriOf } from '../../src/shared/uris';
import { type GeneratedWorkspace, startOnGeneratedStore } from './lspFixtures';

async function errorOf(request: Promise<unknown>): Promise<{ code: number; message: string }> {
  try {
    await request;
  } catch (error) {
    return error as { code: number; message: string };
  }
  throw new Error('the request did not fail');
}

describe('requests with wrong parameters, cancelled requests, and the document state they leave', () => {
  let ws: GeneratedWorkspace;
  let uri = '';
  let lines: string[] = [];

  before(async () => {
    ws = await startOnGeneratedStore('eventbus-lsp-guards-', { events: 300, days: 1, seed: 31 });
    const [name] = fs.readdirSync(path.join(ws.store, 'events'));
    uri = eventFileUriOf(path.join(ws.store, 'events', name));
    lines = fs.readFileSync(path.join(ws.store, 'events', name), 'utf8').split('\n');
    ws.client.open(uri, lines.join('\n'));
    await ws.client.waitForVersion(uri, 1);
  });
  after(() => ws?.close());

  it('answers -32602 with what was expected, never -32603 with a raw JS message', async () => {
    const send = (method: string, params: unknown) => ws.client.connection.sendRequest(method, params);
    const cases: [string, unknown, RegExp][] = [
      ['textDocument/hover', { textDocument: { uri } }, /position must be \{line, character\}/],
      ['textDocument/hover', { textDocument: { uri }, position: { line: -1, character: 'x' } }, /position must be/],
      ['textDocument/hover', { position: { line: 0, character: 0 } }, /textDocument\.uri must be a non-empty string/],
      ['textDocument/documentSymbol', { textDocument: { uri: 42 } }, /textDocument\.uri must be a non-empty string, got 42/],
      ['textDocument/codeAction', { textDocument: { uri }, range: null, context: { diagnostics: [] } }, /range must be/],
      [AggregatesRequest.method, { store: 17 }, /store is required: the absolute path of the store folder .*, got 17/],
      [AggregatesRequest.method, 'not an object', /expected an object/],
      // No store named: refused, never answered from "the first store" (in a multi-root workspace that is a guess).
      [AggregatesRequest.method, { limit: 1 }, /store is required: the absolute path of the store folder the request is about/],
      [AggregatesRequest.method, undefined, /expected an object with store/],
      [EventByIdRequest.method, { eventId: 'x' }, /store is required/],
      [ValidateStoreRequest.method, {}, /store is required/],
      [RefreshRequest.method, {}, /store is required/],
    ];
    for (const [method, params, expected] of cases) {
      const error = await errorOf(send(method, params));
      assert.equal(error.code, -32602, `${method} ${JSON.stringify(params)}: ${error.message}`);
      assert.match(error.message, expected);
      assert.match(error.message, new RegExp(`^${method.replace('/', '\\/')}: invalid params`));
      assert.doesNotMatch(error.message, /Cannot read properties|undefined is not|is not a function/);
    }
  });

  it('honours $/cancelRequest: a hover cancelled while edits are queued answers -32800 (RequestCancelled)', async () => {
    // Edits first, so the hover waits its turn behind them; the cancel arrives while it waits.
    const at = { line: 10, character: lines[10].length };
    for (let k = 0; k < 50; k++) ws.client.change(uri, 2 + k, [{ range: { start: at, end: at }, text: '' }]);
    const source = new CancellationTokenSource();
    const hover = ws.client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 3 } }, source.token);
    source.cancel();
    const error = await errorOf(hover);
    assert.equal(error.code, -32800, error.message);
    await ws.client.waitForVersion(uri, 51);
  });

  it('after all that, the document is intact: a hover answers, symbols list every event, a real edit is validated', async () => {
    // On a causation_id: the hover describes the causing event.
    const line0 = lines.findIndex((l) => /"causation_id": ?"[0-9a-f-]{36}"/.test(l));
    const cause = /"causation_id": ?"([0-9a-f-]{36})"/.exec(lines[line0])![1];
    const hover = await ws.client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: line0, character: lines[line0].indexOf(cause) + 2 } });
    assert.ok(hover, 'a hover on a causation_id');
    const symbols = await ws.client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    assert.equal(symbols?.length, lines.filter((line) => line.trim().length > 0).length);
    // Break line 6's closing brace: EB001 (invalid JSON) on it in the next publish.
    const end = lines[5].length;
    const change: TextDocumentContentChangeEvent = { range: { start: { line: 5, character: end - 1 }, end: { line: 5, character: end } }, text: '' };
    ws.client.change(uri, 100, [change]);
    const diagnostics = await ws.client.waitForVersion(uri, 100);
    assert.ok(diagnostics.some((d) => d.range.start.line === 5 && d.code === 'EB001'), JSON.stringify(diagnostics.map((d) => [d.code, d.range.start.line])));
  });
});
