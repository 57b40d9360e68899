/**
 * Worker thread of a cold build (see parallelScan.ts): scans the files it
 * claims and sends each segment as it is done; then fills the event-id
 * table of the whole store from the id columns the builder shares with it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildIdTable, type IdColumns } from './idTable';
import { scanClaimedFiles, type ScanRequest } from './scanPlan';

const request = workerData as ScanRequest;
parentPort?.once('message', (message: { idColumns: IdColumns[] }) => {
  const ids = buildIdTable(message.idColumns);
  // Transferred: this thread has nothing left to scan, so detaching costs it nothing.
  parentPort?.postMessage({ ids }, [ids.slots.buffer as ArrayBuffer, ids.hashes.buffer as ArrayBuffer]);
});
scanClaimedFiles(request.files, request.claim, request.expectedBytes, request.limits, (file) => parentPort?.postMessage({ file }));
parentPort?.postMessage({ done: true });
