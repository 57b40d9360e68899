import * as vscode from 'vscode';
import { PublishRequest } from '../../shared/writeProtocol';
import type { CommandArgs } from './commandArgs';
import type { CommandDeps } from './commandDeps';
import { DATA_EXAMPLE, parseJsonInput, validateJsonInput } from './jsonInput';
import { pickEventType } from './pickers';
import { withCancellableProgress } from './progress';
import { ensureTrusted } from './trust';

/**
 * "Publish Event…": type, data (JSON checked as typed; parsed here and sent
 * as a value, never evaluated), optional aggregate; the server publishes
 * through the bus and its schema validation. Trusted workspaces only.
 */
export async function publishEvent({ client }: CommandDeps, args: CommandArgs): Promise<void> {
  if (!ensureTrusted('Publish Event')) return;
  const eventType = await pickEventType(client, args.store);
  if (!eventType) return;
  const dataText = await vscode.window.showInputBox({
    title: `Publish ${eventType}: data`,
    prompt: 'The event data as JSON',
    placeHolder: DATA_EXAMPLE,
    value: '{}',
    validateInput: validateJsonInput,
  });
  if (dataText === undefined) return;
  const data = parseJsonInput(dataText);
  if (!data.ok) return;
  const aggregateId = await vscode.window.showInputBox({
    title: `Publish ${eventType}: aggregate`,
    prompt: 'The aggregate id (optional: leave empty for an event without one)',
    value: args.aggregateId ?? '',
    validateInput: (text) => (text !== text.trim() ? 'expected no spaces before or after the aggregate id' : undefined),
  });
  if (aggregateId === undefined) return;
  const result = await withCancellableProgress(`publishing ${eventType}`, (token) =>
    client.sendRequest(
      PublishRequest.type,
      { store: args.store, trusted: vscode.workspace.isTrusted, eventType, data: data.value, ...(aggregateId ? { aggregateId } : {}) },
      token,
    ),
  );
  if (!result) return;
  const metadata = (result.event as { metadata?: { event_id?: string; sequence_number?: number } }).metadata ?? {};
  const where = result.entry ? ` to ${result.entry.file}:${result.entry.line}` : '';
  const choice = await vscode.window.showInformationMessage(
    `Event Bus: published ${eventType} #${metadata.sequence_number ?? '?'} (${metadata.event_id ?? 'no id'})${where}.`,
    ...(result.entry ? ['Reveal in File'] : []),
  );
  if (choice && result.entry) {
    const line = result.entry.line - 1;
    await vscode.window.showTextDocument(vscode.Uri.parse(result.entry.uri), { selection: new vscode.Range(line, 0, line, 0), preview: true });
  }
}
