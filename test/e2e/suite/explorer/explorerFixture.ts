// What runExtensionHostTests.js prepared for the explorer pass (fixture.json
// beside the workspace), and the CLI, asked again when the store changed.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CliFinding } from '../fixture';

export interface SnapshotListing {
  aggregate_id: string;
  sequence_number: number;
  file: string;
}

export interface CliStats {
  events: number;
  aggregates: number;
  correlations: number;
  event_types: Record<string, number>;
  sequence_mode: string;
}

export interface ExplorerFixture {
  repoRoot: string;
  workspace: string;
  /** The store, in `store/` (named by the workspace's eventbus.storePath). */
  store: string;
  /** dist/cli.js */
  cli: string;
  /** A gzipped copy of the first day, outside the store. */
  archivedGz: string;
  stats: CliStats;
  /** Events per aggregate id (`eventbus events`). */
  aggregates: Record<string, number>;
  /** Events per correlation id. */
  correlations: Record<string, number>;
  snapshots: SnapshotListing[];
  findings: CliFinding[];
}

export function loadExplorerFixture(): ExplorerFixture {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open: the runner opens the generated workspace');
  const file = path.join(path.dirname(folder.uri.fsPath), 'fixture.json');
  const fixture = JSON.parse(fs.readFileSync(file, 'utf8')) as ExplorerFixture;
  if (path.resolve(fixture.workspace) !== path.resolve(folder.uri.fsPath)) {
    throw new Error(`${file} describes ${fixture.workspace}, but the open folder is ${folder.uri.fsPath}`);
  }
  return fixture;
}

/** Runs the `eventbus` CLI on the store; exit 1 ("the store has problems") is an answer, 2 is not. */
export function eventbusCli(fixture: ExplorerFixture, args: string[]): string {
  const result = spawnSync(process.execPath, [fixture.cli, ...args, '--store', fixture.store], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new Error(`eventbus ${args.join(' ')}: ${result.error.message}`);
  if (result.status !== 0 && result.status !== 1) throw new Error(`eventbus ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

export function eventbusJsonLines(fixture: ExplorerFixture, args: string[]): Record<string, unknown>[] {
  return eventbusCli(fixture, args)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Aggregate id → its sequence numbers in order, as `eventbus replay` gives them. */
export function replaySequences(fixture: ExplorerFixture, aggregateId: string): number[] {
  const events = JSON.parse(eventbusCli(fixture, ['replay', '--aggregate', aggregateId, '--json'])) as { metadata: { sequence_number: number } }[];
  return events.map((event) => event.metadata.sequence_number);
}

export function errorCount(findings: readonly CliFinding[]): number {
  return findings.filter((f) => f.severity === 'error').length;
}
