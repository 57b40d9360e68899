import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, loadFixture, waitUntil } from './fixture';

describe('activation', () => {
  const fixture = loadFixture();

  it('loads this repository as the extension under development', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not among the extensions VS Code loaded`);
    assert.equal(path.resolve(extension.extensionPath), path.resolve(fixture.repoRoot));
    assert.equal(extension.packageJSON.main, './dist/extension.js');
  });

  it('activates once an event file is open, and gives it the event-jsonl language', async () => {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(fixture.eventFile));
    await vscode.window.showTextDocument(document);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await waitUntil(`${EXTENSION_ID} to activate`, () => extension.isActive, 30_000);
    assert.equal(document.languageId, 'event-jsonl');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), vscode.Uri.file(fixture.eventFile).toString());
  });

  it('registers its contributed command', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('eventbus.openDecompressed'), 'eventbus.openDecompressed is not registered');
  });
});
