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
  maxNestingDepth: setup.maxNestingDepth,
  severity: setup.severity,
  repeats: setup.repeats,
  knownEventTypes: setup.knownEventTypes,
  knownStatuses: setup.knownStatuses,
};

parentPort?.on('message', (request: WorkerRequest) => {
  void validateFile(request.absPath, request.file, settings, request.chunk).then(
    (result) => parentPort?.postMessage({ id: request.id, result } satisfies WorkerResponse),
    (error: unknown) => parentPort?.postMessage({ id: request.id, error: String((error as Error)?.stack ?? error) } satisfies WorkerResponse),
  );
});
