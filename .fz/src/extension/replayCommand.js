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
exports.registerReplayAggregateCommand = registerReplayAggregateCommand;
const vscode = __importStar(require("vscode"));
const commands_1 = require("../shared/commands");
const commandIds_1 = require("./commands/commandIds");
/**
 * "Replay aggregate to this event" (offered by the server's code actions
 * and an event row's menu): the readable replay document of the aggregate
 * up to that sequence, the same one "Replay Aggregate…" opens.
 */
function registerReplayAggregateCommand(context) {
    context.subscriptions.push(vscode.commands.registerCommand(commands_1.ReplayAggregateCommand.id, async (args) => {
        const record = (typeof args === 'object' && args !== null ? args : {});
        // A tree row passes its node: the event's aggregate and sequence are on its entry.
        const aggregateId = typeof record.aggregateId === 'string' ? record.aggregateId : typeof record.entry?.aggregateId === 'string' ? record.entry.aggregateId : undefined;
        const toSequence = typeof record.toSequence === 'number' ? record.toSequence : typeof record.entry?.sequence === 'number' ? record.entry.sequence : undefined;
        if (aggregateId === undefined) {
            void vscode.window.showWarningMessage('Event Bus: replay needs an aggregate (run it from an event line or row).');
            return;
        }
        const store = typeof record.store === 'string' ? { store: record.store } : {};
        await vscode.commands.executeCommand(commandIds_1.PaletteCommand.replayAggregate, { aggregateId, ...store, ...(toSequence !== undefined ? { toSequence } : {}) });
    }));
}
//# sourceMappingURL=replayCommand.js.map