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
exports.OPEN_INSPECTOR_COMMAND = void 0;
exports.registerInspector = registerInspector;
const vscode = __importStar(require("vscode"));
const protocol_1 = require("../../shared/protocol");
const eventDocumentUri_1 = require("../eventDocuments/eventDocumentUri");
const webviewProtocol_1 = require("../../shared/webviewProtocol");
const aggregatePick_1 = require("./aggregatePick");
const inspectorBackend_1 = require("./inspectorBackend");
const inspectorPanel_1 = require("./inspectorPanel");
const openInspectorArgs_1 = require("./openInspectorArgs");
exports.OPEN_INSPECTOR_COMMAND = 'eventbus.openInspector';
/**
 * The time-travel inspector: the `eventbus.openInspector` command (a quick
 * pick of aggregates, or `{aggregateId, atSequence?, store?}` from other
 * commands), the serializer that revives panels after a reload, and live
 * appends. `storeChanged` should be the extension's shared event for
 * StoreChangedNotification: the language client keeps one handler per
 * notification method, so when absent the inspector registers its own and
 * would replace any other.
 */
function registerInspector(context, client, storeChanged) {
    // RequestParam<P> widens only `null` params; none of ours are null, so P is what it takes.
    const send = (type, params) => client.sendRequest(type, params);
    const panels = new Map();
    const log = (message) => client.outputChannel.appendLine(message);
    const adopt = (panel, subject, atSequence) => {
        const inspector = new inspectorPanel_1.InspectorPanel(panel, subject, (0, inspectorBackend_1.createInspectorBackend)(send, subject), context.extensionUri, atSequence, log);
        const key = (0, openInspectorArgs_1.subjectKey)(subject);
        panels.set(key, inspector);
        inspector.onDidDispose(() => {
            if (panels.get(key) === inspector)
                panels.delete(key);
        });
        return inspector;
    };
    const open = (subject, atSequence) => {
        const existing = panels.get((0, openInspectorArgs_1.subjectKey)(subject));
        if (existing)
            existing.focus(atSequence);
        else
            adopt((0, inspectorPanel_1.createInspectorWebviewPanel)(subject, context.extensionUri), subject, atSequence);
    };
    /**
     * An event document (the editor title's button passes its URI; from the
     * palette, the active editor's): the inspector opens at that event's
     * aggregate and sequence, as the server's index places it.
     */
    const fromEventDocument = async (uri) => {
        if (!uri || uri.scheme !== eventDocumentUri_1.EVENT_DOCUMENT_SCHEME)
            return undefined;
        const ref = (0, eventDocumentUri_1.parseEventDocumentUri)(uri.path, uri.query);
        if (!ref)
            return undefined;
        const detail = await send(protocol_1.EventByIdRequest.type, { eventId: ref.eventId, ...(ref.store ? { store: ref.store } : {}) });
        if (!detail)
            return undefined;
        return (0, openInspectorArgs_1.openArgsOfEntry)(detail.entry, ref.store) ?? 'no aggregate';
    };
    context.subscriptions.push(vscode.commands.registerCommand(exports.OPEN_INSPECTOR_COMMAND, async (args) => {
        const given = (0, openInspectorArgs_1.parseOpenInspectorArgs)(args);
        if (given) {
            open(given, given.atSequence);
            return;
        }
        const document = await fromEventDocument(args instanceof vscode.Uri ? args : vscode.window.activeTextEditor?.document.uri);
        if (document === 'no aggregate') {
            void vscode.window.showInformationMessage('Event Bus: this event has no aggregate id, so it has no state to step through.');
            return;
        }
        if (document) {
            open(document, document.atSequence);
            return;
        }
        const aggregateId = await (0, aggregatePick_1.pickAggregate)(send, undefined);
        if (aggregateId !== undefined)
            open({ aggregateId }, undefined);
    }), vscode.window.registerWebviewPanelSerializer(webviewProtocol_1.INSPECTOR_VIEW_TYPE, {
        async deserializeWebviewPanel(panel, state) {
            const subject = (0, webviewProtocol_1.subjectOfSavedState)(state);
            if (!subject) {
                // Saved by a page that never got an aggregate (or by an older version): nothing to show.
                panel.dispose();
                return;
            }
            if (panels.has((0, openInspectorArgs_1.subjectKey)(subject)))
                panel.dispose();
            else
                adopt(panel, subject, undefined);
        },
    }), { dispose: () => [...panels.values()].forEach((p) => p.dispose()) });
    const onStoreChanged = (change) => {
        for (const inspector of panels.values()) {
            inspector.storeChanged(change).catch((error) => log(`inspector: live update failed: ${error instanceof Error ? error.message : String(error)}`));
        }
    };
    context.subscriptions.push(storeChanged ? storeChanged(onStoreChanged) : client.onNotification(protocol_1.StoreChangedNotification.type, onStoreChanged));
}
//# sourceMappingURL=index.js.map