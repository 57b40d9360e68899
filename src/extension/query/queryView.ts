import * as vscode from 'vscode';
import { isQueryPageMessage, type QueryHostMessage, type QueryStatus } from '../../shared/queryViewProtocol';
import { createNonce } from '../webviews/nonce';
import { webviewHtml } from '../webviews/webviewShell';
import { savedQueries, saveQuery } from './savedQueries';

export const QUERY_VIEW_ID = 'eventbus.query';

/** What the box asks of the rest of the extension. */
export interface QueryViewHost {
  /** Applies the query to the views and the timeline and answers with the count (or the problem). */
  run(text: string): Promise<QueryStatus>;
  /** Export what the query matches. */
  exportResult(): Promise<void>;
  /** The query the views hold now (restored windows, filters cleared elsewhere). */
  current(): string;
}

/**
 * The query box in the Event Bus container: a small webview view (strict
 * CSP, nonce, the shared frame) whose page debounces typing; the host runs
 * the query and answers with the count. Saved queries come from the
 * workspace settings and follow their changes.
 */
export class QueryViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private latest = 0;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly host: QueryViewHost,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('eventbus.savedQueries')) this.post({ type: 'saved', queries: savedQueries() });
      }),
    );
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    view.webview.options = { enableScripts: true, localResourceRoots: [media] };
    view.webview.html = webviewHtml(
      {
        nonce: createNonce(),
        cspSource: view.webview.cspSource,
        scriptUri: view.webview.asWebviewUri(vscode.Uri.joinPath(media, 'query.js')).toString(),
        styleUri: view.webview.asWebviewUri(vscode.Uri.joinPath(media, 'query.css')).toString(),
      },
      {
        title: 'Query',
        body: `<textarea id="query" rows="2" spellcheck="false" aria-label="Content query" placeholder='data.quantity > 10 and type == "trade_executed"'></textarea>
<pre id="caret" class="caret" hidden></pre>
<div id="status" class="status" role="status" aria-live="polite"></div>
<div class="row">
<select id="saved" aria-label="Saved queries"></select>
<button id="save" title="Save this query in the workspace settings (eventbus.savedQueries)">Save</button>
<button id="export" title="Export the matching events" disabled>Export…</button>
<button id="clear" title="Clear the query">Clear</button>
</div>`,
      },
    );
    view.webview.onDidReceiveMessage((message: unknown) => this.onMessage(message), undefined, this.disposables);
    view.onDidDispose(() => {
      if (this.view === view) this.view = undefined;
    });
  }

  /** Shows a query set elsewhere (a saved query from the palette, a row's Show in Timeline, a cleared filter). */
  showText(text: string, status?: QueryStatus): void {
    this.post({ type: 'setText', text });
    if (status) this.post({ type: 'status', text, status });
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }

  private async onMessage(message: unknown): Promise<void> {
    if (!isQueryPageMessage(message)) return;
    switch (message.type) {
      case 'ready': {
        this.post({ type: 'saved', queries: savedQueries() });
        const current = this.host.current();
        if (current !== '') this.showText(current);
        return;
      }
      case 'query': {
        const ticket = ++this.latest;
        this.post({ type: 'status', text: message.text, status: { kind: 'running' } });
        const status = await this.host.run(message.text);
        // Only the answer to the newest text is shown.
        if (ticket === this.latest) this.post({ type: 'status', text: message.text, status });
        return;
      }
      case 'save':
        await saveQuery(message.text);
        return;
      case 'export':
        await this.host.exportResult();
        return;
    }
  }

  private post(message: QueryHostMessage): void {
    void this.view?.webview.postMessage(message);
  }
}
