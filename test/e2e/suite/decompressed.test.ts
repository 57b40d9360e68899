import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as zlib from 'node:zlib';
import * as vscode from 'vscode';
import { findingKey, waitForDiagnostics } from './diagnosticKeys';
import { findingsOf, loadFixture } from './fixture';

describe('a .jsonl.gz day', () => {
  const fixture = loadFixture();
  const gzUri = vscode.Uri.file(fixture.gzFile);
  let document: vscode.TextDocument;

  before(async () => {
    await vscode.commands.executeCommand('eventbus.openDecompressed', gzUri);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'eventbus.openDecompressed showed no editor');
    document = editor.document;
  });

  it('opens through eventbus.openDecompressed as an eventbus: document of the event-jsonl language', () => {
    assert.equal(document.uri.scheme, 'eventbus');
    assert.equal(document.uri.path, gzUri.path);
    assert.equal(document.uri.query, 'decompressed');
    assert.equal(document.languageId, 'event-jsonl');
  });

  it('shows exactly the gunzipped file', () => {
    const text = zlib.gunzipSync(fs.readFileSync(fixture.gzFile)).toString('utf8');
    assert.equal(document.getText().length, text.length);
    assert.ok(document.getText() === text, 'the document text differs from the gunzipped file');
  });

  it('gets the diagnostics eventbus validate reports for the .gz day', async () => {
    const expected = findingsOf(fixture, fixture.gzFile).map(findingKey);
    assert.ok(expected.length >= 3, `only ${expected.length} findings for the .gz day`);
    const result = await waitForDiagnostics(document.uri, expected, 60_000);
    assert.deepEqual(
      { got: result.diagnostics.length, missing: result.missing.slice(0, 15), unexpected: result.unexpected.slice(0, 15) },
      { got: expected.length, missing: [], unexpected: [] },
    );
  });

  it('with a file that is not .jsonl.gz, opens nothing', async () => {
    const before = vscode.window.activeTextEditor?.document.uri.toString();
    await vscode.commands.executeCommand('eventbus.openDecompressed', vscode.Uri.file(fixture.eventFile));
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), before);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'eventbus' && d.uri.path === vscode.Uri.file(fixture.eventFile).path));
  });
});
