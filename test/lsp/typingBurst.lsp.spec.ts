import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Diagnostic, DocumentSymbolRequest, type Hover, HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol';
import { fileUriOf } from '../../src/shared/uris';
import { type GeneratedWorkspace, startOnGeneratedStore } from './lspFixtures';

/**
 * Issue 13, case 4: a burst of incremental edits sent without waiting. The
 * server applies them cheaply and checks lines later, once typing pauses; what
 * it answers and publishes must still be about the current text: a hover after
 * the burst sees the last edit, and no publish carries a version whose text
 * its diagnostics do not describe (a validation of an older text is never
 * published under a newer version).
 */
describe('a burst of edits: answers follow the current version, stale checks are not published', () => {
  let ws: GeneratedWorkspace;
  let uri: string;
  let lines: string[];
  let version = 1;

  before(async () => {
    ws = await startOnGeneratedStore('eventbus-lsp-burst-', { events: 4000, days: 1, seed: 13 });
    const file = path.join(ws.store, 'events', 'events_2024-01-15.jsonl');
    uri = fileUriOf(file);
    const text = fs.readFileSync(file, 'utf8');
    lines = text.split('\n');
    ws.client.open(uri, text);
    await ws.client.waitForVersion(uri, 1);
  });

  after(async () => ws?.close());

  const eb001On = (diagnostics: readonly Diagnostic[], line0: number) => diagnostics.some((d) => d.code === 'EB001' && d.range.start.line === line0);

  it('a hover sent right after 300 edits of an event_type describes the type of the last edit', async () => {
    // Inside the outline (its first DOCUMENT_SYMBOLS_LINE_CAP lines).
    const line0 = 1000;
    const opening = /"event_type": ?"/.exec(lines[line0]);
    assert.ok(opening, lines[line0]);
    const valueStart = opening.index + opening[0].length;
    let valueEnd = lines[line0].indexOf('"', valueStart);
    for (let k = 1; k <= 300; k++) {
      const name = `BurstType${k}`;
      ws.client.change(uri, ++version, [{ range: { start: { line: line0, character: valueStart }, end: { line: line0, character: valueEnd } }, text: name }]);
      valueEnd = valueStart + name.length;
    }
    const hover = (await ws.client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: line0, character: valueStart + 3 },
    })) as Hover | null;
    assert.ok(hover, 'a hover on the edited event_type');
    const markdown = (hover.contents as MarkupContent).value;
    assert.match(markdown, /BurstType300\b/, markdown);
    assert.doesNotMatch(markdown, /BurstType299\b/);
    // Symbols come from the same current text: the edited line's symbol names the new type.
    const symbols = await ws.client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    assert.ok(symbols?.some((s) => s.name.includes('BurstType300')), 'the outline shows the last edit');
    await ws.client.waitForVersion(uri, version);
  });

  it('200 edits that break and mend one line: every publish describes the text of its own version', async () => {
    const line0 = 1500;
    const firstVersion = version + 1;
    const publishedBefore = ws.client.publishes.length;
    const end = lines[line0].length;
    // Odd steps drop the closing brace (EB001 on the line), even steps put it back; the burst ends broken.
    const steps = 201;
    for (let k = 1; k <= steps; k++) {
      const change =
        k % 2 === 1
          ? { range: { start: { line: line0, character: end - 1 }, end: { line: line0, character: end } }, text: '' }
          : { range: { start: { line: line0, character: end - 1 }, end: { line: line0, character: end - 1 } }, text: '}' };
      ws.client.change(uri, ++version, [change]);
    }
    const last = await ws.client.waitForVersion(uri, version, undefined, 60_000);
    assert.ok(eb001On(last, line0), 'the last version has the line broken');
    const during = ws.client.publishes.slice(publishedBefore).filter((p) => p.uri === uri);
    assert.ok(during.length < steps / 2, `the burst was checked and published in a few goes, not per edit (${during.length} publishes)`);
    for (const publish of during) {
      assert.ok(publish.version !== undefined && publish.version >= firstVersion, `a publish of version ${publish.version}`);
      const broken = (publish.version - firstVersion) % 2 === 0;
      assert.equal(eb001On(publish.diagnostics, line0), broken, `version ${publish.version}: the line is ${broken ? 'broken' : 'whole'} in that text`);
    }
    const versions = during.map((p) => p.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'versions are published in order');
  });

  it('typing spaces into a clean line republishes the same diagnostics under the new version, and a real break after it is still seen', async () => {
    const line0 = 2500;
    const before = await ws.client.waitForVersion(uri, version);
    const at = lines[line0].length - 1;
    for (let k = 0; k < 100; k++) ws.client.change(uri, ++version, [{ range: { start: { line: line0, character: at }, end: { line: line0, character: at } }, text: ' ' }]);
    const spaced = await ws.client.waitForVersion(uri, version);
    const key = (d: Diagnostic) => `${d.code}@${d.range.start.line}:${d.range.start.character}`;
    assert.deepEqual(spaced.map(key).sort(), before.map(key).sort());
    // Drop the line's opening brace: now it is broken, and the next publish says so.
    ws.client.change(uri, ++version, [{ range: { start: { line: line0, character: 0 }, end: { line: line0, character: 1 } }, text: '' }]);
    const broken = await ws.client.waitForVersion(uri, version);
    assert.ok(broken.some((d) => d.range.start.line === line0 && d.code === 'EB001'), JSON.stringify(broken.filter((d) => d.range.start.line === line0)));
  });
});
