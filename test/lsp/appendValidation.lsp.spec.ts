import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { StatusRequest } from '../../src/shared/protocol';
import { eventFileUriOf } from '../../src/shared/uris';
import type { LspClient } from './lspClient';
import { asFinding, type CliFinding, cliValidate, compareFindings, type GeneratedWorkspace, startOnGeneratedStore } from './lspFixtures';

/** Store-wide rules (EB013-EB018: duplicates, sequences, causes, time order) look across lines; these tests are about each line. */
const STORE_WIDE = new Set(['EB013', 'EB014', 'EB015', 'EB016', 'EB017', 'EB018']);
const codesAt = (diagnostics: readonly Diagnostic[], line0: number) =>
  diagnostics.filter((d) => d.range.start.line === line0 && !STORE_WIDE.has(String(d.code))).map((d) => String(d.code));

describe('appends to a day file on disk are validated where they changed it', () => {
  let ws: GeneratedWorkspace;
  let client: LspClient;
  let day: string;
  let completeLine: string;
  let linesBefore: number;

  before(async () => {
    ws = await startOnGeneratedStore('eventbus-lsp-append-', { events: 300, days: 1, seed: 4 }, (store) => {
      day = path.join(store, 'events', fs.readdirSync(path.join(store, 'events')).filter((f) => f.endsWith('.jsonl'))[0]);
      const lines = fs.readFileSync(day, 'utf8').trimEnd().split('\n');
      // An early broken line, and a torn last line (a writer mid-append).
      lines[2] = '{"event_type": "broken", ';
      const template = JSON.parse(lines[lines.length - 1]) as { metadata: Record<string, unknown> };
      template.metadata.event_id = 'aaaaaaaa-bbbb-4ccc-8ddd-000000000001';
      completeLine = JSON.stringify(template);
      linesBefore = lines.length;
      fs.writeFileSync(day, `${lines.join('\n')}\n${completeLine.slice(0, 40)}`);
    });
    client = ws.client;
  });

  after(() => ws?.close());

  it('a torn tail completed by an append loses its EB003, the new lines are checked, and findings above are kept', async () => {
    const uri = eventFileUriOf(day);
    const first = await client.waitForDiagnostics(uri, (d) => codesAt(d, linesBefore).includes('EB003'));
    assert.deepEqual(codesAt(first, 2), ['EB001'], 'the early broken line');

    // The writer finishes the torn line, then writes one more event and one broken line.
    fs.appendFileSync(day, `${completeLine.slice(40)}\n${completeLine.replace('000000000001', '000000000002')}\n{"not": "an event"}\n`);
    const after = await client.waitForDiagnostics(uri, (d) => codesAt(d, linesBefore + 2).length > 0 && !codesAt(d, linesBefore).includes('EB003'));
    assert.deepEqual(codesAt(after, linesBefore), [], 'the completed line is a valid event now');
    assert.deepEqual(codesAt(after, linesBefore + 1), []);
    assert.deepEqual(codesAt(after, linesBefore + 2), ['EB004'], 'the appended non-event');
    assert.deepEqual(codesAt(after, 2), ['EB001'], 'a finding above the append is kept');
  });

  it('after more appends (repeated ids and sequence numbers among them), every file shows what a fresh `eventbus validate` finds', async () => {
    const lines = fs.readFileSync(day, 'utf8').trimEnd().split('\n');
    const [status] = (await client.connection.sendRequest(StatusRequest.type, {})).stores;
    // Copies of earlier events: duplicate ids and sequence numbers, found by the store-wide rules.
    fs.appendFileSync(day, `${lines[5]}\n${lines[6]}\n${completeLine.replace('000000000001', '000000000003')}\n`);
    // Validated (not just indexed) with all three.
    await client.waitForStoreChanged((p) => p.reason === 'changed' && p.eventCount === status.eventCount + 3, 20_000);
    const cli = await cliValidate(ws.folder);
    assert.ok(cli.some((f) => f.code === 'EB013' && f.line === lines.length + 1), 'the copied id is a duplicate now');
    const server: CliFinding[] = [];
    for (const abs of fs.readdirSync(path.join(ws.store, 'events')).map((f) => path.join(ws.store, 'events', f))) {
      const file = path.relative(ws.store, abs).split(path.sep).join('/');
      for (const d of client.diagnostics.get(eventFileUriOf(abs)) ?? []) server.push(asFinding(file, d));
    }
    assert.deepEqual(server.sort(compareFindings), [...cli].sort(compareFindings));
  });
});
