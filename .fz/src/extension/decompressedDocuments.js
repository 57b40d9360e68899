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
exports.DecompressedDocuments = void 0;
exports.registerDecompressedDocuments = registerDecompressedDocuments;
const fs = __importStar(require("node:fs"));
const vscode = __importStar(require("vscode"));
const lineReader_1 = require("../engine/store/lineReader");
const uris_1 = require("../shared/uris");
const languageClient_1 = require("./languageClient");
/**
 * `.jsonl.gz` days open as read-only decompressed documents under the
 * `eventbus:` scheme (see src/shared/uris.ts), so the editor, the language
 * server's diagnostics and navigation treat them like plain days.
 */
class DecompressedDocuments {
    changed = new vscode.EventEmitter();
    onDidChange = this.changed.event;
    provideTextDocumentContent(uri) {
        const file = (0, uris_1.fsPathOfUri)(uri.toString());
        if (!file)
            throw new Error(`${uri.toString()}: not an event file URI`);
        const { bytes, problem } = (0, lineReader_1.gunzipTolerant)(fs.readFileSync(file));
        // What decompressed before damage is still shown; the server reports the damage (EB021).
        if (problem && bytes.length === 0)
            throw new Error(`${file}: ${problem}`);
        return bytes.toString('utf8');
    }
    /** Re-reads a shown day (it was appended to or rewritten). */
    refresh(uri) {
        this.changed.fire(uri);
    }
    dispose() {
        this.changed.dispose();
    }
}
exports.DecompressedDocuments = DecompressedDocuments;
function registerDecompressedDocuments(context) {
    const provider = new DecompressedDocuments();
    context.subscriptions.push(provider, vscode.workspace.registerTextDocumentContentProvider(uris_1.EVENTBUS_SCHEME, provider), vscode.commands.registerCommand('eventbus.openDecompressed', async (resource) => {
        const target = resource ?? vscode.window.activeTextEditor?.document.uri;
        if (!target || !target.fsPath.endsWith('.jsonl.gz')) {
            void vscode.window.showWarningMessage('Event Bus: choose a .jsonl.gz event file to open decompressed.');
            return;
        }
        const document = await vscode.workspace.openTextDocument(vscode.Uri.parse((0, uris_1.decompressedUriOf)(target.fsPath)));
        await vscode.languages.setTextDocumentLanguage(document, languageClient_1.EVENT_LANGUAGE_ID);
        await vscode.window.showTextDocument(document, { preview: false });
    }));
    return provider;
}
//# sourceMappingURL=decompressedDocuments.js.map