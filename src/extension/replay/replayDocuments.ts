import * as vscode from 'vscode';
import type { ReplayDocumentResult } from '../../shared/replayProtocol';
import { OpenEventCommand, OpenInspectorCommand } from '../../shared/commands';
import { type ReadOnlyViews, VIEW_SCHEME } from '../readOnlyViews';
import { type ReplayLink, renderReplayDocument } from './replayDocumentText';

/**
 * Replay documents: read-only plain-text tables (see replayDocumentText.ts)
 * whose `#seq`, `inspect` and tree ids are links. Text rather than a
 * webview because a replay is something to read, search (Ctrl+F), copy and
 * compare like any file, in the user's editor font and theme, with no page
 * to keep in step; the links are command links on the words.
 */
export class ReplayDocuments implements vscode.DocumentLinkProvider, vscode.Disposable {
  private readonly linksByUri = new Map<string, { readonly links: readonly ReplayLink[]; readonly store: string }>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly views: ReadOnlyViews) {
    this.disposables.push(
      vscode.languages.registerDocumentLinkProvider({ scheme: VIEW_SCHEME }, this),
      vscode.workspace.onDidCloseTextDocument((document) => this.linksByUri.delete(document.uri.toString())),
    );
  }

  /** Shows the server's replay (ReplayDocumentRequest) as the document `name`. */
  async show(result: ReplayDocumentResult, scope: { readonly store: string; readonly correlation: boolean }, heading: string, name: string): Promise<void> {
    const document = renderReplayDocument(heading, result, scope.correlation);
    const editor = await this.views.show(name, document.text, 'plaintext');
    this.linksByUri.set(editor.document.uri.toString(), { links: document.links, store: scope.store });
  }

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    const known = this.linksByUri.get(document.uri.toString());
    if (!known) return [];
    return known.links.map((link) => {
      const range = new vscode.Range(link.line, link.start, link.line, link.end);
      const store = known.store;
      const [command, arg, tooltip]: [string, OpenEventCommand.Args | OpenInspectorCommand.Args, string] =
        link.target.kind === 'event'
          ? [OpenEventCommand.id, { store, eventId: link.target.eventId, title: link.target.title }, `Open ${link.target.title}`]
          : [OpenInspectorCommand.id, { store, aggregateId: link.target.aggregateId, atSequence: link.target.sequence }, `Step the inspector to #${link.target.sequence}`];
      const item = new vscode.DocumentLink(range, vscode.Uri.parse(`command:${command}?${encodeURIComponent(JSON.stringify([arg]))}`));
      item.tooltip = tooltip;
      return item;
    });
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
    this.linksByUri.clear();
  }
}
