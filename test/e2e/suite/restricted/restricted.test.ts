import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, waitUntil } from '../fixture';
import { activeEditorNamed, runCommand, webviewTab } from '../explorer/commandRunner';
import { type Answers, shown } from '../explorer/windowDoubles';

interface RestrictedFixture {
  workspace: string;
  store: string;
}

function loadRestrictedFixture(): RestrictedFixture {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return JSON.parse(fs.readFileSync(path.join(path.dirname(folder.uri.fsPath), 'fixture.json'), 'utf8')) as RestrictedFixture;
}

/** Every file of the store with its hash, except the index cache (.eventbus/), which reading may write. */
function fingerprint(dir: string, base = dir): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '.eventbus') Object.assign(out, fingerprint(full, base));
    } else {
      out[path.relative(base, full)] = createHash('sha256').update(fs.readFileSync(full)).digest('hex');
    }
  }
  return out;
}

describe('an untrusted workspace (restricted mode)', () => {
  const fixture = loadRestrictedFixture();
  const eventFile = path.join(fixture.store, 'events', 'events_2024-01-15.jsonl');

  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await waitUntil(`${EXTENSION_ID} to activate (workspaceContains event_store/)`, () => extension.isActive, 30_000);
  });

  it('is untrusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('still validates: diagnostics arrive for an event file', async () => {
    const uri = vscode.Uri.file(eventFile);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitUntil('diagnostics on the faulty day', () => vscode.languages.getDiagnostics(uri).length > 0, 45_000);
  });

  it('still reads: Replay Aggregate and the inspector work', async () => {
    const aggregateId = 'portfolio_1';
    await runCommand('eventbus.replayAggregatePick', [{ aggregateId }], { inputs: [''] });
    await activeEditorNamed(/^\/replay portfolio_1 .*\.txt$/);
    await runCommand('eventbus.openInspector', [{ store: fixture.store, aggregateId }]);
    await webviewTab(/Time-Travel Inspector — portfolio_1/);
  });

  const writers: [id: string, what: string, answers: Answers][] = [
    ['eventbus.publishEvent', 'Publish Event', { picks: ['system_health_check'], inputs: ['{"component": "e2e", "status": "healthy"}', 'e2e_untrusted'], confirm: true }],
    ['eventbus.cleanupExpired', 'Clean Up Expired Events', { confirm: true }],
    ['eventbus.migrateSchemas', 'Migrate Events to Newest Schema', { confirm: true }],
  ];
  for (const [id, what, answers] of writers) {
    it(`${id} refuses, says why, and writes nothing`, async () => {
      const before = fingerprint(fixture.store);
      await runCommand(id, [], answers);
      assert.deepEqual(
        shown.messages.map((m) => [m.severity, m.text, m.buttons]),
        [['warning', `Event Bus: ${what} needs a trusted workspace: it writes to the event store. Trust this workspace to use it.`, ['Manage Workspace Trust']]],
      );
      assert.deepEqual(shown.inputs, [], 'it asked for input before refusing');
      // Give a write that slipped through time to land.
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.deepEqual(fingerprint(fixture.store), before);
    });
  }
});
