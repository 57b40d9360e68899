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
 * It shows one store, the one it was opened on; every request and every
 * hop out of it (open event, inspector, reveal in the trees) names it.
 */
export class TimelinePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The store shown; set whenever the panel is opened or revived. */
  private store: string | undefined;
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

  /** Opens the panel on `store` (or brings it forward, switching it to `store`). */
  show(store: string): void {
    const switched = this.store !== store;
    this.store = store;
    if (this.panel) {
      this.panel.reveal(undefined, false);
      // Another store: the page is rebuilt, so nothing of the old store's view lingers.
      if (switched) this.attach(this.panel);
      return;
    }
    const panel = vscode.window.createWebviewPanel(TIMELINE_VIEW_TYPE, 'Event Timeline', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
    });
    this.attach(panel);
  }

  /** A panel VS Code restored after a reload (the serializer) on the store its page saved: the page reads its own saved state. */
  restore(panel: vscode.WebviewPanel, store: string): void {
    if (this.panel && this.panel !== panel) this.panel.dispose();
    this.store = store;
    this.attach(panel);
  }

  /** "Show in timeline": open the panel on the event's store, then centre and select the event. */
  async reveal(store: string, eventId: string): Promise<void> {
    this.show(store);
    const detail = await this.server.sendRequest(EventByIdRequest.type, { store, eventId });
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

  /**
   * A debug session stopped on an event of `store` (or ended: null): the page
   * marks it when it shows that store. The panel is not opened for it.
   */
  showDebugMarker(marker: DebugMarkerParams['marker'], store: string | undefined): void {
    // A session in another store of a multi-root workspace has no place on this timeline.
    if (marker !== null && store !== this.store) marker = null;
    this.debugMarker = marker;
    if (!this.panel) return;
    // Only the newest position matters to a page that is still loading.
    this.pending = this.pending.filter((m) => !DebugMarkerNotification.is(m));
    this.post(DebugMarkerNotification.create({ marker }));
  }

  storeChanged(change: StoreChangedParams): void {
    // An announced change's events are drawn already; its findings do not show in the timeline.
    if (!this.panel || change.announced || change.storeRoot !== this.store) return;
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
    const store = this.store;
    if (!panel || store === undefined) return;
    try {
      if (ReadyCommand.is(message)) {
        this.ready = true;
        await this.postStoreInfo(store);
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
      if (OpenEventCommand.is(message)) return await this.open(store, message.params.eventId, planOpenEvent, planRevealInViews);
      if (OpenInspectorCommand.is(message)) return await this.open(store, message.params.eventId, planOpenInspector);
      const reply = await answerTimelineRequest(message, this.server, store);
      if (reply) void panel.webview.postMessage(reply);
      else this.log(`Event Bus timeline: ignored a message from the page that matches no known command or request`);
    } catch (error) {
      this.log(`Event Bus timeline: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async postStoreInfo(store: string): Promise<void> {
    const status = (await this.server.sendRequest(StatusRequest.type, { store })).stores[0];
    const label = storeLabel(store, status?.folder ?? null);
    void this.panel?.webview.postMessage(StoreInfoNotification.create({ store, label, eventCount: status?.eventCount ?? 0, ...(this.filter ? { filter: this.filter } : {}) }));
  }

  private async open(store: string, eventId: string, ...plans: ((store: string, eventId: string, detail: EventDetail | null) => OpenPlan | null)[]): Promise<void> {
    const detail = await this.server.sendRequest(EventByIdRequest.type, { store, eventId });
    for (const plan of plans) {
      const step = plan(store, eventId, detail);
      if (step) await runPlan(step);
    }
  }
}

async function runPlan(plan: OpenPlan): Promise<void> {
  if (plan.kind === 'command') {
    await vscode.commands.executeCommand(plan.command, plan.args);
  } else {
    void vscode.window.showInformationMessage(plan.text);
  }
}
