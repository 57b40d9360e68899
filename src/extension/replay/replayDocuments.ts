import * as vscode from 'vscode';
import type { ReplayDocumentResult } from '../../shared/replayProtocol';
import { OPEN_EVENT_COMMAND } from '../eventDocuments/eventDocumentUri';
import { type ReadOnlyViews, VIEW_SCHEME } from '../readOnlyViews';
import { type ReplayLink, renderReplayDocument } from './replayDocumentText';

/** The inspector's command (src/extension/inspector): `{aggregateId, atSequence, store}` opens it stepped there. */
const OPEN_INSPECTOR_COMMAND = 'eventbus.openInspector';

/**
 * Replay documents: read-only plain-text tables (see replayDocumentText.ts)
 * whose `#seq`, `inspect` and tree ids are links. Text rather than a
 * webview because a replay is something to read, search (Ctrl+F), copy and
 * compare like any file, in the user's editor font and theme, with no page
 * to keep in step; the links are command links on the words.
 */
export class ReplayDocuments implements vscode.DocumentLinkProvider, vscode.Disposable {
  private readonly linksByUri = new Map<string, { readonly links: readonly ReplayLink[]; readonly store: string | undefined }>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly views: ReadOnlyViews) {
    this.disposables.push(
      vscode.languages.registerDocumentLinkProvider({ scheme: VIEW_SCHEME }, this),
      vscode.workspace.onDidCloseTextDocument((document) => this.linksByUri.delete(document.uri.toString())),
    );
  }

  /** Shows the server's replay (ReplayDocumentRequest) as the document `name`. */
  async show(result: ReplayDocumentResult, scope: { readonly store?: string; readonly correlation: boolean }, heading: string, name: string): Promise<void> {
    const document = renderReplayDocument(heading, result, scope.correlation);
    const editor = await this.views.show(name, document.text, 'plaintext');
    this.linksByUri.set(editor.document.uri.toString(), { links: document.links, store: scope.store });
  }

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    const known = this.linksByUri.get(document.uri.toString());
    if (!known) return [];
    return known.links.map((link) => {
      const range = new vscode.Range(link.line, link.start, link.line, link.end);
      const store = known.store !== undefined ? { store: known.store } : {};
      const [command, arg, tooltip] =
        link.target.kind === 'event'
          ? [OPEN_EVENT_COMMAND, { eventId: link.target.eventId, title: link.target.title, ...store }, `Open ${link.target.title}`]
          : [OPEN_INSPECTOR_COMMAND, { aggregateId: link.target.aggregateId, atSequence: link.target.sequence, ...store }, `Step the inspector to #${link.target.sequence}`];
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
