// What the runner prepared before VS Code started (runExtensionHostTests.js
// writes fixture.json beside the workspace folder), and small waits.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** One finding as `eventbus validate --format json` prints it (1-based, exclusive end column). */
export interface CliFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'information' | 'hint';
  code: string;
  message: string;
}

export interface E2eFixture {
  /** The repository: the extension under development. */
  repoRoot: string;
  workspace: string;
  store: string;
  /** The plain day whose diagnostics are compared with the CLI's. */
  eventFile: string;
  /** A day gzipped before the server started (`.jsonl.gz`). */
  gzFile: string;
  /** `eventbus validate --format json` over the whole store; `file` is relative to the store. */
  findings: CliFinding[];
}

export const EXTENSION_ID = 'eventbus-debugger.eventbus-debugger';

export function loadFixture(): E2eFixture {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open: the runner opens the generated workspace');
  const file = path.join(path.dirname(folder.uri.fsPath), 'fixture.json');
  const fixture = JSON.parse(fs.readFileSync(file, 'utf8')) as E2eFixture;
  if (path.resolve(fixture.workspace) !== path.resolve(folder.uri.fsPath)) {
    throw new Error(`${file} describes ${fixture.workspace}, but the open folder is ${folder.uri.fsPath}`);
  }
  return fixture;
}

/** CLI findings of one file of the store (an absolute path). */
export function findingsOf(fixture: E2eFixture, absFile: string): CliFinding[] {
  const relative = path.relative(fixture.store, absFile).split(path.sep).join('/');
  return fixture.findings.filter((f) => f.file === relative);
}

/** Polls `probe` until it returns true; rejects with `what` after `timeoutMs`. */
export async function waitUntil(what: string, probe: () => boolean, timeoutMs = 30_000, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
