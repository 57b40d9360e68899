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
exports.DEBUG_TYPE = void 0;
exports.registerReplayDebugger = registerReplayDebugger;
const path = __importStar(require("node:path"));
const vscode = __importStar(require("vscode"));
const eventBusDebugSession_1 = require("../../debugAdapter/eventBusDebugSession");
/** The debug type of package.json's `contributes.debuggers`. */
exports.DEBUG_TYPE = 'eventbus';
/**
 * Replay sessions run inline in the extension host: the adapter opens the
 * store through its persisted index (a header read, then only what a step
 * asks), so no process is spawned per session. `node dist/debugAdapter.js`
 * is the same adapter over stdio, for tests and other DAP clients.
 */
class InlineReplayAdapterFactory {
    createDebugAdapterDescriptor() {
        return new vscode.DebugAdapterInlineImplementation(new eventBusDebugSession_1.EventBusDebugSession());
    }
}
/** Fills what a launch configuration leaves out: the workspace's store, and `.gz` days as the editor's decompressed documents. */
class ReplayConfigurationProvider {
    resolveDebugConfiguration(folder, config) {
        // F5 with no launch.json: replay the whole store of the first folder.
        if (!config.type && !config.request && !config.name) {
            config.type = exports.DEBUG_TYPE;
            config.request = 'launch';
            config.name = 'Replay the event store';
        }
        const root = folder ?? vscode.workspace.workspaceFolders?.[0];
        if (config.store === undefined && root)
            config.store = path.join(root.uri.fsPath, 'event_store');
        // Breakpoints set in a decompressed .gz day are on `eventbus:` documents: show the same documents when stopping there.
        config.gzipSources ??= 'eventbusUri';
        return config;
    }
}
function registerReplayDebugger(context) {
    context.subscriptions.push(vscode.debug.registerDebugAdapterDescriptorFactory(exports.DEBUG_TYPE, new InlineReplayAdapterFactory()), vscode.debug.registerDebugConfigurationProvider(exports.DEBUG_TYPE, new ReplayConfigurationProvider()));
}
//# sourceMappingURL=debugAdapterFactory.js.map