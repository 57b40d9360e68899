import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { gunzipTolerant } from '../engine/store/lineReader';
import { decompressedUriOf, EVENTBUS_SCHEME, fsPathOfUri } from '../shared/uris';
import { EVENT_LANGUAGE_ID } from './languageClient';

/**
 * `.jsonl.gz` days open as read-only decompressed documents under the
 * `eventbus:` scheme (see src/shared/uris.ts), so the editor, the language
 * server's diagnostics and navigation treat them like plain days.
 */
export class DecompressedDocuments implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    const file = fsPathOfUri(uri.toString());
    if (!file) throw new Error(`${uri.toString()}: not an event file URI`);
    const { bytes, problem } = gunzipTolerant(fs.readFileSync(file));
    // What decompressed before damage is still shown; the server reports the damage (EB021).
    if (problem && bytes.length === 0) throw new Error(`${file}: ${problem}`);
    return bytes.toString('utf8');
  }

  /** Re-reads a shown day (it was appended to or rewritten). */
  refresh(uri: vscode.Uri): void {
    this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function registerDecompressedDocuments(context: vscode.ExtensionContext): DecompressedDocuments {
  const provider = new DecompressedDocuments();
  context.subscriptions.push(
    provider,
    vscode.workspace.registerTextDocumentContentProvider(EVENTBUS_SCHEME, provider),
    vscode.commands.registerCommand('eventbus.openDecompressed', async (resource?: vscode.Uri) => {
      const target = resource ?? vscode.window.activeTextEditor?.document.uri;
      if (!target || !target.fsPath.endsWith('.jsonl.gz')) {
        void vscode.window.showWarningMessage('Event Bus: choose a .jsonl.gz event file to open decompressed.');
        return;
      }
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(decompressedUriOf(target.fsPath)));
      await vscode.languages.setTextDocumentLanguage(document, EVENT_LANGUAGE_ID);
      await vscode.window.showTextDocument(document, { preview: false });
    }),
  );
  return provider;
}
