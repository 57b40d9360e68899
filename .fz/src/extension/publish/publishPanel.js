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
exports.PublishPanel = exports.PUBLISH_PANEL_TYPE = void 0;
const vscode = __importStar(require("vscode"));
const publishFormProtocol_1 = require("../../shared/publishFormProtocol");
const writeProtocol_1 = require("../../shared/writeProtocol");
const errorText_1 = require("../errorText");
const nonce_1 = require("../webviews/nonce");
const webviewShell_1 = require("../webviews/webviewShell");
const draftRequests_1 = require("./draftRequests");
const publishFormHtml_1 = require("./publishFormHtml");
exports.PUBLISH_PANEL_TYPE = 'eventbus.publishForm';
/**
 * The Publish Event form: one webview panel (strict CSP, nonce, the shared
 * frame). The page keeps what the user typed (its own state survives a
 * failure, a reload and a hidden tab); the host answers its checks through
 * the server's publishCheck, which writes nothing, and publishes only a
 * draft that passes, through the server's one writer.
 */
class PublishPanel {
    extensionUri;
    send;
    panel;
    store;
    pendingDraft = null;
    disposables = [];
    published = new vscode.EventEmitter();
    /** Fires after each event the form published. */
    onDidPublish = this.published.event;
    constructor(extensionUri, send) {
        this.extensionUri = extensionUri;
        this.send = send;
    }
    /** Opens (or brings back) the form; `draft` replaces what it shows (Republish as Template). */
    open(store, draft) {
        this.store = store;
        this.pendingDraft = draft;
        if (this.panel) {
            this.panel.reveal(vscode.ViewColumn.Active);
            // A page that is already up gets the new start at once; a new page asks for it with `ready`.
            void this.sendInit();
            return;
        }
        const media = vscode.Uri.joinPath(this.extensionUri, 'media');
        const panel = vscode.window.createWebviewPanel(exports.PUBLISH_PANEL_TYPE, 'Publish Event', vscode.ViewColumn.Active, {
            enableScripts: true,
            retainContextWhenHidden: true,
            localResourceRoots: [media],
        });
        panel.webview.html = (0, webviewShell_1.webviewHtml)({
            nonce: (0, nonce_1.createNonce)(),
            cspSource: panel.webview.cspSource,
            scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'publish.js')).toString(),
            styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'publish.css')).toString(),
        }, { title: 'Publish Event', body: (0, publishFormHtml_1.publishFormBody)() });
        panel.webview.onDidReceiveMessage((message) => void this.onMessage(message), undefined, this.disposables);
        panel.onDidDispose(() => {
            if (this.panel === panel)
                this.panel = undefined;
        }, undefined, this.disposables);
        this.panel = panel;
    }
    dispose() {
        this.panel?.dispose();
        this.published.dispose();
        this.disposables.forEach((d) => d.dispose());
    }
    post(message) {
        void this.panel?.webview.postMessage(message);
    }
    async sendInit() {
        const draft = this.pendingDraft;
        this.pendingDraft = null;
        try {
            const answer = await this.send(writeProtocol_1.PublishTemplateRequest.type, { ...this.scope(), eventType: draft?.eventType ?? '' });
            this.post({ type: 'init', storeName: this.store ?? '', types: [...answer.knownTypes], draft });
        }
        catch (error) {
            this.post({ type: 'init', storeName: this.store ?? '', types: [], draft });
            this.post({ type: 'failed', message: `The store's event types could not be read: ${(0, errorText_1.editorErrorText)(error)}` });
        }
    }
    scope() {
        return this.store !== undefined ? { store: this.store } : {};
    }
    async onMessage(message) {
        if (!(0, publishFormProtocol_1.isPublishPageMessage)(message))
            return;
        try {
            await this.handle(message);
        }
        catch (error) {
            this.post({ type: 'failed', message: (0, errorText_1.editorErrorText)(error) });
        }
    }
    async handle(message) {
        switch (message.type) {
            case 'ready':
                await this.sendInit();
                return;
            case 'check': {
                const verdict = await (0, draftRequests_1.checkDraft)(this.send, message.draft, this.store);
                this.post({ type: 'verdict', ticket: message.ticket, verdict });
                return;
            }
            case 'suggest': {
                const values = await (0, draftRequests_1.suggestionsFor)(this.send, message.field, message.prefix, message.draft, this.store);
                this.post({ type: 'suggestions', field: message.field, prefix: message.prefix, values });
                return;
            }
            case 'template': {
                const answer = await this.send(writeProtocol_1.PublishTemplateRequest.type, { ...this.scope(), eventType: message.eventType });
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
    async publish(draft) {
        if (!vscode.workspace.isTrusted) {
            this.post({ type: 'failed', message: 'Publishing writes to the event store: trust this workspace first.' });
            return;
        }
        const local = (0, draftRequests_1.draftToParams)(draft, this.store);
        if (!local.ok) {
            this.post({ type: 'failed', message: `Not published: ${local.problems.join('; ')}` });
            return;
        }
        const verdict = await (0, draftRequests_1.checkDraft)(this.send, draft, this.store);
        if (verdict.problems.length > 0) {
            this.post({ type: 'failed', message: `Not published (nothing was written): ${verdict.problems.join('; ')}` });
            return;
        }
        const result = await this.send(writeProtocol_1.PublishRequest.type, { ...local.params, trusted: vscode.workspace.isTrusted });
        const metadata = result.event.metadata ?? {};
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
exports.PublishPanel = PublishPanel;
//# sourceMappingURL=publishPanel.js.map