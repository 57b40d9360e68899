import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { generateStoreSync } from '../../src/engine/generate/generateStore';
import { loadSchemaRegistry } from '../../src/engine/schema/loadSchemaRegistry';
import type { SchemaRegistry } from '../../src/engine/schema/schemaRegistry';
import { validateLine } from '../../src/engine/validate/lineRules';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { makeTempDir } from '../helpers/tempStore';
import { CLI_JS, type LspClient, startServer } from './lspClient';

export const HAND_FILE = 'events/events_2024-03-01.jsonl';
export const GZ_FILE = 'events/events_2024-01-15.jsonl.gz';
export const PLAIN_FILE = 'events/events_2024-01-16.jsonl';

/** One hand-written line per fault the generator does not make in a form we can point at. */
export interface HandLines {
  readonly valid: string;
  readonly nan: string;
  readonly badId: string;
  readonly missingSource: string;
  readonly badTimestamp: string;
  readonly notAnEvent: string;
  readonly torn: string;
}

export interface FaultyWorkspace {
  /** The workspace folder (holds event_store/). */
  readonly folder: string;
  readonly store: string;
  readonly hand: HandLines;
  /** Absolute paths of every event file. */
  readonly eventFiles: string[];
  cleanup(): void;
}

/**
 * A workspace with a store holding every kind of fault: the generator's
 * (withErrors: one of each kind), a gzip day, and a hand-written day with
 * NaN, a non-UUID id, a missing and a mistyped envelope field, a non-event
 * line and a torn last line.
 */
export async function makeFaultyWorkspace(events = 1500): Promise<FaultyWorkspace> {
  const { dir, cleanup } = makeTempDir('eventbus-lsp-');
  const store = path.join(dir, 'event_store');
  generateStoreSync({ events, days: 2, outDir: store, withErrors: true, pythonStyle: true, seed: 11 });
  const day1 = path.join(store, 'events', 'events_2024-01-15.jsonl');
  fs.writeFileSync(`${day1}.gz`, zlib.gzipSync(fs.readFileSync(day1)));
  fs.rmSync(day1);
  const registry = await loadSchemaRegistry(store);
  const hand = handLines(cleanTemplate(path.join(store, PLAIN_FILE), registry));
  fs.writeFileSync(
    path.join(store, HAND_FILE),
    [hand.valid, hand.nan, hand.badId, hand.missingSource, hand.badTimestamp, hand.notAnEvent].join('\n') + '\n' + hand.torn,
  );
  const eventFiles = fs.readdirSync(path.join(store, 'events')).map((name) => path.join(store, 'events', name));
  return { folder: dir, store, hand, eventFiles, cleanup };
}

/** A line of the file with no per-line finding, parsed: the base of the hand-written events. */
function cleanTemplate(file: string, registry: SchemaRegistry): Record<string, unknown> {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  for (const [i, line] of lines.entries()) {
    if (line.length === 0) continue;
    if (validateLine(line, { file: 'x', line: i + 1, registry, maxRetryCount: 3 }).length === 0) return JSON.parse(line) as Record<string, unknown>;
  }
  throw new Error(`no clean line in ${file}`);
}

function handLines(template: Record<string, unknown>): HandLines {
  let n = 0;
  const event = (patch: (meta: Record<string, unknown>) => void): Record<string, unknown> => {
    const copy = JSON.parse(JSON.stringify(template)) as { metadata: Record<string, unknown> };
    n++;
    copy.metadata.event_id = `aaaaaaaa-bbbb-4ccc-8ddd-${String(n).padStart(12, '0')}`;
    copy.metadata.timestamp = `2024-03-01T00:00:0${n}Z`;
    copy.metadata.aggregate_id = 'hand_written';
    copy.metadata.correlation_id = null;
    copy.metadata.causation_id = null;
    copy.metadata.sequence_number = 100000 + n;
    patch(copy.metadata);
    return copy;
  };
  return {
    valid: JSON.stringify(event(() => undefined)),
    nan: JSON.stringify(event((m) => (m.retry_count = 424242))).replace('424242', 'NaN'),
    badId: JSON.stringify(event((m) => (m.event_id = 'not-a-uuid'))),
    missingSource: JSON.stringify(event((m) => delete m.source)),
    badTimestamp: JSON.stringify(event((m) => (m.timestamp = 'yesterday'))),
    notAnEvent: '[1, 2, 3]',
    torn: JSON.stringify(event(() => undefined)).slice(0, 40),
  };
}

export interface CliFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: string;
  readonly code: string;
  readonly message: string;
}

const SEVERITY_NAMES = ['', 'error', 'warning', 'information', 'hint'];

/** A diagnostic in the CLI's `--format json` shape, so the two can be compared as data. */
export function asFinding(file: string, d: Diagnostic): CliFinding {
  return {
    file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: SEVERITY_NAMES[d.severity ?? 0],
    code: String(d.code),
    message: messageText(d),
  };
}

/** LSP 3.18 lets a message be markup; this server always sends text. */
export function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

/** CLI findings in a fixed order, for comparing lists. */
export function compareFindings(a: CliFinding, b: CliFinding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code) || a.message.localeCompare(b.message);
}

/** `eventbus validate --format json` on the workspace's store (run in the folder, so the same config applies). */
export function cliValidate(folder: string): Promise<CliFinding[]> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CLI_JS, 'validate', '--store', 'event_store', '--format', 'json'], { cwd: folder, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      // Exit 1 means "errors found", which this store has.
      if (error && (error as { code?: number }).code !== 1) return reject(new Error(`${error.message}\n${stderr}`));
      try {
        // The diagnostics carry a repeated cause's count in the message and its places as related information.
        resolve((JSON.parse(stdout) as (CliFinding & { count?: number; places?: unknown })[]).map(({ count: _count, places: _places, ...finding }) => finding));
      } catch (parseError) {
        reject(new Error(`validate printed no JSON: ${(parseError as Error).message}\n${stdout.slice(0, 500)}\n${stderr}`));
      }
    });
  });
}

export interface GeneratedWorkspace {
  readonly folder: string;
  /** `<folder>/event_store`. */
  readonly store: string;
  readonly client: LspClient;
  /** Stops the server and removes the folder. */
  close(): Promise<void>;
}

/**
 * A workspace folder with a generated `event_store/` (changed by `prepare`
 * before the server sees it, if given) and the server started on it, once
 * the store has opened.
 */
export async function startOnGeneratedStore(
  prefix: string,
  options: { readonly events: number; readonly days: number; readonly seed: number },
  prepare?: (store: string) => void,
): Promise<GeneratedWorkspace> {
  const { dir: folder, cleanup } = makeTempDir(prefix);
  const store = path.join(folder, 'event_store');
  generateStoreSync({ ...options, outDir: store });
  prepare?.(store);
  const client = await startServer({ folder });
  await client.waitForStoreChanged((p) => p.reason === 'opened');
  return {
    folder,
    store,
    client,
    async close() {
      await client.stop();
      cleanup();
    },
  };
}
