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
exports.EventDocuments = exports.REVEAL_IN_FILE_COMMAND = void 0;
exports.eventDocumentUri = eventDocumentUri;
exports.registerEventDocuments = registerEventDocuments;
const vscode = __importStar(require("vscode"));
const protocol_1 = require("../../shared/protocol");
const eventDocumentUri_1 = require("./eventDocumentUri");
const errorText_1 = require("../errorText");
exports.REVEAL_IN_FILE_COMMAND = 'eventbus.revealInFile';
function eventDocumentUri(ref) {
    return vscode.Uri.from((0, eventDocumentUri_1.eventDocumentUriParts)(ref));
}
/**
 * Events as read-only pretty JSON documents (the content comes from the
 * server's EventByIdRequest), and "Reveal in File" from such a document to
 * the event's line in its JSONL day (or the decompressed `eventbus:` view
 * of a .jsonl.gz day).
 */
class EventDocuments {
    send;
    changed = new vscode.EventEmitter();
    onDidChange = this.changed.event;
    constructor(send) {
        this.send = send;
    }
    async provideTextDocumentContent(uri) {
        // A document VS Code still holds may name an event that cleanup or a
        // rewrite removed: say so in the document rather than fail the refresh.
        try {
            const detail = await this.detailOf(uri);
            return detail.documentText ?? (0, eventDocumentUri_1.eventDocumentText)(detail.event);
        }
        catch (error) {
            return `// ${error.message}\n`;
        }
    }
    /** Re-reads open event documents (after a day was rewritten, their events may have changed). */
    refreshOpen() {
        for (const document of vscode.workspace.textDocuments)
            if (document.uri.scheme === eventDocumentUri_1.EVENT_DOCUMENT_SCHEME)
                this.changed.fire(document.uri);
    }
    /** Opens the event in a tab titled `type #seq (aggregate)` (asked of the server when the caller knows only the id). */
    async open(ref, preview = true, viewColumn) {
        let titled = ref;
        if (ref.title === undefined) {
            const detail = await this.send(protocol_1.EventByIdRequest.type, { eventId: ref.eventId, ...(ref.store ? { store: ref.store } : {}) });
            if (detail)
                titled = { ...ref, title: (0, eventDocumentUri_1.eventDocumentTitle)(detail.entry) };
        }
        let document = await vscode.workspace.openTextDocument(eventDocumentUri(titled));
        if (document.languageId !== 'json')
            document = await vscode.languages.setTextDocumentLanguage(document, 'json');
        await vscode.window.showTextDocument(document, { preview, preserveFocus: preview, ...(viewColumn !== undefined ? { viewColumn } : {}) });
    }
    /** Opens the event's file at its line with the line selected. */
    async revealInFile(uri) {
        const detail = await this.detailOf(uri);
        const target = vscode.Uri.parse(detail.entry.uri);
        const document = await vscode.workspace.openTextDocument(target);
        const line = Math.min(Math.max(detail.entry.line - 1, 0), Math.max(document.lineCount - 1, 0));
        const range = new vscode.Range(line, 0, line, document.lineAt(line).text.length);
        await vscode.window.showTextDocument(document, { selection: range, preview: false });
    }
    dispose() {
        this.changed.dispose();
    }
    async detailOf(uri) {
        const ref = (0, eventDocumentUri_1.parseEventDocumentUri)(uri.path, uri.query);
        if (!ref)
            throw new Error(`${uri.toString()}: expected ${eventDocumentUri_1.EVENT_DOCUMENT_SCHEME}:/<event id>.json`);
        const detail = await this.send(protocol_1.EventByIdRequest.type, { eventId: ref.eventId, ...(ref.store ? { store: ref.store } : {}) });
        if (!detail)
            throw new Error(`No event with id ${ref.eventId} in ${ref.store ?? 'the store'} (was its file removed or rewritten?)`);
        return detail;
    }
}
exports.EventDocuments = EventDocuments;
function isRef(value) {
    return typeof value === 'object' && value !== null && typeof value.eventId === 'string';
}
function registerEventDocuments(context, send) {
    const documents = new EventDocuments(send);
    const fail = (error) => void vscode.window.showErrorMessage(`Event Bus: ${(0, errorText_1.editorErrorText)(error)}`);
    context.subscriptions.push(documents, vscode.workspace.registerTextDocumentContentProvider(eventDocumentUri_1.EVENT_DOCUMENT_SCHEME, documents), vscode.commands.registerCommand(eventDocumentUri_1.OPEN_EVENT_COMMAND, async (ref) => {
        if (!isRef(ref)) {
            void vscode.window.showWarningMessage('Event Bus: Open Event needs an event (choose one in the Event Bus views).');
            return;
        }
        // `beside`: next to the editor that asked (the timeline), not over it.
        const beside = ref.beside === true;
        const title = typeof ref.title === 'string' ? ref.title : undefined;
        await documents
            .open({ eventId: ref.eventId, ...(ref.store ? { store: ref.store } : {}), ...(title ? { title } : {}) }, true, beside ? vscode.ViewColumn.Beside : undefined)
            .catch(fail);
    }), vscode.commands.registerCommand(exports.REVEAL_IN_FILE_COMMAND, async (resource) => {
        const uri = resource instanceof vscode.Uri ? resource : vscode.window.activeTextEditor?.document.uri;
        if (!uri || uri.scheme !== eventDocumentUri_1.EVENT_DOCUMENT_SCHEME) {
            void vscode.window.showWarningMessage('Event Bus: Reveal in File works from an event opened from the Event Bus views.');
            return;
        }
        await documents.revealInFile(uri).catch(fail);
    }));
    return documents;
}
//# sourceMappingURL=eventDocuments.js.map