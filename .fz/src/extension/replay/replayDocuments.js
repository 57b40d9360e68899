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
exports.ReplayDocuments = void 0;
const vscode = __importStar(require("vscode"));
const eventDocumentUri_1 = require("../eventDocuments/eventDocumentUri");
const readOnlyViews_1 = require("../readOnlyViews");
const replayDocumentText_1 = require("./replayDocumentText");
/** The inspector's command (src/extension/inspector): `{aggregateId, atSequence, store}` opens it stepped there. */
const OPEN_INSPECTOR_COMMAND = 'eventbus.openInspector';
/**
 * Replay documents: read-only plain-text tables (see replayDocumentText.ts)
 * whose `#seq`, `inspect` and tree ids are links. Text rather than a
 * webview because a replay is something to read, search (Ctrl+F), copy and
 * compare like any file, in the user's editor font and theme, with no page
 * to keep in step; the links are command links on the words.
 */
class ReplayDocuments {
    views;
    linksByUri = new Map();
    disposables = [];
    constructor(views) {
        this.views = views;
        this.disposables.push(vscode.languages.registerDocumentLinkProvider({ scheme: readOnlyViews_1.VIEW_SCHEME }, this), vscode.workspace.onDidCloseTextDocument((document) => this.linksByUri.delete(document.uri.toString())));
    }
    /** Shows the server's replay (ReplayDocumentRequest) as the document `name`. */
    async show(result, scope, heading, name) {
        const document = (0, replayDocumentText_1.renderReplayDocument)(heading, result, scope.correlation);
        const editor = await this.views.show(name, document.text, 'plaintext');
        this.linksByUri.set(editor.document.uri.toString(), { links: document.links, store: scope.store });
    }
    provideDocumentLinks(document) {
        const known = this.linksByUri.get(document.uri.toString());
        if (!known)
            return [];
        return known.links.map((link) => {
            const range = new vscode.Range(link.line, link.start, link.line, link.end);
            const store = known.store !== undefined ? { store: known.store } : {};
            const [command, arg, tooltip] = link.target.kind === 'event'
                ? [eventDocumentUri_1.OPEN_EVENT_COMMAND, { eventId: link.target.eventId, title: link.target.title, ...store }, `Open ${link.target.title}`]
                : [OPEN_INSPECTOR_COMMAND, { aggregateId: link.target.aggregateId, atSequence: link.target.sequence, ...store }, `Step the inspector to #${link.target.sequence}`];
            const item = new vscode.DocumentLink(range, vscode.Uri.parse(`command:${command}?${encodeURIComponent(JSON.stringify([arg]))}`));
            item.tooltip = tooltip;
            return item;
        });
    }
    dispose() {
        this.disposables.forEach((d) => d.dispose());
        this.linksByUri.clear();
    }
}
exports.ReplayDocuments = ReplayDocuments;
//# sourceMappingURL=replayDocuments.js.map