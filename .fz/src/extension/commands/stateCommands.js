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
exports.rebuildAtSequence = rebuildAtSequence;
exports.createSnapshot = createSnapshot;
exports.verifySnapshots = verifySnapshots;
exports.restoreFromSnapshot = restoreFromSnapshot;
const vscode = __importStar(require("vscode"));
const protocol_1 = require("../../shared/protocol");
const writeProtocol_1 = require("../../shared/writeProtocol");
const pickers_1 = require("./pickers");
const pickItems_1 = require("./pickItems");
const progress_1 = require("./progress");
const projectionChoice_1 = require("./projectionChoice");
const eventPick_1 = require("./eventPick");
const searchPick_1 = require("./searchPick");
const summaries_1 = require("./summaries");
/** "Rebuild State at Event…": the state of an aggregate at one of its sequences, as JSON. */
async function rebuildAtSequence({ client, views }, args) {
    const aggregateId = args.aggregateId ?? (await (0, pickers_1.pickAggregate)(client, args.store, 'Rebuild State at Event'));
    if (!aggregateId)
        return;
    // Picked, not typed: the aggregate's own events, searchable by sequence, type and time.
    const atSequence = await (0, eventPick_1.pickAggregateEvent)(client, args.store, aggregateId, `Rebuild ${aggregateId}`);
    if (atSequence === undefined)
        return;
    const projection = await chooseProjection(client, args);
    if (projection === null)
        return;
    const through = projection ? ` through ${projection}` : '';
    const result = await (0, progress_1.withCancellableProgress)(`rebuilding ${aggregateId} at ${atSequence}${through}`, (token) => client.sendRequest(protocol_1.RebuildRequest.type, { store: args.store, aggregateId, atSequence: atSequence, ...(projection ? { projection, trusted: vscode.workspace.isTrusted } : {}) }, token));
    if (!result)
        return;
    const suffix = projection ? ` (${projection})` : '';
    await views.show(`state ${(0, summaries_1.viewName)(aggregateId)} at ${result.lastSequence}${suffix}.json`, (0, summaries_1.stateDocument)(result), 'json');
}
/**
 * The projection to rebuild through: undefined for the default reducer,
 * null when the user cancelled or a requested projection may not run.
 */
async function chooseProjection(client, args) {
    const listing = await client.sendRequest(protocol_1.ProjectionsRequest.type, { store: args.store }).catch(() => ({ files: [], names: [], enabled: false }));
    const decision = (0, projectionChoice_1.decideProjection)({
        trusted: vscode.workspace.isTrusted,
        enabled: listing.enabled,
        projections: listing.names.map((name, i) => ({ name, file: listing.files[i] ?? name })),
        ...(args.projection !== undefined ? { requested: args.projection } : {}),
    });
    switch (decision.kind) {
        case 'default':
            return undefined;
        case 'use':
            return decision.projection;
        case 'refuse':
            void vscode.window.showWarningMessage(`Event Bus: ${decision.message}`);
            return null;
        case 'pick': {
            const picked = await vscode.window.showQuickPick(decision.items.map((item) => ({ ...item })), {
                title: 'Rebuild State at Event',
                placeHolder: 'Fold the events through the default reducer or a store projection',
            });
            return picked ? picked.projection : null;
        }
    }
}
/** "Create Snapshot…": writes a snapshot of the aggregate's state after its last event. */
async function createSnapshot({ client }, args) {
    const aggregateId = args.aggregateId ?? (await (0, pickers_1.pickAggregate)(client, args.store, 'Create Snapshot'));
    if (!aggregateId)
        return;
    const summary = await (0, progress_1.withCancellableProgress)(`snapshotting ${aggregateId}`, (token) => client.sendRequest(protocol_1.SnapshotCreateRequest.type, { store: args.store, aggregateId }, token));
    if (!summary)
        return;
    const choice = await vscode.window.showInformationMessage(`Event Bus: snapshot of ${aggregateId} at sequence ${summary.sequenceNumber} written to ${summary.file}.`, 'Open Snapshot');
    if (choice)
        await vscode.window.showTextDocument(vscode.Uri.parse(summary.uri), { preview: true });
}
/** "Verify Snapshots": rebuilds every snapshot from events and reports the ones that drifted. */
async function verifySnapshots({ client, views, explorer }, args) {
    const results = await (0, progress_1.withCancellableProgress)('verifying snapshots', (token) => client.sendRequest(protocol_1.SnapshotVerifyRequest.type, { store: args.store, ...(args.aggregateId ? { aggregateId: args.aggregateId } : {}) }, token));
    if (!results)
        return;
    // The Snapshots view marks each snapshot (the one Verify: the palette and the view's button).
    if (!args.aggregateId)
        explorer.showVerifications?.(args.store, results);
    const summary = (0, summaries_1.verifySummary)(results);
    if (!summary.anyBad) {
        void vscode.window.showInformationMessage(`Event Bus: ${summary.message}`);
        return;
    }
    const choice = await vscode.window.showWarningMessage(`Event Bus: ${summary.message}`, 'Show Differences');
    if (choice)
        await views.show('snapshot drift.txt', `${summary.details}\n`, 'plaintext');
}
/** "Show State from Snapshot…": an aggregate with snapshots, one of its snapshots, then the state from it plus the later events. */
async function restoreFromSnapshot({ client, views }, args) {
    const listing = await client.sendRequest(protocol_1.SnapshotsRequest.type, { store: args.store, ...(args.aggregateId ? { aggregateId: args.aggregateId } : {}) });
    if (listing.snapshots.length === 0) {
        void vscode.window.showInformationMessage(`Event Bus: ${args.aggregateId ? `${args.aggregateId} has` : 'the store has'} no snapshots to restore from.`);
        return;
    }
    let aggregateId = args.aggregateId;
    if (!aggregateId) {
        const picked = await vscode.window.showQuickPick((0, pickItems_1.snapshotAggregateItems)(listing.snapshots).map(searchPick_1.toQuickItem), {
            title: 'Show State from Snapshot',
            placeHolder: 'The aggregate to restore',
            matchOnDescription: false,
        });
        aggregateId = picked?.value;
    }
    if (!aggregateId)
        return;
    const snapshot = await (0, pickers_1.pickSnapshot)(listing.snapshots, aggregateId);
    if (!snapshot)
        return;
    const result = await (0, progress_1.withCancellableProgress)(`restoring ${aggregateId} from ${snapshot.file}`, (token) => client.sendRequest(writeProtocol_1.RestoreFromSnapshotRequest.type, { store: args.store, aggregateId, snapshotFile: snapshot.file }, token));
    if (!result)
        return;
    await views.show(`state ${(0, summaries_1.viewName)(aggregateId)} from snapshot ${snapshot.sequenceNumber}.json`, (0, summaries_1.stateDocument)(result), 'json');
}
//# sourceMappingURL=stateCommands.js.map