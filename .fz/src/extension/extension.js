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
exports.activate = activate;
exports.deactivate = deactivate;
const vscode = __importStar(require("vscode"));
const debugCommands_1 = require("./debug/debugCommands");
const debugAdapterFactory_1 = require("./debug/debugAdapterFactory");
const decompressedDocuments_1 = require("./decompressedDocuments");
const eventFileLanguage_1 = require("./eventFileLanguage");
const languageClient_1 = require("./languageClient");
const readOnlyViews_1 = require("./readOnlyViews");
const replayCommand_1 = require("./replayCommand");
const commands_1 = require("./commands");
const inspector_1 = require("./inspector");
const query_1 = require("./query");
const storeEvents_1 = require("./storeEvents");
const views_1 = require("./views");
const timeline_1 = require("./timeline");
const filterLink_1 = require("./timeline/filterLink");
let client;
/**
 * The composition root of the client. It stays thin: the language server
 * owns the engine (indexing a 500 MB store must not stall the extension
 * host every extension shares); the client forwards and renders.
 */
async function activate(context) {
    const log = vscode.window.createOutputChannel('Event Bus', { log: true });
    context.subscriptions.push(log);
    (0, eventFileLanguage_1.registerEventFileLanguage)(context);
    (0, decompressedDocuments_1.registerDecompressedDocuments)(context);
    const views = (0, readOnlyViews_1.registerReadOnlyViews)(context);
    client = (0, languageClient_1.createLanguageClient)(context, log);
    context.subscriptions.push(client);
    (0, replayCommand_1.registerReplayAggregateCommand)(context);
    const palette = (0, commands_1.registerPaletteCommands)(context, client, views);
    const storeChanged = (0, storeEvents_1.storeChangedEvents)(context, client);
    (0, inspector_1.registerInspector)(context, client, storeChanged);
    const explorer = (0, views_1.registerExplorer)(context, client, views, storeChanged, log);
    const timeline = (0, timeline_1.registerTimeline)(context, client, storeChanged, log);
    palette.refreshViews = () => explorer.refresh();
    palette.showVerifications = (store, results) => {
        explorer.views.snapshots.setVerifications(store ?? explorer.views.registry.stores[0]?.storeRoot, results, true);
        explorer.views.provider('snapshots').refresh();
    };
    context.subscriptions.push(...(0, filterLink_1.linkTimelineFilter)(explorer.views, timeline));
    (0, query_1.registerQuery)(context, client, explorer.views);
    (0, debugAdapterFactory_1.registerReplayDebugger)(context);
    context.subscriptions.push(...(0, debugCommands_1.registerDebugCommands)(explorer.views));
    await client.start();
    log.info('Event Bus language server started');
}
async function deactivate() {
    await client?.stop();
    client = undefined;
}
//# sourceMappingURL=extension.js.map