import * as vscode from 'vscode';
import { isPublishPageMessage, type PublishDraft, type PublishHostMessage, type PublishPageMessage } from '../../shared/publishFormProtocol';
import { PublishRequest, PublishTemplateRequest, type PublishResult } from '../../shared/writeProtocol';
import { editorErrorText } from '../errorText';
import { createNonce } from '../webviews/nonce';
import { webviewHtml } from '../webviews/webviewShell';
import { checkDraft, draftToParams, type SendRequest, suggestionsFor } from './draftRequests';
import { publishFormBody } from './publishFormHtml';

export const PUBLISH_PANEL_TYPE = 'eventbus.publishForm';

/** What the panel tells the rest of the extension (tests and the "Reveal in File" button). */
export interface PublishOutcome {
  readonly result: PublishResult;
  readonly message: string;
}

/**
 * The Publish Event form: one webview panel (strict CSP, nonce, the shared
 * frame). The page keeps what the user typed (its own state survives a
 * failure, a reload and a hidden tab); the host answers its checks through
 * the server's publishCheck, which writes nothing, and publishes only a
 * draft that passes, through the server's one writer.
 */
export class PublishPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The store the form publishes to (set by open). */
  private store = '';
  private pendingDraft: PublishDraft | null = null;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly published = new vscode.EventEmitter<PublishOutcome>();
  /** Fires after each event the form published. */
  readonly onDidPublish = this.published.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly send: SendRequest,
  ) {}

  /** Opens (or brings back) the form; `draft` replaces what it shows (Republish as Template). */
  open(store: string, draft: PublishDraft | null): void {
    this.store = store;
    this.pendingDraft = draft;
    if (this.panel) {
      this.panel.reveal(vscode.ViewColumn.Active);
      // A page that is already up gets the new start at once; a new page asks for it with `ready`.
      void this.sendInit();
      return;
    }
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(PUBLISH_PANEL_TYPE, 'Publish Event', vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [media],
    });
    panel.webview.html = webviewHtml(
      {
        nonce: createNonce(),
        cspSource: panel.webview.cspSource,
        scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'publish.js')).toString(),
        styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'publish.css')).toString(),
      },
      { title: 'Publish Event', body: publishFormBody() },
    );
    panel.webview.onDidReceiveMessage((message: unknown) => void this.onMessage(message), undefined, this.disposables);
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
    }, undefined, this.disposables);
    this.panel = panel;
  }

  dispose(): void {
    this.panel?.dispose();
    this.published.dispose();
    this.disposables.forEach((d) => d.dispose());
  }

  private post(message: PublishHostMessage): void {
    void this.panel?.webview.postMessage(message);
  }

  private async sendInit(): Promise<void> {
    const draft = this.pendingDraft;
    this.pendingDraft = null;
    try {
      const answer = await this.send(PublishTemplateRequest.type, { ...this.scope(), eventType: draft?.eventType ?? '' });
      this.post({ type: 'init', storeName: this.store ?? '', types: [...answer.knownTypes], draft });
    } catch (error) {
      this.post({ type: 'init', storeName: this.store ?? '', types: [], draft });
      this.post({ type: 'failed', message: `The store's event types could not be read: ${editorErrorText(error)}` });
    }
  }

  private scope(): { store: string } {
    return { store: this.store };
  }

  private async onMessage(message: unknown): Promise<void> {
    if (!isPublishPageMessage(message)) return;
    try {
      await this.handle(message);
    } catch (error) {
      this.post({ type: 'failed', message: editorErrorText(error) });
    }
  }

  private async handle(message: PublishPageMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        await this.sendInit();
        return;
      case 'check': {
        const verdict = await checkDraft(this.send, message.draft, this.store);
        this.post({ type: 'verdict', ticket: message.ticket, verdict });
        return;
      }
      case 'suggest': {
        const values = await suggestionsFor(this.send, message.field, message.prefix, message.draft, this.store);
        this.post({ type: 'suggestions', field: message.field, prefix: message.prefix, values });
        return;
      }
      case 'template': {
        const answer = await this.send(PublishTemplateRequest.type, { ...this.scope(), eventType: message.eventType });
        this.post({
          type: 'template',
          eventType: message.eventType,
          dataText: JSON.stringify(answer.template, null, 2),
          required: [...answer.required],
          schemaFile: answer.schemaFile,
        });
        return;
      }
      case 'publish':
        await this.publish(message.draft);
        return;
    }
  }

  /** Checks again (the store or its schemas may have changed since the last keystroke), then publishes; a refusal writes nothing. */
  private async publish(draft: PublishDraft): Promise<void> {
    if (!vscode.workspace.isTrusted) {
      this.post({ type: 'failed', message: 'Publishing writes to the event store: trust this workspace first.' });
      return;
    }
    const local = draftToParams(draft, this.store);
    if (!local.ok) {
      this.post({ type: 'failed', message: `Not published: ${local.problems.join('; ')}` });
      return;
    }
    const verdict = await checkDraft(this.send, draft, this.store);
    if (verdict.problems.length > 0) {
      this.post({ type: 'failed', message: `Not published (nothing was written): ${verdict.problems.join('; ')}` });
      return;
    }
    const result = await this.send(PublishRequest.type, { ...local.params, trusted: vscode.workspace.isTrusted });
    const metadata = (result.event as { metadata?: { event_id?: string; sequence_number?: number } }).metadata ?? {};
    const where = result.entry ? ` to ${result.entry.file}:${result.entry.line}` : '';
    const text = `Published ${draft.eventType} #${metadata.sequence_number ?? '?'} (${metadata.event_id ?? 'no id'})${where}.`;
    this.post({ type: 'published', message: text });
    this.published.fire({ result, message: text });
    void vscode.window.showInformationMessage(`Event Bus: ${text}`, ...(result.entry ? ['Reveal in File'] : [])).then(async (choice) => {
      if (choice && result.entry) {
        const line = result.entry.line - 1;
        await vscode.window.showTextDocument(vscode.Uri.parse(result.entry.uri), { selection: new vscode.Range(line, 0, line, 0), preview: true });
      }
    });
  }
}
