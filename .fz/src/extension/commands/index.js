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
exports.registerPaletteCommands = registerPaletteCommands;
const vscode = __importStar(require("vscode"));
const commandArgs_1 = require("./commandArgs");
const commandIds_1 = require("./commandIds");
const progress_1 = require("./progress");
const publishCommand_1 = require("./publishCommand");
const publishPanel_1 = require("../publish/publishPanel");
const republish_1 = require("../publish/republish");
const replayDocuments_1 = require("../replay/replayDocuments");
const replayCommands_1 = require("./replayCommands");
const stateCommands_1 = require("./stateCommands");
const storeCommands_1 = require("./storeCommands");
const trust_1 = require("./trust");
/** The command table (rust-analyzer style): id → what it does, and what to call it when it fails. */
const COMMANDS = [
    { id: commandIds_1.PaletteCommand.replayAggregate, what: 'Replay Aggregate', run: replayCommands_1.replayAggregate },
    { id: commandIds_1.PaletteCommand.replayCorrelation, what: 'Replay Correlation', run: replayCommands_1.replayCorrelation },
    { id: commandIds_1.PaletteCommand.rebuildAtSequence, what: 'Rebuild State at Event', run: stateCommands_1.rebuildAtSequence },
    { id: commandIds_1.PaletteCommand.createSnapshot, what: 'Create Snapshot', run: stateCommands_1.createSnapshot },
    { id: commandIds_1.PaletteCommand.verifySnapshots, what: 'Verify Snapshots', run: stateCommands_1.verifySnapshots },
    { id: commandIds_1.PaletteCommand.restoreFromSnapshot, what: 'Show State from Snapshot', run: stateCommands_1.restoreFromSnapshot },
    { id: commandIds_1.PaletteCommand.publishEvent, what: 'Publish Event', run: publishCommand_1.publishEvent },
    { id: commandIds_1.PaletteCommand.validateStore, what: 'Validate Store', run: storeCommands_1.validateStore },
    { id: commandIds_1.PaletteCommand.cleanupExpired, what: 'Clean Up Expired Events', run: storeCommands_1.cleanupExpired },
    { id: commandIds_1.PaletteCommand.migrateSchemas, what: 'Migrate Events to Newest Schema', run: storeCommands_1.migrateSchemas },
    { id: commandIds_1.PaletteCommand.refresh, what: 'Refresh', run: storeCommands_1.refresh },
];
/**
 * Registers the "Event Bus" palette commands and the trust context key.
 * Every command asks the language server (the client parses nothing) and
 * turns a failure, including a server that is not running, into one error
 * message naming the command. A command run from a view may pass
 * `{ store?, aggregateId?, correlationId? }` to skip its pick.
 */
function registerPaletteCommands(context, client, views) {
    (0, trust_1.registerTrustContext)(context);
    // The generic RequestType overload, spelled out (TS cannot pick it for a generic P).
    const send = (type, params) => client.sendRequest(type, params);
    const publishForm = new publishPanel_1.PublishPanel(context.extensionUri, send);
    context.subscriptions.push(publishForm, (0, republish_1.registerRepublish)(send, publishForm));
    const replays = new replayDocuments_1.ReplayDocuments(views);
    context.subscriptions.push(replays);
    const explorer = {};
    const deps = { client, views, publishForm, replays, explorer };
    for (const command of COMMANDS) {
        context.subscriptions.push(vscode.commands.registerCommand(command.id, async (arg) => {
            try {
                await command.run(deps, (0, commandArgs_1.commandArgsOf)(arg));
            }
            catch (error) {
                (0, progress_1.reportFailure)(command.what, error);
            }
        }));
    }
    return explorer;
}
//# sourceMappingURL=index.js.map