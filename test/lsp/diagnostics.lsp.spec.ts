import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as zlib from 'node:zlib';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { codeDescriptionHref } from '../../src/shared/codeLinks';
import { decompressedUriOf, eventFileUriOf, fileUriOf } from '../../src/shared/uris';
import { type LspClient, startServer } from './lspClient';
import { asFinding, type CliFinding, cliValidate, compareFindings as order, type FaultyWorkspace, GZ_FILE, HAND_FILE, makeFaultyWorkspace, messageText } from './lspFixtures';

function at(diagnostics: readonly Diagnostic[], code: string, line0: number): Diagnostic {
  const found = diagnostics.find((d) => d.code === code && d.range.start.line === line0);
  assert.ok(found, `expected ${code} on line ${line0 + 1}, got ${JSON.stringify(diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}`))}`);
  return found;
}

describe('diagnostics over stdio', () => {
  let ws: FaultyWorkspace;
  let client: LspClient;

  before(async () => {
    ws = await makeFaultyWorkspace();
    client = await startServer({ folder: ws.folder });
    await client.waitForStoreChanged((p) => p.reason === 'opened');
  });

  after(async () => {
    await client?.stop();
    ws?.cleanup();
  });

  it('initializes with incremental sync and the language features', () => {
    const caps = client.initializeResult.capabilities;
    assert.deepEqual(caps.textDocumentSync && typeof caps.textDocumentSync === 'object' ? caps.textDocumentSync.change : undefined, 2);
    assert.equal(caps.hoverProvider, true);
    assert.equal(caps.definitionProvider, true);
  });

  it('publishes, for every event file of the store (none open), exactly what `eventbus validate --format json` reports', async () => {
    const cli = await cliValidate(ws.folder);
    const server: CliFinding[] = [];
    for (const abs of ws.eventFiles) {
      const file = path.relative(ws.store, abs).split(path.sep).join('/');
      for (const d of client.diagnostics.get(eventFileUriOf(abs)) ?? []) server.push(asFinding(file, d));
    }
    // Not vacuous: the store has a fault of every kind the rules know from lines and from the whole store.
    const codes = new Set(cli.map((f) => f.code));
    for (const code of ['EB001', 'EB002', 'EB003', 'EB004', 'EB005', 'EB007', 'EB008', 'EB009', 'EB010', 'EB012', 'EB013', 'EB017']) {
      assert.ok(codes.has(code), `the fixture store should produce ${code}; CLI gave ${[...codes].join(', ')}`);
    }
    assert.ok(cli.some((f) => f.file === GZ_FILE), 'the gzip day has findings too');
    assert.deepEqual(server.sort(order), [...cli].sort(order));
  });

  it('gives each diagnostic its code, source and a link to the README table', () => {
    const diagnostics = client.diagnostics.get(fileUriOf(path.join(ws.store, HAND_FILE))) ?? [];
    assert.ok(diagnostics.length > 0);
    for (const d of diagnostics) {
      assert.equal(d.source, 'eventbus');
      assert.match(String(d.code), /^EB0\d\d$/);
      assert.equal(d.codeDescription?.href, codeDescriptionHref(String(d.code)));
    }
    assert.equal(codeDescriptionHref('EB007'), 'https://github.com/eventbus-debugger/eventbus-debugger#eb007');
  });

  it('puts each hand-written fault on its token', () => {
    const d = client.diagnostics.get(fileUriOf(path.join(ws.store, HAND_FILE))) ?? [];
    const { hand } = ws;
    const nan = at(d, 'EB002', 1);
    assert.deepEqual(nan.range, { start: { line: 1, character: hand.nan.indexOf('NaN') }, end: { line: 1, character: hand.nan.indexOf('NaN') + 3 } });
    assert.match(messageText(nan), /NaN/);
    const badId = at(d, 'EB007', 2);
    const idAt = hand.badId.indexOf('"not-a-uuid"');
    assert.deepEqual(badId.range, { start: { line: 2, character: idAt }, end: { line: 2, character: idAt + '"not-a-uuid"'.length } });
    assert.equal(badId.severity, 1);
    assert.match(messageText(at(d, 'EB005', 3)), /source/);
    const ts = at(d, 'EB008', 4);
    const tsAt = hand.badTimestamp.indexOf('"yesterday"');
    assert.deepEqual(ts.range, { start: { line: 4, character: tsAt }, end: { line: 4, character: tsAt + '"yesterday"'.length } });
    at(d, 'EB004', 5);
    const torn = at(d, 'EB003', 6);
    assert.equal(torn.severity, 2, 'a torn last line is a warning');
    assert.ok(!d.some((x) => x.range.start.line === 0 && ['EB001', 'EB002', 'EB004', 'EB005', 'EB007', 'EB008'].includes(String(x.code))), 'the valid line has no per-line finding');
  });

  it('validates a .jsonl.gz day opened under its eventbus: URI from the document text, as on disk', async () => {
    const gzPath = path.join(ws.store, GZ_FILE);
    const uri = decompressedUriOf(gzPath);
    assert.match(uri, /^eventbus:\/.*events_2024-01-15\.jsonl\.gz\?decompressed$/);
    const closed = client.diagnostics.get(uri) ?? [];
    assert.ok(closed.length > 0, 'the closed gzip day already had store-wide diagnostics');
    client.open(uri, zlib.gunzipSync(fs.readFileSync(gzPath)).toString('utf8'));
    const open = await client.waitForVersion(uri, 1);
    const key = (x: Diagnostic) => `${x.code}@${x.range.start.line}:${x.range.start.character}-${x.range.end.character}`;
    assert.deepEqual(open.map(key).sort(), closed.map(key).sort());
    client.close(uri);
  });

  it('applies severity settings per code without a restart, and "off" drops the code', async () => {
    const handUri = fileUriOf(path.join(ws.store, HAND_FILE));
    client.configure({ severity: { EB008: 'hint', EB012: 'off' } });
    const updated = await client.waitForDiagnostics(handUri, (d) => d.some((x) => x.code === 'EB008' && x.severity === 4));
    assert.equal(at(updated, 'EB007', 2).severity, 1, 'other codes keep their severity');
    await client.waitForDiagnostics(eventFileUriOf(path.join(ws.store, GZ_FILE)), (d) => !d.some((x) => x.code === 'EB012'));
    for (const abs of ws.eventFiles) {
      assert.ok(!(client.diagnostics.get(eventFileUriOf(abs)) ?? []).some((x) => x.code === 'EB012'), `EB012 is off in ${abs}`);
    }
    client.configure({});
    await client.waitForDiagnostics(handUri, (d) => d.some((x) => x.code === 'EB008' && x.severity === 1));
  });
});
