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
exports.DEBUG_FROM_HERE_COMMAND = exports.DEBUG_AGGREGATE_COMMAND = void 0;
exports.registerDebugCommands = registerDebugCommands;
const vscode = __importStar(require("vscode"));
const debugAdapterFactory_1 = require("./debugAdapterFactory");
/** Command ids of the tree rows' "Debug This Aggregate" and "Debug from Here". */
exports.DEBUG_AGGREGATE_COMMAND = 'eventbus.debugAggregate';
exports.DEBUG_FROM_HERE_COMMAND = 'eventbus.debugFromHere';
function isAggregateRow(value) {
    return typeof value === 'object' && value !== null && value.kind === 'group' && value.groupBy === 'aggregate';
}
function isEventRow(value) {
    return typeof value === 'object' && value !== null && value.kind === 'event';
}
/**
 * "Debug This Aggregate" on an aggregate row and "Debug from Here" on an
 * event row: start a replay session in VS Code's debugger, the first
 * stopped on the aggregate's first event, the second on that event.
 */
function registerDebugCommands(views) {
    const storeOf = (store) => store ?? views.registry.stores[0]?.storeRoot;
    const start = async (name, config) => {
        const folder = vscode.workspace.workspaceFolders?.[0];
        const started = await vscode.debug.startDebugging(folder, { type: debugAdapterFactory_1.DEBUG_TYPE, request: 'launch', name, stopOnEntry: true, ...config });
        if (!started)
            void vscode.window.showErrorMessage(`Event Bus: could not start "${name}" (see the Debug Console).`);
    };
    return [
        vscode.commands.registerCommand(exports.DEBUG_AGGREGATE_COMMAND, async (node) => {
            if (!isAggregateRow(node))
                return void vscode.window.showWarningMessage('Event Bus: Debug This Aggregate works on an aggregate row of the Aggregates view.');
            const store = storeOf(node.store);
            // Stop on entry only without breakpoints: with some, the session runs to the first one, as a program would.
            const hasBreakpoints = vscode.debug.breakpoints.some((bp) => bp.enabled);
            await start(`Debug ${node.summary.key}`, { ...(store ? { store } : {}), aggregateId: node.summary.key, stopOnEntry: !hasBreakpoints });
        }),
        vscode.commands.registerCommand(exports.DEBUG_FROM_HERE_COMMAND, async (node) => {
            if (!isEventRow(node))
                return void vscode.window.showWarningMessage('Event Bus: Debug from Here works on an event row of the Event Bus views.');
            const store = storeOf(node.store);
            const entry = node.entry;
            const scope = node.aggregateId !== undefined && node.toSequence !== undefined
                ? { aggregateId: node.aggregateId, fromSequence: node.toSequence }
                : entry.correlationId
                    ? { correlationId: entry.correlationId }
                    : entry.timestamp
                        ? { since: entry.timestamp }
                        : {};
            await start(`Debug from ${entry.type} ${entry.sequence ?? ''}`.trim(), { ...(store ? { store } : {}), ...scope });
        }),
    ];
}
//# sourceMappingURL=debugCommands.js.map