import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CreateSampleStoreRequest, StatusRequest } from '../../shared/protocol';
import { SETTINGS_SECTION } from '../../shared/settings';
import type { ExplorerViews } from './explorerViews';
import type { SendRequest } from './sources/requester';
import { editorErrorText } from '../errorText';

/**
 * The welcome view's buttons: "Create a sample store" (the server runs the
 * engine's generator into `<folder>/event_store` and opens it) and "Choose
 * store folder…" (writes that folder's `eventbus.storePath`).
 */
export function registerStoreCommands(views: ExplorerViews, send: SendRequest): vscode.Disposable[] {
  const fail = (error: unknown) => void vscode.window.showErrorMessage(`Event Bus: ${editorErrorText(error)}`);

  const createSampleStore = async () => {
    const folder = await pickWorkspaceFolder('Create the sample store in which folder?');
    if (!folder) return;
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Event Bus: creating a sample store in ${folder.name}` },
      () => send(CreateSampleStoreRequest.type, { folder: folder.uri.fsPath }),
    );
    await views.registry.refresh();
    views.refreshAll();
    void vscode.window.showInformationMessage(`Event Bus: created ${result.storeRoot} with ${result.events.toLocaleString('en')} events in ${result.files.length} day files (with a fault of every kind to explore).`);
  };

  const selectStore = async () => {
    const folder = await pickWorkspaceFolder('Whose store is it (which workspace folder)?');
    if (!folder) return;
    const [chosen] =
      (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, defaultUri: folder.uri, openLabel: 'Use as Event Store' })) ?? [];
    if (!chosen) return;
    if (!fs.existsSync(path.join(chosen.fsPath, 'events'))) {
      const answer = await vscode.window.showWarningMessage(
        `${chosen.fsPath} has no events/ folder; an event store holds events/events_YYYY-MM-DD.jsonl files.`,
        { modal: true },
        'Use Anyway',
      );
      if (answer !== 'Use Anyway') return;
    }
    const relative = path.relative(folder.uri.fsPath, chosen.fsPath);
    const value = relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? chosen.fsPath : relative.split(path.sep).join('/');
    await vscode.workspace.getConfiguration(SETTINGS_SECTION, folder.uri).update('storePath', value, vscode.ConfigurationTarget.WorkspaceFolder);
    // A folder that had no store has no session to reopen on the settings change: asking for the store opens it.
    if (!views.registry.stores.some((s) => s.folder === folder.uri.fsPath) && fs.existsSync(path.join(chosen.fsPath, 'events'))) {
      await send(StatusRequest.type, { store: chosen.fsPath });
    }
    await views.registry.refresh();
    views.refreshAll();
  };

  return [
    vscode.commands.registerCommand('eventbus.createSampleStore', () => createSampleStore().catch(fail)),
    vscode.commands.registerCommand('eventbus.selectStore', () => selectStore().catch(fail)),
  ];
}

async function pickWorkspaceFolder(placeHolder: string): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showWarningMessage('Event Bus: open a folder first; the store lives in a workspace folder.');
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder });
}
