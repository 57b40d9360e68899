import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { EventFilter } from '../../shared/protocol';
import { type ExportFormatName, ExportProgressNotification, ExportRequest } from '../../shared/queryProtocol';
import { humanError } from './queryAnswers';

/** What to export: a row's aggregate or correlation, listed events, or the whole store; narrowed by the views' filter. */
export interface ExportSelection {
  readonly store: string;
  readonly aggregateId?: string;
  readonly correlationId?: string;
  readonly eventIds?: readonly string[];
  readonly filter?: EventFilter;
  /** For titles and the proposed file name. */
  readonly label: string;
}

/** Answers a script or test gives instead of the prompts. */
export interface ExportChoices {
  readonly format?: ExportFormatName;
  readonly columns?: readonly string[];
  readonly target?: string;
}

const DEFAULT_COLUMNS = 'seq,time,type,aggregate,source,id,correlation,causation';
const EXTENSIONS: Readonly<Record<ExportFormatName, string>> = { jsonl: 'jsonl', json: 'json', csv: 'csv' };

/** Format, columns (CSV), file, then the export with a progress notification; the file opens from the final message. */
export async function exportSelection(client: LanguageClient, selection: ExportSelection, choices: ExportChoices = {}): Promise<vscode.Uri | undefined> {
  const format = choices.format ?? (await pickFormat(selection.label));
  if (!format) return undefined;
  const columns = format === 'csv' ? (choices.columns ?? (await askColumns())) : undefined;
  if (format === 'csv' && !columns) return undefined;
  const target = choices.target !== undefined ? vscode.Uri.file(choices.target) : await askTarget(selection.label, format);
  if (!target) return undefined;
  const progressToken = `export-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Exporting ${selection.label}` },
      async (progress) => {
        let reported = 0;
        const listener = client.onNotification(ExportProgressNotification.type, (params) => {
          if (params.progressToken !== progressToken || params.total === 0) return;
          const percent = (params.done / params.total) * 100;
          progress.report({ increment: percent - reported, message: `${params.done.toLocaleString('en')} of ${params.total.toLocaleString('en')} events` });
          reported = percent;
        });
        try {
          return await client.sendRequest(ExportRequest.type, {
            store: selection.store,
            ...(selection.aggregateId !== undefined ? { aggregateId: selection.aggregateId } : {}),
            ...(selection.correlationId !== undefined ? { correlationId: selection.correlationId } : {}),
            ...(selection.eventIds !== undefined ? { eventIds: selection.eventIds } : {}),
            ...(selection.filter ? { filter: selection.filter } : {}),
            format,
            ...(columns ? { columns } : {}),
            target: target.fsPath,
            progressToken,
          });
        } finally {
          listener.dispose();
        }
      },
    );
    const message = `Event Bus: exported ${result.events.toLocaleString('en')} event${result.events === 1 ? '' : 's'} to ${path.basename(target.fsPath)}.`;
    if (choices.target === undefined) {
      void vscode.window.showInformationMessage(message, 'Open').then((answer) => {
        if (answer === 'Open') void vscode.window.showTextDocument(target);
      });
    } else {
      vscode.window.setStatusBarMessage(message, 5000);
    }
    return target;
  } catch (error) {
    void vscode.window.showErrorMessage(`Event Bus: could not export ${selection.label}: ${humanError(error)}`);
    return undefined;
  }
}

async function pickFormat(label: string): Promise<ExportFormatName | undefined> {
  const pick = await vscode.window.showQuickPick(
    [
      { label: 'JSON Lines', description: 'each event\'s line exactly as stored', format: 'jsonl' as const },
      { label: 'JSON array', description: 'the same lines as one array', format: 'json' as const },
      { label: 'CSV', description: 'columns you choose (data.price, seq, time…)', format: 'csv' as const },
    ],
    { title: `Export ${label}`, placeHolder: 'Format' },
  );
  return pick?.format;
}

async function askColumns(): Promise<string[] | undefined> {
  const text = await vscode.window.showInputBox({
    title: 'CSV columns',
    prompt: 'Paths separated by commas: seq, time, type, aggregate, source, id, correlation, causation, status, data.…, metadata.…',
    value: DEFAULT_COLUMNS,
    validateInput: (value) => (value.split(',').filter((c) => c.trim() !== '').length === 0 ? 'Name at least one column' : undefined),
  });
  return text?.split(',').map((c) => c.trim()).filter((c) => c !== '');
}

async function askTarget(label: string, format: ExportFormatName): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `${label.replace(/[\\/:*?"<>|\s\u0000-\u001f]+/g, '_').slice(0, 80)}.${EXTENSIONS[format]}`;
  return vscode.window.showSaveDialog({
    title: `Export ${label}`,
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
    filters: { [format.toUpperCase()]: [EXTENSIONS[format]] },
  });
}
