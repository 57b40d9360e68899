import * as vscode from 'vscode';
import { ReplayRequest } from '../../shared/protocol';
import { ReplayCorrelationRequest } from '../../shared/writeProtocol';
import type { CommandArgs } from './commandArgs';
import { type CommandDeps, REPLAY_LIMIT } from './commandDeps';
import { aggregateBounds, pickAggregate, pickCorrelation } from './pickers';
import { withCancellableProgress } from './progress';
import { describeRange, parseSequenceRange, validateSequenceRange } from './sequenceInput';
import { jsonLines, viewName } from './summaries';

/** "Replay Aggregate…": pick an aggregate, type a sequence range, read its events (upcast) as JSON Lines. */
export async function replayAggregate({ client, views }: CommandDeps, args: CommandArgs): Promise<void> {
  const aggregateId = args.aggregateId ?? (await pickAggregate(client, args.store, 'Replay Aggregate'));
  if (!aggregateId) return;
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
  const range = parsed.value;
  const result = await withCancellableProgress(`replaying ${aggregateId}`, (token) =>
    client.sendRequest(ReplayRequest.type, { store: args.store, aggregateId, fromSequence: range.from, toSequence: range.to, limit: REPLAY_LIMIT }, token),
  );
  if (!result) return;
  if (result.events.length === 0) {
    void vscode.window.showInformationMessage(`Event Bus: ${aggregateId} has no events in ${describeRange(range)}.`);
    return;
  }
  if (result.truncated) void vscode.window.showInformationMessage(`Event Bus: showing the first ${result.events.length.toLocaleString('en-US')} events of ${aggregateId}; narrow the range to see the rest.`);
  await views.show(`replay ${viewName(aggregateId)} ${viewName(describeRange(range))}.jsonl`, jsonLines(result.events), 'event-jsonl');
}

/** "Replay Correlation…": pick a correlation, read its events across aggregates in store order. */
export async function replayCorrelation({ client, views }: CommandDeps, args: CommandArgs): Promise<void> {
  const correlationId = args.correlationId ?? (await pickCorrelation(client, args.store, 'Replay Correlation'));
  if (!correlationId) return;
  const result = await withCancellableProgress(`replaying correlation ${correlationId}`, (token) =>
    client.sendRequest(ReplayCorrelationRequest.type, { store: args.store, correlationId, limit: REPLAY_LIMIT }, token),
  );
  if (!result) return;
  if (result.truncated) void vscode.window.showInformationMessage(`Event Bus: showing the first ${result.events.length.toLocaleString('en-US')} events of correlation ${correlationId}.`);
  await views.show(`replay correlation ${viewName(correlationId)}.jsonl`, jsonLines(result.events), 'event-jsonl');
}
