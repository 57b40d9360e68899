import * as vscode from 'vscode';

export const VIEW_SCHEME = 'eventbus-view';

/**
 * Read-only documents the extension makes up (a replay's events, a rebuilt
 * state): shown like files, never saved, and kept in memory only while open.
 */
export class ReadOnlyViews implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** Shows `text` as a read-only document named `name` (its extension picks the language). */
  async show(name: string, text: string, languageId?: string): Promise<vscode.TextEditor> {
    const uri = vscode.Uri.from({ scheme: VIEW_SCHEME, path: `/${name}` });
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
    let document = await vscode.workspace.openTextDocument(uri);
    if (languageId && document.languageId !== languageId) document = await vscode.languages.setTextDocumentLanguage(document, languageId);
    return vscode.window.showTextDocument(document, { preview: false });
  }

  forget(uri: vscode.Uri): void {
    this.texts.delete(uri.toString());
  }

  dispose(): void {
    this.changed.dispose();
    this.texts.clear();
  }
}

export function registerReadOnlyViews(context: vscode.ExtensionContext): ReadOnlyViews {
  const views = new ReadOnlyViews();
  context.subscriptions.push(
    views,
    vscode.workspace.registerTextDocumentContentProvider(VIEW_SCHEME, views),
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (document.uri.scheme === VIEW_SCHEME) views.forget(document.uri);
    }),
  );
  return views;
}
