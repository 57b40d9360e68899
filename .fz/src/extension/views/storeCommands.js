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
exports.registerStoreCommands = registerStoreCommands;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const vscode = __importStar(require("vscode"));
const protocol_1 = require("../../shared/protocol");
const settings_1 = require("../../shared/settings");
const errorText_1 = require("../errorText");
/**
 * The welcome view's buttons: "Create a sample store" (the server runs the
 * engine's generator into `<folder>/event_store` and opens it) and "Choose
 * store folder…" (writes that folder's `eventbus.storePath`).
 */
function registerStoreCommands(views, send) {
    const fail = (error) => void vscode.window.showErrorMessage(`Event Bus: ${(0, errorText_1.editorErrorText)(error)}`);
    const createSampleStore = async () => {
        const folder = await pickWorkspaceFolder('Create the sample store in which folder?');
        if (!folder)
            return;
        const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Event Bus: creating a sample store in ${folder.name}` }, () => send(protocol_1.CreateSampleStoreRequest.type, { folder: folder.uri.fsPath }));
        await views.registry.refresh();
        views.refreshAll();
        void vscode.window.showInformationMessage(`Event Bus: created ${result.storeRoot} with ${result.events.toLocaleString('en')} events in ${result.files.length} day files (with a fault of every kind to explore).`);
    };
    const selectStore = async () => {
        const folder = await pickWorkspaceFolder('Whose store is it (which workspace folder)?');
        if (!folder)
            return;
        const [chosen] = (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, defaultUri: folder.uri, openLabel: 'Use as Event Store' })) ?? [];
        if (!chosen)
            return;
        if (!fs.existsSync(path.join(chosen.fsPath, 'events'))) {
            const answer = await vscode.window.showWarningMessage(`${chosen.fsPath} has no events/ folder; an event store holds events/events_YYYY-MM-DD.jsonl files.`, { modal: true }, 'Use Anyway');
            if (answer !== 'Use Anyway')
                return;
        }
        const relative = path.relative(folder.uri.fsPath, chosen.fsPath);
        const value = relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? chosen.fsPath : relative.split(path.sep).join('/');
        await vscode.workspace.getConfiguration(settings_1.SETTINGS_SECTION, folder.uri).update('storePath', value, vscode.ConfigurationTarget.WorkspaceFolder);
        // A folder that had no store has no session to reopen on the settings change: asking for the store opens it.
        if (!views.registry.stores.some((s) => s.folder === folder.uri.fsPath) && fs.existsSync(path.join(chosen.fsPath, 'events'))) {
            await send(protocol_1.StatusRequest.type, { store: chosen.fsPath });
        }
        await views.registry.refresh();
        views.refreshAll();
    };
    return [
        vscode.commands.registerCommand('eventbus.createSampleStore', () => createSampleStore().catch(fail)),
        vscode.commands.registerCommand('eventbus.selectStore', () => selectStore().catch(fail)),
    ];
}
async function pickWorkspaceFolder(placeHolder) {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) {
        void vscode.window.showWarningMessage('Event Bus: open a folder first; the store lives in a workspace folder.');
        return undefined;
    }
    if (folders.length === 1)
        return folders[0];
    return vscode.window.showWorkspaceFolderPick({ placeHolder });
}
//# sourceMappingURL=storeCommands.js.map