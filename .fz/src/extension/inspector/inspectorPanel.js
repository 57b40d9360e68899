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
exports.InspectorPanel = void 0;
exports.inspectorTitle = inspectorTitle;
exports.inspectorWebviewOptions = inspectorWebviewOptions;
exports.createInspectorWebviewPanel = createInspectorWebviewPanel;
const vscode = __importStar(require("vscode"));
const webviewProtocol_1 = require("../../shared/webviewProtocol");
const inspectorHtml_1 = require("./inspectorHtml");
const inspectorRequests_1 = require("./inspectorRequests");
const nonce_1 = require("../webviews/nonce");
function inspectorTitle(subject) {
    return `Time-Travel Inspector — ${subject.aggregateId}`;
}
/** Scripts on, and nothing but media/ loadable: the page needs its bundle and stylesheet, no more. */
function inspectorWebviewOptions(extensionUri) {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
}
/**
 * One open inspector: serves the page's requests for its aggregate and
 * pushes live appends. It posts nothing until the page says `ready`; a
 * hidden page is destroyed (no retainContextWhenHidden) and says `ready`
 * again when shown, restoring itself from its saved state.
 */
class InspectorPanel {
    panel;
    subject;
    backend;
    focusSequence;
    log;
    ready = false;
    disposed = false;
    /** The aggregate's event count as last seen (the largest total a steps page carried). */
    knownTotal = 0;
    disposables = [];
    disposeEmitter = new vscode.EventEmitter();
    onDidDispose = this.disposeEmitter.event;
    constructor(panel, subject, backend, extensionUri, focusSequence, log) {
        this.panel = panel;
        this.subject = subject;
        this.backend = backend;
        this.focusSequence = focusSequence;
        this.log = log;
        const webview = panel.webview;
        webview.options = inspectorWebviewOptions(extensionUri);
        panel.title = inspectorTitle(subject);
        const media = (file) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', file)).toString();
        webview.html = (0, inspectorHtml_1.inspectorHtml)({ nonce: (0, nonce_1.createNonce)(), cspSource: webview.cspSource, scriptUri: media('inspector.js'), styleUri: media('inspector.css') });
        this.disposables.push(webview.onDidReceiveMessage((message) => void this.receive(message)), panel.onDidChangeViewState(() => {
            // A hidden page is torn down; whatever is posted now would be lost.
            if (!panel.visible)
                this.ready = false;
        }), panel.onDidDispose(() => this.dispose()));
    }
    /** Show the panel (again), selecting a step when given. */
    focus(atSequence) {
        this.panel.reveal();
        if (atSequence === undefined)
            return;
        this.focusSequence = atSequence;
        if (this.ready)
            this.postSubject();
    }
    /** The store changed on disk: appends reach the page as new steps, rewrites make it reload. */
    async storeChanged(change) {
        if (this.subject.store !== undefined && change.storeRoot !== this.subject.store)
            return;
        if (!this.ready)
            return; // The page fetches everything afresh when it says ready.
        if (change.announced)
            return; // Its 'indexed' notification brought the steps already.
        if (change.rebuiltFiles.length > 0 || change.removedFiles.length > 0) {
            this.post(webviewProtocol_1.StoreRewrittenNotification.create({}));
            return;
        }
        if (change.appendedEvents <= 0)
            return;
        const known = this.knownTotal;
        const page = await this.backend.steps({ offset: known, limit: webviewProtocol_1.MAX_STEPS_PAGE });
        if (page.steps.length === 0 || known !== this.knownTotal)
            return;
        this.knownTotal = Math.max(this.knownTotal, page.total);
        this.post(webviewProtocol_1.StepsAppendedNotification.create(page));
    }
    async receive(message) {
        if (webviewProtocol_1.ReadyCommand.is(message)) {
            this.ready = true;
            this.postSubject();
            return;
        }
        const reply = await (0, inspectorRequests_1.answerRequest)(message, this.backend);
        if (!reply) {
            this.log(`inspector: ignored a message from the page that is not in the protocol`);
            return;
        }
        // Live appends are fetched from the largest total seen: the page may have loaded only its first pages.
        if (reply.ok && webviewProtocol_1.StepsRequest.is(message) && webviewProtocol_1.StepsRequest.isResult(reply.result))
            this.knownTotal = Math.max(this.knownTotal, reply.result.total);
        if (!reply.ok)
            this.log(`inspector: ${reply.error}`);
        this.post(reply);
    }
    postSubject() {
        this.post(webviewProtocol_1.SubjectNotification.create({ ...this.subject, ...(this.focusSequence === undefined ? {} : { focusSequence: this.focusSequence }) }));
        // Asked for once; after that the page's saved state keeps its place.
        this.focusSequence = undefined;
    }
    post(message) {
        void this.panel.webview.postMessage(message);
    }
    dispose() {
        if (this.disposed)
            return;
        this.disposed = true;
        this.ready = false;
        for (const d of this.disposables.splice(0))
            d.dispose();
        this.disposeEmitter.fire();
        this.disposeEmitter.dispose();
        this.panel.dispose();
    }
}
exports.InspectorPanel = InspectorPanel;
function createInspectorWebviewPanel(subject, extensionUri) {
    return vscode.window.createWebviewPanel(webviewProtocol_1.INSPECTOR_VIEW_TYPE, inspectorTitle(subject), vscode.ViewColumn.Active, {
        ...inspectorWebviewOptions(extensionUri),
        retainContextWhenHidden: false,
        enableFindWidget: true,
    });
}
//# sourceMappingURL=inspectorPanel.js.map