/**
 * Worker thread that indexes a share of a store's files, so that a cold
 * index uses every core. It sends back column segments (transferred, not
 * copied) and its own string tables; the builder maps those to the store's.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { scanPlannedFiles, resultTransferList, type ScanRequest, type ScanResult } from './scanPlan';

const request = workerData as ScanRequest;
const started = performance.now();
const result: ScanResult = scanPlannedFiles(request, (bytes) => parentPort?.postMessage({ progress: bytes }));
if (process.env.EVENTBUS_TRACE_INDEX) process.stderr.write(`  worker scanned in ${(performance.now() - started).toFixed(0)} ms\n`);
parentPort?.postMessage({ result }, resultTransferList(result));
