/**
 * Worker thread entry: checks whole event files with the per-line rules.
 * Bundled to dist/validateWorker.js beside dist/cli.js (and compiled beside
 * fileValidationPool.js by tsc), so the pool finds it next to itself.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SchemaRegistry } from '../schema/schemaRegistry';
import { validateFile } from './validateFile';
import type { WorkerRequest, WorkerResponse, WorkerSetup } from './workerProtocol';

const setup = workerData as WorkerSetup;
const settings = {
  registry: SchemaRegistry.fromSnapshot(setup.registry),
  maxRetryCount: setup.maxRetryCount,
  severity: setup.severity,
};

const trace = process.env.EVENTBUS_TRACE_VALIDATE ? (text: string) => process.stderr.write(`  [validate worker] ${text}\n`) : undefined;
const born = performance.now();
trace?.(`ready after ${(performance.now() - born).toFixed(0)} ms`);
parentPort?.on('message', (request: WorkerRequest) => {
  const started = performance.now();
  void validateFile(request.absPath, request.file, settings, request.chunk).then(
    (result) => (trace?.(`${request.file} ${result.eventLines} lines in ${(performance.now() - started).toFixed(0)} ms at ${(started - born).toFixed(0)}`), result),
  ).then(
    (result) => parentPort?.postMessage({ id: request.id, result } satisfies WorkerResponse),
    (error: unknown) => parentPort?.postMessage({ id: request.id, error: String((error as Error)?.stack ?? error) } satisfies WorkerResponse),
  );
});
