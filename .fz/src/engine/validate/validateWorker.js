"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Worker thread entry: checks whole event files with the per-line rules.
 * Bundled to dist/validateWorker.js beside dist/cli.js (and compiled beside
 * fileValidationPool.js by tsc), so the pool finds it next to itself.
 */
const node_worker_threads_1 = require("node:worker_threads");
const schemaRegistry_1 = require("../schema/schemaRegistry");
const validateFile_1 = require("./validateFile");
const setup = node_worker_threads_1.workerData;
const settings = {
    registry: schemaRegistry_1.SchemaRegistry.fromSnapshot(setup.registry),
    maxRetryCount: setup.maxRetryCount,
    maxNestingDepth: setup.maxNestingDepth,
    severity: setup.severity,
    repeats: setup.repeats,
    knownEventTypes: setup.knownEventTypes,
    knownStatuses: setup.knownStatuses,
};
node_worker_threads_1.parentPort?.on('message', (request) => {
    void (0, validateFile_1.validateFile)(request.absPath, request.file, settings, request.chunk).then((result) => node_worker_threads_1.parentPort?.postMessage({ id: request.id, result }), (error) => node_worker_threads_1.parentPort?.postMessage({ id: request.id, error: String(error?.stack ?? error) }));
});
//# sourceMappingURL=validateWorker.js.map