import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { eventFileUriOf } from '../../src/shared/uris';
import type { LspClient } from './lspClient';
import { type GeneratedWorkspace, startOnGeneratedStore } from './lspFixtures';

const NEW_FIELD = 'field_the_schema_now_requires';

/** Store-wide: every published diagnostic of the store's event files. */
function schemaFindings(client: LspClient, files: readonly string[]): Diagnostic[] {
  return files.flatMap((abs) => (client.diagnostics.get(eventFileUriOf(abs)) ?? []).filter((d) => d.code === 'EB009' && JSON.stringify(d.message).includes(NEW_FIELD)));
}

async function until(what: string, test: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('schema files edited while the store is open', () => {
  let ws: GeneratedWorkspace;
  let store: string;
  let client: LspClient;
  let eventFiles: string[];

  before(async () => {
    ws = await startOnGeneratedStore('eventbus-lsp-schemas-', { events: 400, days: 1, seed: 12 });
    ({ store, client } = ws);
    eventFiles = fs.readdirSync(path.join(store, 'events')).map((f) => path.join(store, 'events', f));
  });

  after(() => ws?.close());

  it('validate the store and open documents again with the new schema, without a reopen, and again when it is put back', async () => {
    const [type] = fs.readdirSync(path.join(store, 'schemas'));
    const schemaFile = path.join(store, 'schemas', type, fs.readdirSync(path.join(store, 'schemas', type)).find((f) => f.endsWith('.schema.json')) as string);
    const original = fs.readFileSync(schemaFile, 'utf8');
    const [day] = eventFiles;
    const lines = fs.readFileSync(day, 'utf8').split('\n');
    const typedLines = lines.map((line, i) => (line.includes(`"event_type": "${type}"`) || line.includes(`"event_type":"${type}"`) ? i : -1)).filter((i) => i >= 0);
    assert.ok(typedLines.length > 0, `the day holds ${type} events`);
    assert.equal(schemaFindings(client, eventFiles).length, 0, 'no finding names the field before the change');
    const uri = eventFileUriOf(day);
    client.open(uri, lines.join('\n'));

    const schema = JSON.parse(original) as { required?: string[]; properties?: Record<string, unknown> };
    fs.writeFileSync(schemaFile, JSON.stringify({ ...schema, required: [...(schema.required ?? []), NEW_FIELD], properties: { ...(schema.properties ?? {}), [NEW_FIELD]: { type: 'string' } } }, null, 2));
    await until('EB009 for the new required field on every event of the type', () => schemaFindings(client, [day]).length >= typedLines.length);
    const onLines = new Set(schemaFindings(client, [day]).map((d) => d.range.start.line));
    for (const line of typedLines) assert.ok(onLines.has(line), `line ${line + 1} (a ${type} event) has the finding`);

    fs.writeFileSync(schemaFile, original);
    await until('the findings gone once the schema is back', () => schemaFindings(client, [day]).length === 0);
    client.close(uri);
  });
});
