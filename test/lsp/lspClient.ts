import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import {
  createProtocolConnection,
  type Diagnostic,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  type InitializeResult,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  ShutdownRequest,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';
import { type StoreChangedParams, StoreChangedNotification } from '../../src/shared/protocol';
import type { EventbusSettings } from '../../src/shared/settings';
import { fileUriOf } from '../../src/shared/uris';

/** The repository root: where package.json names this project (tests run from out/ or from a scratch folder). */
export function repoRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && fs.existsSync(path.join(dir, 'dist', 'server.js'))) return dir;
  }
  return process.cwd();
}

export const SERVER_JS = path.join(repoRoot(), 'dist', 'server.js');
export const CLI_JS = path.join(repoRoot(), 'dist', 'cli.js');

export interface LspClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  readonly initializeResult: InitializeResult;
  /** Latest diagnostics per URI. */
  readonly diagnostics: Map<string, Diagnostic[]>;
  /** Every publish, in order (with the document version for open documents). */
  readonly publishes: PublishDiagnosticsParams[];
  readonly storeChanged: StoreChangedParams[];
  /** Server log lines (window/logMessage). */
  readonly logs: string[];
  /** Resolves with the URI's diagnostics once `accept` holds for them (checked now and on every publish). */
  waitForDiagnostics(uri: string, accept?: (diagnostics: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  /** Resolves with the diagnostics of the first publish for `uri` at document `version` that `accept` takes. */
  waitForVersion(uri: string, version: number, accept?: (diagnostics: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  /** Resolves with the first storeChanged (from now on, or already received when `seen` allows) that `accept` takes. */
  waitForStoreChanged(accept: (params: StoreChangedParams) => boolean, timeoutMs?: number): Promise<StoreChangedParams>;
  open(uri: string, text: string, languageId?: string): void;
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void;
  close(uri: string): void;
  configure(settings: EventbusSettings): void;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** The workspace folder (absolute). */
  readonly folder: string;
  readonly settings?: EventbusSettings;
  /** Commands the client declares it can run (what the extension sends); none when absent. */
  readonly clientCommands?: readonly string[];
}

/** Spawns the built server with `--stdio`, initializes it for one workspace folder and returns a client. */
export async function startServer(options: StartOptions): Promise<LspClient> {
  const child = spawn(process.execPath, [...(process.env.EVENTBUS_SERVER_NODE_ARGS ? process.env.EVENTBUS_SERVER_NODE_ARGS.split(' ') : []), SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const diagnostics = new Map<string, Diagnostic[]>();
  const publishes: PublishDiagnosticsParams[] = [];
  const storeChanged: StoreChangedParams[] = [];
  const logs: string[] = [];
  const listeners = new Set<() => void>();
  const poke = () => listeners.forEach((listener) => listener());
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    diagnostics.set(params.uri, params.diagnostics);
    publishes.push(params);
    poke();
  });
  connection.onNotification(StoreChangedNotification.type, (params) => {
    storeChanged.push(params);
    poke();
  });
  connection.onNotification('window/logMessage', (params: { message: string }) => {
    logs.push(params.message);
  });
  connection.listen();

  const waitFor = <T>(check: () => T | undefined, timeoutMs: number, what: () => string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const attempt = () => {
        const value = check();
        if (value === undefined) return false;
        listeners.delete(attempt);
        clearTimeout(timer);
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        listeners.delete(attempt);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what()}\nserver log:\n${logs.join('\n')}\n${stderr}`));
      }, timeoutMs);
      if (!attempt()) listeners.add(attempt);
    });

  const initializeResult = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: fileUriOf(options.folder),
    workspaceFolders: [{ uri: fileUriOf(options.folder), name: path.basename(options.folder) }],
    capabilities: {},
    initializationOptions: { settings: options.settings ?? {}, clientCommands: options.clientCommands ?? [] },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  const versions = new Map<string, number>();

  return {
    connection,
    process: child,
    initializeResult,
    diagnostics,
    publishes,
    storeChanged,
    logs,
    waitForDiagnostics(uri, accept = () => true, timeoutMs = 20_000) {
      return waitFor(
        () => {
          const current = diagnostics.get(uri);
          return current !== undefined && accept(current) ? current : undefined;
        },
        timeoutMs,
        () => `diagnostics of ${uri} (last: ${JSON.stringify(diagnostics.get(uri)?.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`))})`,
      );
    },
    waitForVersion(uri, version, accept = () => true, timeoutMs = 20_000) {
      return waitFor(
        () => publishes.find((p) => p.uri === uri && p.version === version && accept(p.diagnostics))?.diagnostics,
        timeoutMs,
        () => `diagnostics of ${uri} at version ${version} (publishes: ${JSON.stringify(publishes.filter((p) => p.uri === uri).map((p) => [p.version, p.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`)]))})`,
      );
    },
    waitForStoreChanged(accept, timeoutMs = 20_000) {
      return waitFor(() => storeChanged.find(accept), timeoutMs, () => `storeChanged (seen: ${JSON.stringify(storeChanged)})`);
    },
    open(uri, text, languageId = 'event-jsonl') {
      versions.set(uri, 1);
      void connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    },
    change(uri, version, changes) {
      void connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    },
    close(uri) {
      void connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    },
    configure(settings) {
      void connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { eventbus: settings } });
    },
    async stop() {
      try {
        await Promise.race([connection.sendRequest(ShutdownRequest.type), new Promise((resolve) => setTimeout(resolve, 3000))]);
        await connection.sendNotification(ExitNotification.type);
      } catch {
        // Already gone.
      }
      connection.dispose();
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => {
          child.kill();
          resolve();
        }, 2000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}
