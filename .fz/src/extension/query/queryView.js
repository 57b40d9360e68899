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
exports.QueryViewProvider = exports.QUERY_VIEW_ID = void 0;
const vscode = __importStar(require("vscode"));
const queryViewProtocol_1 = require("../../shared/queryViewProtocol");
const nonce_1 = require("../webviews/nonce");
const webviewShell_1 = require("../webviews/webviewShell");
const savedQueries_1 = require("./savedQueries");
exports.QUERY_VIEW_ID = 'eventbus.query';
/**
 * The query box in the Event Bus container: a small webview view (strict
 * CSP, nonce, the shared frame) whose page debounces typing; the host runs
 * the query and answers with the count. Saved queries come from the
 * workspace settings and follow their changes.
 */
class QueryViewProvider {
    extensionUri;
    host;
    view;
    disposables = [];
    latest = 0;
    constructor(extensionUri, host) {
        this.extensionUri = extensionUri;
        this.host = host;
        this.disposables.push(vscode.workspace.onDidChangeConfiguration((e) => {
            if (e.affectsConfiguration('eventbus.savedQueries'))
                this.post({ type: 'saved', queries: (0, savedQueries_1.savedQueries)() });
        }));
    }
    resolveWebviewView(view) {
        this.view = view;
        const media = vscode.Uri.joinPath(this.extensionUri, 'media');
        view.webview.options = { enableScripts: true, localResourceRoots: [media] };
        view.webview.html = (0, webviewShell_1.webviewHtml)({
            nonce: (0, nonce_1.createNonce)(),
            cspSource: view.webview.cspSource,
            scriptUri: view.webview.asWebviewUri(vscode.Uri.joinPath(media, 'query.js')).toString(),
            styleUri: view.webview.asWebviewUri(vscode.Uri.joinPath(media, 'query.css')).toString(),
        }, {
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
        });
        view.webview.onDidReceiveMessage((message) => this.onMessage(message), undefined, this.disposables);
        view.onDidDispose(() => {
            if (this.view === view)
                this.view = undefined;
        });
    }
    /** Shows a query set elsewhere (a saved query from the palette, a row's Show in Timeline, a cleared filter). */
    showText(text, status) {
        this.post({ type: 'setText', text });
        if (status)
            this.post({ type: 'status', text, status });
    }
    dispose() {
        this.disposables.forEach((d) => d.dispose());
    }
    async onMessage(message) {
        if (!(0, queryViewProtocol_1.isQueryPageMessage)(message))
            return;
        switch (message.type) {
            case 'ready': {
                this.post({ type: 'saved', queries: (0, savedQueries_1.savedQueries)() });
                const current = this.host.current();
                if (current !== '')
                    this.showText(current);
                return;
            }
            case 'query': {
                const ticket = ++this.latest;
                this.post({ type: 'status', text: message.text, status: { kind: 'running' } });
                const status = await this.host.run(message.text);
                // Only the answer to the newest text is shown.
                if (ticket === this.latest)
                    this.post({ type: 'status', text: message.text, status });
                return;
            }
            case 'save':
                await (0, savedQueries_1.saveQuery)(message.text);
                return;
            case 'export':
                await this.host.exportResult();
                return;
        }
    }
    post(message) {
        void this.view?.webview.postMessage(message);
    }
}
exports.QueryViewProvider = QueryViewProvider;
//# sourceMappingURL=queryView.js.map