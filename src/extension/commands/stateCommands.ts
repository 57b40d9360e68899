import * as vscode from 'vscode';
import { ProjectionsRequest, RebuildRequest, SnapshotCreateRequest, SnapshotsRequest, SnapshotVerifyRequest } from '../../shared/protocol';
import { RestoreFromSnapshotRequest } from '../../shared/writeProtocol';
import type { StoreCommandArgs } from './commandArgs';
import type { CommandDeps } from './commandDeps';
import { pickAggregate, pickSnapshot } from './pickers';
import { snapshotAggregateItems } from './pickItems';
import { withCancellableProgress } from './progress';
import { decideProjection } from './projectionChoice';
import { pickAggregateEvent } from './eventPick';
import { toQuickItem } from './searchPick';
import { stateDocument, verifySummary, viewName } from './summaries';

/** "Rebuild State at Event…": the state of an aggregate at one of its sequences, as JSON. */
export async function rebuildAtSequence({ client, views }: CommandDeps, args: StoreCommandArgs): Promise<void> {
  const aggregateId = args.aggregateId ?? (await pickAggregate(client, args.store, 'Rebuild State at Event'));
  if (!aggregateId) return;
  // Picked, not typed: the aggregate's own events, searchable by sequence, type and time.
  const atSequence = await pickAggregateEvent(client, args.store, aggregateId, `Rebuild ${aggregateId}`);
  if (atSequence === undefined) return;
  const projection = await chooseProjection(client, args);
  if (projection === null) return;
  const through = projection ? ` through ${projection}` : '';
  const result = await withCancellableProgress(`rebuilding ${aggregateId} at ${atSequence}${through}`, (token) =>
    client.sendRequest(
      RebuildRequest.type,
      { store: args.store, aggregateId, atSequence: atSequence, ...(projection ? { projection, trusted: vscode.workspace.isTrusted } : {}) },
      token,
    ),
  );
  if (!result) return;
  const suffix = projection ? ` (${projection})` : '';
  await views.show(`state ${viewName(aggregateId)} at ${result.lastSequence}${suffix}.json`, stateDocument(result), 'json');
}

/**
 * The projection to rebuild through: undefined for the default reducer,
 * null when the user cancelled or a requested projection may not run.
 */
async function chooseProjection(client: CommandDeps['client'], args: StoreCommandArgs): Promise<string | undefined | null> {
  const listing = await client.sendRequest(ProjectionsRequest.type, { store: args.store }).catch(() => ({ files: [], names: [], enabled: false }));
  const decision = decideProjection({
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
export async function createSnapshot({ client }: CommandDeps, args: StoreCommandArgs): Promise<void> {
  const aggregateId = args.aggregateId ?? (await pickAggregate(client, args.store, 'Create Snapshot'));
  if (!aggregateId) return;
  const summary = await withCancellableProgress(`snapshotting ${aggregateId}`, (token) =>
    client.sendRequest(SnapshotCreateRequest.type, { store: args.store, aggregateId }, token),
  );
  if (!summary) return;
  const choice = await vscode.window.showInformationMessage(`Event Bus: snapshot of ${aggregateId} at sequence ${summary.sequenceNumber} written to ${summary.file}.`, 'Open Snapshot');
  if (choice) await vscode.window.showTextDocument(vscode.Uri.parse(summary.uri), { preview: true });
}

/** "Verify Snapshots": rebuilds every snapshot from events and reports the ones that drifted. */
export async function verifySnapshots({ client, views, explorer }: CommandDeps, args: StoreCommandArgs): Promise<void> {
  const results = await withCancellableProgress('verifying snapshots', (token) =>
    client.sendRequest(SnapshotVerifyRequest.type, { store: args.store, ...(args.aggregateId ? { aggregateId: args.aggregateId } : {}) }, token),
  );
  if (!results) return;
  // The Snapshots view marks each snapshot (the one Verify: the palette and the view's button).
  if (!args.aggregateId) explorer.showVerifications?.(args.store, results);
  const summary = verifySummary(results);
  if (!summary.anyBad) {
    void vscode.window.showInformationMessage(`Event Bus: ${summary.message}`);
    return;
  }
  const choice = await vscode.window.showWarningMessage(`Event Bus: ${summary.message}`, 'Show Differences');
  if (choice) await views.show('snapshot drift.txt', `${summary.details}\n`, 'plaintext');
}

/** "Show State from Snapshot…": an aggregate with snapshots, one of its snapshots, then the state from it plus the later events. */
export async function restoreFromSnapshot({ client, views }: CommandDeps, args: StoreCommandArgs): Promise<void> {
  const listing = await client.sendRequest(SnapshotsRequest.type, { store: args.store, ...(args.aggregateId ? { aggregateId: args.aggregateId } : {}) });
  if (listing.snapshots.length === 0) {
    void vscode.window.showInformationMessage(`Event Bus: ${args.aggregateId ? `${args.aggregateId} has` : 'the store has'} no snapshots to restore from.`);
    return;
  }
  let aggregateId = args.aggregateId;
  if (!aggregateId) {
    const picked = await vscode.window.showQuickPick(snapshotAggregateItems(listing.snapshots).map(toQuickItem), {
      title: 'Show State from Snapshot',
      placeHolder: 'The aggregate to restore',
      matchOnDescription: false,
    });
    aggregateId = picked?.value;
  }
  if (!aggregateId) return;
  const snapshot = await pickSnapshot(listing.snapshots, aggregateId);
  if (!snapshot) return;
  const result = await withCancellableProgress(`restoring ${aggregateId} from ${snapshot.file}`, (token) =>
    client.sendRequest(RestoreFromSnapshotRequest.type, { store: args.store, aggregateId, snapshotFile: snapshot.file }, token),
  );
  if (!result) return;
  await views.show(`state ${viewName(aggregateId)} from snapshot ${snapshot.sequenceNumber}.json`, stateDocument(result), 'json');
}
