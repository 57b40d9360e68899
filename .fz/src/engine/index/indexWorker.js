"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Worker thread of a cold build (see parallelScan.ts): scans the files it
 * claims and sends each segment as it is done; then fills the event-id
 * table of the whole store from the id columns the builder shares with it.
 */
const node_worker_threads_1 = require("node:worker_threads");
const idTable_1 = require("./idTable");
const scanPlan_1 = require("./scanPlan");
const request = node_worker_threads_1.workerData;
node_worker_threads_1.parentPort?.once('message', (message) => {
    const ids = (0, idTable_1.buildIdTable)(message.idColumns);
    // Transferred: this thread has nothing left to scan, so detaching costs it nothing.
    node_worker_threads_1.parentPort?.postMessage({ ids }, [ids.slots.buffer, ids.hashes.buffer]);
});
(0, scanPlan_1.scanClaimedFiles)(request.files, request.claim, request.expectedBytes, request.limits, (file) => node_worker_threads_1.parentPort?.postMessage({ file }));
node_worker_threads_1.parentPort?.postMessage({ done: true });
//# sourceMappingURL=indexWorker.js.map