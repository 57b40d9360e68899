import * as vscode from 'vscode';
import { EventByIdRequest, type EventDetail, type StoreChangedParams, StatusRequest } from '../../shared/protocol';
import {
  DebugMarkerNotification,
  type DebugMarkerParams,
  FilterChangedCommand,
  FilterNotification,
  OpenEventCommand,
  OpenInspectorCommand,
  type RevealParams,
  type SharedFilter,
  RevealEventNotification,
  StoreGrewNotification,
  StoreInfoNotification,
  TIMELINE_VIEW_TYPE,
} from '../../shared/timelineProtocol';
import { type NotificationMessage, ReadyCommand } from '../../shared/webviewProtocol';
import { type OpenPlan, planOpenEvent, planOpenInspector, planRevealInViews } from './openEventPlan';
import { answerTimelineRequest, type ServerRequests } from './timelineAnswers';
import { buildTimelineHtml } from './timelineHtml';
import { storeLabel } from '../views/model/pathNames';
import { createNonce } from '../webviews/nonce';

/**
 * The one timeline panel of the window: creates (or revives after a reload)
 * the WebviewPanel, answers the page's requests through the language
 * server, and posts nothing until the page has said `ready` (a page being
 * rebuilt after hide/show says it again, and gets its store info again).
 */
