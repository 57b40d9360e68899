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
exports.registerEventCommands = registerEventCommands;
const vscode = __importStar(require("vscode"));
const protocol_1 = require("../../shared/protocol");
const statusBarItem_1 = require("../status/statusBarItem");
const viewNames_1 = require("./model/viewNames");
const revealEvent_1 = require("./revealEvent");
const errorText_1 = require("../errorText");
function isEventNode(value) {
    return typeof value === 'object' && value !== null && value.kind === 'event';
}
/** An id as a path segment of a view URI (no separators). */
function safeName(id) {
    return id.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
}
/**
 * The event rows' context menu (rebuild to here, copy id, show correlation;
 * replay is eventbus.replayAggregate, registered elsewhere), opening a
 * snapshot, verifying snapshots from the view, and "Show Status".
 */
function registerEventCommands(views, send, readOnly) {
    const fail = (error) => void vscode.window.showErrorMessage(`Event Bus: ${(0, errorText_1.editorErrorText)(error)}`);
    const needEvent = (what) => void vscode.window.showWarningMessage(`Event Bus: ${what} works on an event row of the Event Bus views.`);
    const rebuildToHere = async (node) => {
        if (node.aggregateId === undefined || node.toSequence === undefined) {
            void vscode.window.showWarningMessage('Event Bus: Rebuild to Here needs an event with an aggregate id and a sequence number.');
            return;
        }
        const result = await send(protocol_1.RebuildRequest.type, { ...(node.store !== undefined ? { store: node.store } : {}), aggregateId: node.aggregateId, atSequence: node.toSequence });
        await readOnly.show(`state ${safeName(node.aggregateId)} at ${node.toSequence}.json`, `${JSON.stringify(result, null, 2)}\n`, 'json');
    };
    const showCorrelation = async (node) => {
        const correlationId = node.entry.correlationId;
        if (!correlationId) {
            void vscode.window.showInformationMessage('Event Bus: this event has no correlation id.');
            return;
        }
        // A correlation may sit on a page not loaded yet: filtering by its id puts it at the top (the clear button undoes it).
        views.setFilter('correlations', { prefix: correlationId });
        await vscode.commands.executeCommand(`${(0, viewNames_1.viewId)('correlations')}.focus`);
        const target = await views.provider('correlations').findRoot(node.store, (n) => n.kind === 'group' && n.summary.key === correlationId);
        if (target)
            await views.treeView('correlations').reveal(target, { select: true, focus: true, expand: true });
    };
    return [
        vscode.commands.registerCommand('eventbus.rebuildToHere', (node) => (isEventNode(node) ? rebuildToHere(node).catch(fail) : needEvent('Rebuild to Here'))),
        vscode.commands.registerCommand('eventbus.copyEventId', async (node) => {
            if (!isEventNode(node))
                return needEvent('Copy Event Id');
            await vscode.env.clipboard.writeText(node.entry.eventId);
            vscode.window.setStatusBarMessage(`Copied event id ${node.entry.eventId}`, 3000);
        }),
        vscode.commands.registerCommand('eventbus.showCorrelation', (node) => (isEventNode(node) ? showCorrelation(node).catch(fail) : needEvent('Show Correlation'))),
        vscode.commands.registerCommand('eventbus.openSnapshot', async (uri) => {
            if (typeof uri !== 'string')
                return;
            await vscode.window.showTextDocument(vscode.Uri.parse(uri), { preview: true }).then(undefined, fail);
        }),
        vscode.commands.registerCommand(revealEvent_1.REVEAL_IN_AGGREGATES_COMMAND, async (args) => {
            if (!(0, revealEvent_1.isRevealEventArgs)(args))
                return needEvent('Reveal in Aggregates View');
            await (0, revealEvent_1.revealEventInAggregates)(views, send, args).catch(fail);
        }),
        vscode.commands.registerCommand(statusBarItem_1.SHOW_STATUS_COMMAND, async () => {
            await vscode.commands.executeCommand(`workbench.view.extension.${viewNames_1.VIEW_CONTAINER_ID}`);
            await vscode.commands.executeCommand(`${(0, viewNames_1.viewId)('status')}.focus`);
            // Feedback that something happened: the view's progress bar while the status is asked again, then the counts.
            await vscode.window
                .withProgress({ location: { viewId: (0, viewNames_1.viewId)('status') }, title: 'Reading the store status' }, async () => {
                await views.registry.refresh();
                views.provider('status').refresh();
            })
                .then(undefined, fail);
            const stores = views.registry.stores;
            const events = stores.reduce((sum, s) => sum + s.eventCount, 0);
            vscode.window.setStatusBarMessage(stores.length === 0 ? 'Event Bus: no event store found' : `$(pulse) Event Bus: ${stores.length === 1 ? 'the store holds' : `${stores.length} stores hold`} ${events.toLocaleString('en-US')} events`, 5000);
        }),
    ];
}
//# sourceMappingURL=eventCommands.js.map