import * as vscode from 'vscode';
import { ReplayDocumentRequest } from '../../shared/replayProtocol';
import type { StoreCommandArgs } from './commandArgs';
import { type CommandDeps, REPLAY_LIMIT } from './commandDeps';
import { aggregateBounds, pickAggregate, pickCorrelation } from './pickers';
import { withCancellableProgress } from './progress';
import { describeRange, parseSequenceRange, validateSequenceRange } from './sequenceInput';
import { viewName } from './summaries';

/** Most rows of a correlation's replay: each event's aggregate is rebuilt to show its change. */
const CORRELATION_REPLAY_LIMIT = 2000;

/**
 * "Replay Aggregate…": pick an aggregate, type a sequence range (or come
 * with one: "Replay Aggregate to This Event"), read the replay document:
 * one row per event with the change it made to the state.
 */
export async function replayAggregate({ client, replays }: CommandDeps, args: StoreCommandArgs): Promise<void> {
  const aggregateId = args.aggregateId ?? (await pickAggregate(client, args.store, 'Replay Aggregate'));
  if (!aggregateId) return;
  let range: { from?: number; to?: number };
  if (args.toSequence !== undefined) {
    range = { to: args.toSequence };
  } else {
    const bounds = await aggregateBounds(client, args.store, aggregateId);
    const rangeText = await vscode.window.showInputBox({
      title: `Replay ${aggregateId}`,
      prompt: bounds
        ? `Sequences to replay: "from-to", "from-", "-to", one number, or empty for all (${aggregateId} has ${bounds.first}-${bounds.last})`
        : 'Sequences to replay: "from-to", "from-", "-to", one number, or empty for all',
      placeHolder: bounds ? `${bounds.first}-${bounds.last}` : 'e.g. 5-20',
      validateInput: (text) => validateSequenceRange(text, bounds),
    });
    if (rangeText === undefined) return;
    const parsed = parseSequenceRange(rangeText, bounds);
    if (!parsed.ok) return;
    range = parsed.value;
  }
  const described = describeRange(range);
  const store = { store: args.store };
  const result = await withCancellableProgress(`replaying ${aggregateId}`, (token) =>
    client.sendRequest(ReplayDocumentRequest.type, { ...store, aggregateId, fromSequence: range.from, toSequence: range.to, limit: REPLAY_LIMIT }, token),
  );
  if (!result) return;
  if (result.rows.length === 0) {
    void vscode.window.showInformationMessage(`Event Bus: ${aggregateId} has no events in ${described}.`);
    return;
  }
  await replays.show(result, { ...store, correlation: false }, `Replay of aggregate ${aggregateId}, ${described} (${result.rows.length.toLocaleString('en-US')} events)`, `replay ${viewName(aggregateId)} ${viewName(described)}.txt`);
}

/** "Replay Correlation…": pick a correlation, read its events across aggregates (store order) with their changes, and its causation tree. */
export async function replayCorrelation({ client, replays }: CommandDeps, args: StoreCommandArgs): Promise<void> {
  const correlationId = args.correlationId ?? (await pickCorrelation(client, args.store, 'Replay Correlation'));
  if (!correlationId) return;
  const store = { store: args.store };
  const result = await withCancellableProgress(`replaying correlation ${correlationId}`, (token) =>
    client.sendRequest(ReplayDocumentRequest.type, { ...store, correlationId, limit: CORRELATION_REPLAY_LIMIT }, token),
  );
  if (!result) return;
  await replays.show(result, { ...store, correlation: true }, `Replay of correlation ${correlationId} (${result.rows.length.toLocaleString('en-US')} events)`, `replay correlation ${viewName(correlationId)}.txt`);
}
