import * as vscode from 'vscode';
import { DebugAggregateFromCommand } from '../../shared/commands';
import type { StoreChangedParams } from '../../shared/protocol';
import {
  DebugFromHereCommand,
  INSPECTOR_VIEW_TYPE,
  MAX_STEPS_PAGE,
  ReadyCommand,
  StepsAppendedNotification,
  StepsRequest,
  StoreRewrittenNotification,
  SubjectNotification,
  type HostToWebviewMessage,
  type InspectorSubject,
} from '../../shared/webviewProtocol';
import type { InspectorBackend } from './inspectorBackend';
import { inspectorHtml } from './inspectorHtml';
import { answerRequest } from './inspectorRequests';
import { createNonce } from '../webviews/nonce';

export function inspectorTitle(subject: InspectorSubject): string {
  return `Time-Travel Inspector — ${subject.aggregateId}`;
}

/** Scripts on, and nothing but media/ loadable: the page needs its bundle and stylesheet, no more. */
export function inspectorWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
}

/**
 * One open inspector: serves the page's requests for its aggregate and
 * pushes live appends. It posts nothing until the page says `ready`; a
 * hidden page is destroyed (no retainContextWhenHidden) and says `ready`
 * again when shown, restoring itself from its saved state.
 */
export class InspectorPanel implements vscode.Disposable {
  private ready = false;
  private disposed = false;
  /** The aggregate's event count as last seen (the largest total a steps page carried). */
  private knownTotal = 0;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly subject: InspectorSubject,
    private readonly backend: InspectorBackend,
    extensionUri: vscode.Uri,
    private focusSequence: number | undefined,
    private readonly log: (message: string) => void,
  ) {
    const webview = panel.webview;
    webview.options = inspectorWebviewOptions(extensionUri);
    panel.title = inspectorTitle(subject);
    const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', file)).toString();
    webview.html = inspectorHtml({ nonce: createNonce(), cspSource: webview.cspSource, scriptUri: media('inspector.js'), styleUri: media('inspector.css') });
    this.disposables.push(
      webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      panel.onDidChangeViewState(() => {
        // A hidden page is torn down; whatever is posted now would be lost.
        if (!panel.visible) this.ready = false;
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Show the panel (again), selecting a step when given. */
  focus(atSequence: number | undefined): void {
    this.panel.reveal();
    if (atSequence === undefined) return;
    this.focusSequence = atSequence;
    if (this.ready) this.postSubject();
  }

  /** A debug session stopped on this aggregate's event: select that step, without taking the focus from the editor. */
  followDebugPosition(sequence: number): void {
    this.focusSequence = sequence;
    // A hidden page selects it when it says ready again.
    if (this.ready) this.postSubject();
  }

  /** The store changed on disk: appends reach the page as new steps, rewrites make it reload. */
  async storeChanged(change: StoreChangedParams): Promise<void> {
    if (this.subject.store !== undefined && change.storeRoot !== this.subject.store) return;
    if (!this.ready) return; // The page fetches everything afresh when it says ready.
    if (change.announced) return; // Its 'indexed' notification brought the steps already.
    if (change.rebuiltFiles.length > 0 || change.removedFiles.length > 0) {
      this.post(StoreRewrittenNotification.create({}));
      return;
    }
    if (change.appendedEvents <= 0) return;
    const known = this.knownTotal;
    const page = await this.backend.steps({ offset: known, limit: MAX_STEPS_PAGE });
    if (page.steps.length === 0 || known !== this.knownTotal) return;
    this.knownTotal = Math.max(this.knownTotal, page.total);
    this.post(StepsAppendedNotification.create(page));
  }

  private async receive(message: unknown): Promise<void> {
    if (ReadyCommand.is(message)) {
      this.ready = true;
      this.postSubject();
      return;
    }
    if (DebugFromHereCommand.is(message)) {
      const args: DebugAggregateFromCommand.Args = { store: this.subject.store, aggregateId: this.subject.aggregateId, fromSequence: message.params.sequenceNumber };
      void vscode.commands.executeCommand(DebugAggregateFromCommand.id, args);
      return;
    }
    const reply = await answerRequest(message, this.backend);
    if (!reply) {
      this.log(`inspector: ignored a message from the page that is not in the protocol`);
      return;
    }
    // Live appends are fetched from the largest total seen: the page may have loaded only its first pages.
    if (reply.ok && StepsRequest.is(message) && StepsRequest.isResult(reply.result)) this.knownTotal = Math.max(this.knownTotal, reply.result.total);
    if (!reply.ok) this.log(`inspector: ${reply.error}`);
    this.post(reply);
  }

  private postSubject(): void {
    this.post(SubjectNotification.create({ ...this.subject, ...(this.focusSequence === undefined ? {} : { focusSequence: this.focusSequence }) }));
    // Asked for once; after that the page's saved state keeps its place.
    this.focusSequence = undefined;
  }

  private post(message: HostToWebviewMessage): void {
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.ready = false;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
    this.panel.dispose();
  }
}

export function createInspectorWebviewPanel(subject: InspectorSubject, extensionUri: vscode.Uri): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(INSPECTOR_VIEW_TYPE, inspectorTitle(subject), vscode.ViewColumn.Active, {
    ...inspectorWebviewOptions(extensionUri),
    retainContextWhenHidden: false,
    enableFindWidget: true,
  });
}
