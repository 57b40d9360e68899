import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  type CodeAction,
  CompletionRequest,
  type CompletionItem,
  type Diagnostic,
  type TextEdit,
  WorkspaceSymbolRequest,
} from 'vscode-languageserver-protocol';
import { generateStoreSync } from '../../src/engine/generate/generateStore';
import { loadSchemaRegistry } from '../../src/engine/schema/loadSchemaRegistry';
import { ReplayAggregateCommand, ShowInTimelineCommand } from '../../src/shared/commands';
import { fileUriOf } from '../../src/shared/uris';
import { makeTempDir } from '../helpers/tempStore';
import { type LspClient, startServer } from './lspClient';

/** Applies single-line edits to one line's text. */
function applyToLine(line: string, edits: readonly TextEdit[]): string {
  let text = line;
  for (const edit of [...edits].sort((a, b) => b.range.start.character - a.range.start.character)) {
    const end = edit.range.end.line > edit.range.start.line ? text.length : edit.range.end.character;
    text = text.slice(0, edit.range.start.character) + edit.newText + text.slice(end);
  }
  return text.replace(/\n$/, '');
}

describe('completion, code actions and workspace symbols over stdio', () => {
  let folder: string;
  let store: string;
  let cleanup: () => void;
  let client: LspClient;
  let uri: string;
  let lines: string[];
  let diagnostics: Diagnostic[];

  before(async () => {
    ({ dir: folder, cleanup } = makeTempDir('eventbus-lsp-edit-'));
    store = path.join(folder, 'event_store');
    generateStoreSync({ events: 3000, days: 1, outDir: store, seed: 9, withErrors: true });
    client = await startServer({ folder, clientCommands: [ReplayAggregateCommand.id] });
    await client.waitForStoreChanged((p) => p.reason === 'opened');
    const file = path.join(store, 'events', 'events_2024-01-15.jsonl');
    uri = fileUriOf(file);
    const text = fs.readFileSync(file, 'utf8');
    lines = text.split('\n');
    client.open(uri, text);
    diagnostics = await client.waitForVersion(uri, 1, (d) => d.some((x) => x.code === 'EB012'));
  });

  after(async () => {
    await client?.stop();
    cleanup?.();
  });

  it('the upcast quick fix for EB012 rewrites the line to the newest schema, which then validates', async () => {
    const registry = await loadSchemaRegistry(store);
    const eb012 = diagnostics.find((d) => d.code === 'EB012') as Diagnostic;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: eb012.range,
      context: { diagnostics: [eb012] },
    })) as CodeAction[];
    const upcast = actions.find((a) => a.kind === 'quickfix' && a.edit?.changes?.[uri]);
    assert.ok(upcast, `an upcast fix among ${actions.map((a) => a.title).join(', ')}`);
    const fixed = JSON.parse(applyToLine(lines[eb012.range.start.line], upcast.edit!.changes![uri])) as {
      event_type: string;
      data: unknown;
      metadata: { schema_version: string };
    };
    assert.equal(fixed.metadata.schema_version, registry.newestVersion(fixed.event_type));
    assert.deepEqual(registry.validateData(fixed.event_type, fixed.metadata.schema_version, fixed.data), []);
  });

  it('offers only the commands the client declared it can run', async () => {
    const eb012 = diagnostics.find((d) => d.code === 'EB012') as Diagnostic;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: eb012.range,
      context: { diagnostics: [] },
    })) as CodeAction[];
    const commands = actions.filter((a) => a.command).map((a) => a.command!.command);
    assert.ok(commands.includes(ReplayAggregateCommand.id));
    assert.ok(!commands.includes(ShowInTimelineCommand.id), 'the client did not declare the timeline command');
  });

  it('the duplicate-id quick fix gives the line a new UUID', async () => {
    const eb013 = diagnostics.find((d) => d.code === 'EB013');
    assert.ok(eb013, 'the generated store has a duplicate event id');
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: eb013.range,
      context: { diagnostics: [eb013] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.edit?.changes?.[uri]);
    assert.ok(fix);
    const before = JSON.parse(lines[eb013.range.start.line]) as { metadata: { event_id: string } };
    const after = JSON.parse(applyToLine(lines[eb013.range.start.line], fix.edit!.changes![uri])) as { metadata: { event_id: string } };
    assert.notEqual(after.metadata.event_id, before.metadata.event_id);
    assert.match(after.metadata.event_id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('the missing-field quick fix for EB009 adds the required property, and the line then validates', async () => {
    const registry = await loadSchemaRegistry(store);
    const text = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);
    const missing = diagnostics.find((d) => d.code === 'EB009' && /missing required property/.test(text(d)));
    assert.ok(missing, 'the generated store has an event missing a required field');
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: missing.range,
      context: { diagnostics: [missing] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.edit?.changes?.[uri]);
    assert.ok(fix, `a fix among ${actions.map((a) => a.title).join(', ')}`);
    const property = /missing required property "([^"]+)"/.exec(text(missing))![1];
    const fixed = JSON.parse(applyToLine(lines[missing.range.start.line], fix.edit!.changes![uri])) as {
      event_type: string;
      data: Record<string, unknown>;
      metadata: { schema_version: string };
    };
    assert.ok(property in fixed.data, `${property} added`);
    const stillMissing = registry
      .validateData(fixed.event_type, fixed.metadata.schema_version, fixed.data)
      .filter((v) => v.keyword === 'required' && (v.params as { missingProperty?: string }).missingProperty === property);
    assert.deepEqual(stillMissing, []);
  });

  it('completes event types at the event_type value', async () => {
    const line = lines.findIndex((l) => l.startsWith('{"event_type":"'));
    const character = '{"event_type":"'.length;
    const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } });
    const items = (Array.isArray(result) ? result : (result?.items ?? [])) as CompletionItem[];
    const labels = items.map((i) => i.label);
    for (const type of ['trade_executed', 'market_data_received', 'system_health_check']) assert.ok(labels.includes(type), `${type} offered`);
  });

  it('finds an event by the start of its id across the workspace', async () => {
    const line = lines.find((l) => l.includes('"event_id":"'))!;
    const id = /"event_id":"([^"]+)"/.exec(line)![1];
    const symbols = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: id.slice(0, 8) });
    assert.ok(symbols && symbols.length >= 1);
    const location = (symbols[0] as { location: { uri: string; range: { start: { line: number } } } }).location;
    assert.equal(location.uri, uri);
    assert.ok(lines[location.range.start.line].includes(id.slice(0, 8)));
  });
});
