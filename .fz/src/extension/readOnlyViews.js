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
exports.ReadOnlyViews = exports.VIEW_SCHEME = void 0;
exports.registerReadOnlyViews = registerReadOnlyViews;
const vscode = __importStar(require("vscode"));
exports.VIEW_SCHEME = 'eventbus-view';
/**
 * Read-only documents the extension makes up (a replay's events, a rebuilt
 * state): shown like files, never saved, and kept in memory only while open.
 */
class ReadOnlyViews {
    texts = new Map();
    changed = new vscode.EventEmitter();
    onDidChange = this.changed.event;
    provideTextDocumentContent(uri) {
        return this.texts.get(uri.toString()) ?? '';
    }
    /** Shows `text` as a read-only document named `name` (its extension picks the language). */
    async show(name, text, languageId) {
        const uri = vscode.Uri.from({ scheme: exports.VIEW_SCHEME, path: `/${name}` });
        this.texts.set(uri.toString(), text);
        this.changed.fire(uri);
        let document = await vscode.workspace.openTextDocument(uri);
        if (languageId && document.languageId !== languageId)
            document = await vscode.languages.setTextDocumentLanguage(document, languageId);
        return vscode.window.showTextDocument(document, { preview: false });
    }
    forget(uri) {
        this.texts.delete(uri.toString());
    }
    dispose() {
        this.changed.dispose();
        this.texts.clear();
    }
}
exports.ReadOnlyViews = ReadOnlyViews;
function registerReadOnlyViews(context) {
    const views = new ReadOnlyViews();
    context.subscriptions.push(views, vscode.workspace.registerTextDocumentContentProvider(exports.VIEW_SCHEME, views), vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.uri.scheme === exports.VIEW_SCHEME)
            views.forget(document.uri);
    }));
    return views;
}
//# sourceMappingURL=readOnlyViews.js.map