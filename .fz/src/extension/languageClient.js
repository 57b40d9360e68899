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
exports.EVENT_LANGUAGE_ID = void 0;
exports.createLanguageClient = createLanguageClient;
exports.currentSettings = currentSettings;
const vscode = __importStar(require("vscode"));
const node_1 = require("vscode-languageclient/node");
const commands_1 = require("../shared/commands");
const uris_1 = require("../shared/uris");
const settings_1 = require("../shared/settings");
const busSettings_1 = require("./settings/busSettings");
exports.EVENT_LANGUAGE_ID = 'event-jsonl';
/** Commands the server may put in code actions: those this extension registers (see extension.ts). */
const CLIENT_COMMANDS = [commands_1.ReplayAggregateCommand.id, commands_1.ShowInTimelineCommand.id];
/**
 * The client half of the language server: the server (dist/server.js, its
 * own Node process over IPC) hosts the engine and does all the work; this
 * only starts it and forwards documents and settings.
 */
function createLanguageClient(context, log) {
    const module = context.asAbsolutePath('dist/server.js');
    const serverOptions = {
        run: { module, transport: node_1.TransportKind.ipc },
        debug: { module, transport: node_1.TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const clientOptions = {
        documentSelector: [
            { scheme: 'file', language: exports.EVENT_LANGUAGE_ID },
            { scheme: uris_1.EVENTBUS_SCHEME, language: exports.EVENT_LANGUAGE_ID },
        ],
        synchronize: { configurationSection: settings_1.SETTINGS_SECTION },
        initializationOptions: { settings: currentSettings(), clientCommands: CLIENT_COMMANDS },
        outputChannel: log,
        middleware: {
            workspace: {
                // The server pulls each folder's settings: answer with the shape it expects (bus keys only when set) rather than the raw section.
                configuration: async (params, token, next) => {
                    const result = await next(params, token);
                    if (!Array.isArray(result))
                        return result;
                    return result.map((value, i) => {
                        const item = params.items[i];
                        if (item?.section !== settings_1.SETTINGS_SECTION)
                            return value;
                        return currentSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : null);
                    });
                },
            },
        },
    };
    return new node_1.LanguageClient('eventbus', 'Event Bus', serverOptions, clientOptions);
}
/**
 * The settings for `scope` (a folder or file), or the window-wide ones when
 * `null`: the server pulls each folder's own settings itself.
 */
function currentSettings(scope = null) {
    const config = vscode.workspace.getConfiguration(settings_1.SETTINGS_SECTION, scope);
    return {
        storePath: config.get('storePath') || undefined,
        eventFileGlob: config.get('eventFileGlob') || undefined,
        schemasPath: config.get('schemasPath') || undefined,
        sequenceMode: config.get('sequenceMode'),
        severity: config.get('severity'),
        maxProblemsPerFile: config.get('maxProblemsPerFile'),
        projectionsEnabled: config.get(settings_1.PROJECTIONS_ENABLED_SETTING) === true,
        bus: (0, busSettings_1.explicitBusSettings)((key) => config.inspect(key)),
    };
}
//# sourceMappingURL=languageClient.js.map