export class TimelinePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  /** Posted once the page is ready (a reveal asked for while the page loads). */
  private pending: NotificationMessage[] = [];
  private panelDisposables: vscode.Disposable[] = [];
  /** The filter shared with the trees, as last set by either side; undefined until one side sets it in this window. */
  private filter: SharedFilter | undefined;
  private readonly filterChanged = new vscode.EventEmitter<SharedFilter>();
  /** The user changed the filter in the page. */
  readonly onDidChangeFilter = this.filterChanged.event;
  /** Where an `eventbus` debug session stands: sent again whenever the page (re)loads. */
  private debugMarker: DebugMarkerParams['marker'] = null;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly server: ServerRequests,
    private readonly log: (message: string) => void,
  ) {}

  /** Opens the panel (or brings it forward). */
  show(): void {
    if (this.panel) {
      this.panel.reveal(undefined, false);
      return;
    }
    const panel = vscode.window.createWebviewPanel(TIMELINE_VIEW_TYPE, 'Event Timeline', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
    });
    this.attach(panel);
  }

  /** A panel VS Code restored after a reload (the serializer): the page reads its own saved state. */
  restore(panel: vscode.WebviewPanel): void {
    if (this.panel && this.panel !== panel) this.panel.dispose();
    this.attach(panel);
  }

  /** "Show in timeline": open the panel, then centre and select the event. */
  async reveal(eventId: string): Promise<void> {
    this.show();
    const detail = await this.server.sendRequest(EventByIdRequest.type, { eventId });
    if (!detail) {
      void vscode.window.showWarningMessage(`No event with id ${eventId} in the store: the timeline cannot show it.`);
      return;
    }
    const params: RevealParams = { eventId, timestampMs: detail.entry.timestampMs, correlationId: detail.entry.correlationId };
    this.post(RevealEventNotification.create(params));
  }

  /** The trees' filter changed: the page shows the same events. */
  setFilter(filter: SharedFilter): void {
    this.filter = filter;
    if (this.panel) this.post(FilterNotification.create({ filter }));
  }

  /** A debug session stopped on an event (or ended: null): the page marks it. The panel is not opened for it. */
  showDebugMarker(marker: DebugMarkerParams['marker']): void {
    this.debugMarker = marker;
    if (!this.panel) return;
    // Only the newest position matters to a page that is still loading.
    this.pending = this.pending.filter((m) => !DebugMarkerNotification.is(m));
    this.post(DebugMarkerNotification.create({ marker }));
  }

  storeChanged(change: StoreChangedParams): void {
    // An announced change's events are drawn already; its findings do not show in the timeline.
    if (!this.panel || change.announced) return;
    this.post(
      StoreGrewNotification.create({
        eventCount: change.eventCount,
        appendedEvents: change.appendedEvents,
        rewritten: change.rebuiltFiles.length > 0 || change.removedFiles.length > 0 || change.reason === 'opened',
        ...(change.lastTimestampMs !== undefined ? { lastTimestampMs: change.lastTimestampMs } : {}),
      }),
    );
  }

  dispose(): void {
    this.panel?.dispose();
    this.filterChanged.dispose();
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.ready = false;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    panel.webview.options = { enableScripts: true, localResourceRoots: [media] };
    panel.webview.html = buildTimelineHtml({
      cspSource: panel.webview.cspSource,
      nonce: createNonce(),
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'timeline.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'timeline.css')).toString(),
    });
    this.panelDisposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      panel.onDidDispose(() => {
        this.panelDisposables.forEach((d) => d.dispose());
        this.panelDisposables = [];
        this.panel = undefined;
        this.ready = false;
        this.pending = [];
      }),
    );
  }

  private post(message: NotificationMessage): void {
    if (!this.panel) return;
    if (!this.ready) {
      this.pending.push(message);
      return;
    }
    void this.panel.webview.postMessage(message);
  }

  private async receive(message: unknown): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    try {
      if (ReadyCommand.is(message)) {
        this.ready = true;
        await this.postStoreInfo();
        // A filter set while the page loaded is in the store info just sent.
        const queued = this.pending.filter((m) => !FilterNotification.is(m) && !DebugMarkerNotification.is(m));
        this.pending = [];
        for (const m of queued) void panel.webview.postMessage(m);
        if (this.debugMarker) void panel.webview.postMessage(DebugMarkerNotification.create({ marker: this.debugMarker }));
        return;
      }
      if (FilterChangedCommand.is(message)) {
        this.filter = message.params.filter;
        this.filterChanged.fire(this.filter);
        return;
      }
      if (OpenEventCommand.is(message)) return await this.open(message.params.eventId, planOpenEvent, planRevealInViews);
      if (OpenInspectorCommand.is(message)) return await this.open(message.params.eventId, planOpenInspector);
      const reply = await answerTimelineRequest(message, this.server, undefined);
      if (reply) void panel.webview.postMessage(reply);
      else this.log(`Event Bus timeline: ignored a message from the page that matches no known command or request`);
    } catch (error) {
      this.log(`Event Bus timeline: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async postStoreInfo(): Promise<void> {
    const status = await this.server.sendRequest(StatusRequest.type, {});
    const store = status.stores[0];
    const label = store ? storeLabel(store.storeRoot, store.folder) : '(no store)';
    void this.panel?.webview.postMessage(StoreInfoNotification.create({ label, eventCount: store?.eventCount ?? 0, ...(this.filter ? { filter: this.filter } : {}) }));
  }

  private async open(eventId: string, ...plans: ((commands: readonly string[], eventId: string, detail: EventDetail | null) => OpenPlan | null)[]): Promise<void> {
    const [commands, detail] = await Promise.all([vscode.commands.getCommands(true), this.server.sendRequest(EventByIdRequest.type, { eventId })]);
    for (const plan of plans) {
      const step = plan(commands, eventId, detail);
      if (step) await runPlan(step);
    }
  }
}

async function runPlan(plan: OpenPlan): Promise<void> {
  if (plan.kind === 'command') {
    await vscode.commands.executeCommand(plan.command, plan.args);
  } else if (plan.kind === 'document') {
    const position = new vscode.Position(plan.line, 0);
    await vscode.window.showTextDocument(vscode.Uri.parse(plan.uri), {
      viewColumn: vscode.ViewColumn.Beside,
      preview: true,
      selection: new vscode.Range(position, position),
    });
  } else {
    void vscode.window.showInformationMessage(plan.text);
  }
}
