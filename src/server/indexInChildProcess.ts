import { type ChildProcess, fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiskIndex } from '../engine/index/diskIndex';
import type { SequenceMode } from '../engine/model/indexTypes';
import { CACHE_DIR } from '../engine/store/layout';

/** The child's script, beside the server bundle (absent when the server runs from tsc's out/: the caller then builds in-process). */
const BUILD_SCRIPT = path.join(__dirname, 'indexBuild.js');

/** True when the store has a persisted index that opens as it is (header read only). */
export function hasPersistedIndex(root: string, sequenceMode: SequenceMode | undefined): boolean {
  const base = DiskIndex.open(root, path.join(root, CACHE_DIR), sequenceMode);
  base?.close();
  return base !== null;
}

export interface ChildBuild {
  /** Resolves true once the child wrote the index, false when it could not (the caller builds in-process). */
  readonly done: Promise<boolean>;
  stop(): void;
}

/**
 * Builds and persists the store's index in a child process, reporting the
 * bytes scanned. The server's heap never holds the cold build; afterwards it
 * opens the written index in place.
 */
export function buildIndexInChildProcess(
  root: string,
  sequenceMode: SequenceMode | undefined,
  onProgress: (done: number, total: number) => void,
  log: (message: string) => void,
): ChildBuild | undefined {
  if (!fs.existsSync(BUILD_SCRIPT)) return undefined;
  let child: ChildProcess;
  try {
    child = fork(BUILD_SCRIPT, [JSON.stringify({ root, ...(sequenceMode ? { sequenceMode } : {}) })], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  } catch (error) {
    log(`${root}: cannot start the index build process (${(error as Error).message}); indexing here instead`);
    return undefined;
  }
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    if (stderr.length < 4000) stderr += chunk.toString('utf8');
  });
  const done = new Promise<boolean>((resolve) => {
    let finished = false;
    child.on('message', (message: { progress?: [number, number]; done?: boolean }) => {
      if (message.progress) onProgress(message.progress[0], message.progress[1]);
      if (message.done) finished = true;
    });
    child.on('error', (error) => {
      log(`${root}: the index build process failed (${error.message}); indexing here instead`);
      resolve(false);
    });
    child.on('exit', (code, signal) => {
      if (!finished && signal !== 'SIGTERM') log(`${root}: the index build process stopped (${signal ?? `exit code ${code}`}${stderr ? `: ${stderr.trim()}` : ''}); indexing here instead`);
      resolve(finished && hasPersistedIndex(root, sequenceMode));
    });
  });
  return {
    done,
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    },
  };
}
