"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.TimelinePanel = void 0;
const vscode = __importStar(require("vscode"));
const protocol_1 = require("../../shared/protocol");
const timelineProtocol_1 = require("../../shared/timelineProtocol");
const webviewProtocol_1 = require("../../shared/webviewProtocol");
const openEventPlan_1 = require("./openEventPlan");
const timelineAnswers_1 = require("./timelineAnswers");
const timelineHtml_1 = require("./timelineHtml");
const pathNames_1 = require("../views/model/pathNames");
const nonce_1 = require("../webviews/nonce");
/**
 * The one timeline panel of the window: creates (or revives after a reload)
 * the WebviewPanel, answers the page's requests through the language
 * server, and posts nothing until the page has said `ready` (a page being
 * rebuilt after hide/show says it again, and gets its store info again).
 */
class TimelinePanel {
    extensionUri;
    server;
    log;
    panel;
    ready = false;
    /** Posted once the page is ready (a reveal asked for while the page loads). */
    pending = [];
    panelDisposables = [];
    /** The filter shared with the trees, as last set by either side; undefined until one side sets it in this window. */
    filter;
    filterChanged = new vscode.EventEmitter();
    /** The user changed the filter in the page. */
    onDidChangeFilter = this.filterChanged.event;
    constructor(extensionUri, server, log) {
        this.extensionUri = extensionUri;
        this.server = server;
        this.log = log;
    }
    /** Opens the panel (or brings it forward). */
    show() {
        if (this.panel) {
            this.panel.reveal(undefined, false);
            return;
        }
        const panel = vscode.window.createWebviewPanel(timelineProtocol_1.TIMELINE_VIEW_TYPE, 'Event Timeline', vscode.ViewColumn.Active, {
            enableScripts: true,
            localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
        });
        this.attach(panel);
    }
    /** A panel VS Code restored after a reload (the serializer): the page reads its own saved state. */
    restore(panel) {
        if (this.panel && this.panel !== panel)
            this.panel.dispose();
        this.attach(panel);
    }
    /** "Show in timeline": open the panel, then centre and select the event. */
    async reveal(eventId) {
        this.show();
        const detail = await this.server.sendRequest(protocol_1.EventByIdRequest.type, { eventId });
        if (!detail) {
            void vscode.window.showWarningMessage(`No event with id ${eventId} in the store: the timeline cannot show it.`);
            return;
        }
        const params = { eventId, timestampMs: detail.entry.timestampMs, correlationId: detail.entry.correlationId };
        this.post(timelineProtocol_1.RevealEventNotification.create(params));
    }
    /** The trees' filter changed: the page shows the same events. */
    setFilter(filter) {
        this.filter = filter;
        if (this.panel)
            this.post(timelineProtocol_1.FilterNotification.create({ filter }));
    }
    storeChanged(change) {
        // An announced change's events are drawn already; its findings do not show in the timeline.
        if (!this.panel || change.announced)
            return;
        this.post(timelineProtocol_1.StoreGrewNotification.create({
            eventCount: change.eventCount,
            appendedEvents: change.appendedEvents,
            rewritten: change.rebuiltFiles.length > 0 || change.removedFiles.length > 0 || change.reason === 'opened',
            ...(change.lastTimestampMs !== undefined ? { lastTimestampMs: change.lastTimestampMs } : {}),
        }));
    }
    dispose() {
        this.panel?.dispose();
        this.filterChanged.dispose();
    }
    attach(panel) {
        this.panel = panel;
        this.ready = false;
        const media = vscode.Uri.joinPath(this.extensionUri, 'media');
        panel.webview.options = { enableScripts: true, localResourceRoots: [media] };
        panel.webview.html = (0, timelineHtml_1.buildTimelineHtml)({
            cspSource: panel.webview.cspSource,
            nonce: (0, nonce_1.createNonce)(),
            scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'timeline.js')).toString(),
            styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'timeline.css')).toString(),
        });
        this.panelDisposables.push(panel.webview.onDidReceiveMessage((message) => void this.receive(message)), panel.onDidDispose(() => {
            this.panelDisposables.forEach((d) => d.dispose());
            this.panelDisposables = [];
            this.panel = undefined;
            this.ready = false;
            this.pending = [];
        }));
    }
    post(message) {
        if (!this.panel)
            return;
        if (!this.ready) {
            this.pending.push(message);
            return;
        }
        void this.panel.webview.postMessage(message);
    }
    async receive(message) {
        const panel = this.panel;
        if (!panel)
            return;
        try {
            if (webviewProtocol_1.ReadyCommand.is(message)) {
                this.ready = true;
                await this.postStoreInfo();
                // A filter set while the page loaded is in the store info just sent.
                const queued = this.pending.filter((m) => !timelineProtocol_1.FilterNotification.is(m));
                this.pending = [];
                for (const m of queued)
                    void panel.webview.postMessage(m);
                return;
            }
            if (timelineProtocol_1.FilterChangedCommand.is(message)) {
                this.filter = message.params.filter;
                this.filterChanged.fire(this.filter);
                return;
            }
            if (timelineProtocol_1.OpenEventCommand.is(message))
                return await this.open(message.params.eventId, openEventPlan_1.planOpenEvent, openEventPlan_1.planRevealInViews);
            if (timelineProtocol_1.OpenInspectorCommand.is(message))
                return await this.open(message.params.eventId, openEventPlan_1.planOpenInspector);
            const reply = await (0, timelineAnswers_1.answerTimelineRequest)(message, this.server, undefined);
            if (reply)
                void panel.webview.postMessage(reply);
            else
                this.log(`Event Bus timeline: ignored a message from the page that matches no known command or request`);
        }
        catch (error) {
            this.log(`Event Bus timeline: ${error instanceof Error ? error.message : String(error)}`);
        }
    }
    async postStoreInfo() {
        const status = await this.server.sendRequest(protocol_1.StatusRequest.type, {});
        const store = status.stores[0];
        const label = store ? (0, pathNames_1.storeLabel)(store.storeRoot, store.folder) : '(no store)';
        void this.panel?.webview.postMessage(timelineProtocol_1.StoreInfoNotification.create({ label, eventCount: store?.eventCount ?? 0, ...(this.filter ? { filter: this.filter } : {}) }));
    }
    async open(eventId, ...plans) {
        const [commands, detail] = await Promise.all([vscode.commands.getCommands(true), this.server.sendRequest(protocol_1.EventByIdRequest.type, { eventId })]);
        for (const plan of plans) {
            const step = plan(commands, eventId, detail);
            if (step)
                await runPlan(step);
        }
    }
}
exports.TimelinePanel = TimelinePanel;
async function runPlan(plan) {
    if (plan.kind === 'command') {
        await vscode.commands.executeCommand(plan.command, plan.args);
    }
    else if (plan.kind === 'document') {
        const position = new vscode.Position(plan.line, 0);
        await vscode.window.showTextDocument(vscode.Uri.parse(plan.uri), {
            viewColumn: vscode.ViewColumn.Beside,
            preview: true,
            selection: new vscode.Range(position, position),
        });
    }
    else {
        void vscode.window.showInformationMessage(plan.text);
    }
}
//# sourceMappingURL=timelinePanel.js.map