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
exports.registerExplorer = registerExplorer;
const vscode = __importStar(require("vscode"));
const node_1 = require("vscode-languageclient/node");
const protocol_1 = require("../../shared/protocol");
const storeProgress_1 = require("./model/storeProgress");
const eventDocuments_1 = require("../eventDocuments/eventDocuments");
const statusBarItem_1 = require("../status/statusBarItem");
const eventCommands_1 = require("./eventCommands");
const explorerViews_1 = require("./explorerViews");
const liveRefresh_1 = require("./liveRefresh");
const viewNames_1 = require("./model/viewNames");
const storeRegistry_1 = require("./sources/storeRegistry");
const storeCommands_1 = require("./storeCommands");
const viewCommands_1 = require("./viewCommands");
const errorText_1 = require("../errorText");
/**
 * The Event Bus activity-bar container: five tree views over the server's
 * custom requests, their commands, the event documents, the status bar
 * item and live refresh on StoreChangedNotification. Safe to call before
 * the client has started: requests wait until it runs.
 */
function registerExplorer(context, client, readOnly, storeChanged, log) {
    // The generic RequestType overload, spelled out (TS cannot pick it for a generic P).
    const send = (type, params) => client.sendRequest(type, params);
    const write = (message) => log?.warn(message);
    const registry = new storeRegistry_1.StoreRegistry(send);
    const views = new explorerViews_1.ExplorerViews(send, registry, write);
    const documents = (0, eventDocuments_1.registerEventDocuments)(context, send);
    const live = new liveRefresh_1.LiveRefresh(views, () => documents.refreshOpen(), write);
    let shownStores = '';
    const onStores = () => {
        void vscode.commands.executeCommand('setContext', 'eventbus.storesKnown', registry.answered);
        void vscode.commands.executeCommand('setContext', 'eventbus.storeFound', registry.stores.length > 0);
        views.showOpening((0, storeProgress_1.openingMessage)(registry.stores));
        // A store appearing or going, or its index becoming ready, changes every view's top level; counts alone are the live refresh's business.
        const stores = registry.stores.map((s) => `${s.storeRoot}|${(0, storeProgress_1.isIndexing)(s) ? `indexing ${s.progress?.percent ?? 0}` : 'indexed'}`).join('\n');
        if (stores !== shownStores) {
            shownStores = stores;
            for (const name of viewNames_1.VIEW_NAMES)
                views.source(name).invalidate(true);
            views.refreshAll();
        }
    };
    const refresh = async () => {
        await registry.refresh();
        for (const name of viewNames_1.VIEW_NAMES)
            views.source(name).invalidate(true);
        views.refreshAll();
    };
    const refreshLogged = () => void refresh().catch((error) => write(`Event Bus views: ${(0, errorText_1.editorErrorText)(error)}`));
    const disposables = [
        views,
        live,
        registry.onDidChange(onStores),
        (0, statusBarItem_1.registerStatusBarItem)(registry),
        storeChanged((params) => live.push(params)),
        client.onNotification(protocol_1.StoreProgressNotification.type, (params) => registry.applyStatus(params.status)),
        // (Re)started servers know nothing of what the views show: start over.
        client.onDidChangeState((e) => {
            if (e.newState === node_1.State.Running)
                refreshLogged();
        }),
        ...(0, viewCommands_1.registerViewCommands)(views, send),
        ...(0, eventCommands_1.registerEventCommands)(views, send, readOnly),
        ...(0, storeCommands_1.registerStoreCommands)(views, send),
        vscode.workspace.onDidChangeConfiguration((e) => {
            if (e.affectsConfiguration('eventbus.pageSize'))
                refreshLogged();
        }),
    ];
    if (client.isRunning())
        refreshLogged();
    const explorer = {
        views,
        refresh,
        dispose: () => disposables.forEach((d) => d.dispose()),
    };
    context.subscriptions.push(explorer);
    return explorer;
}
//# sourceMappingURL=index.js.map