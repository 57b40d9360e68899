/**
 * Worker thread that indexes a share of a store's files, so that a cold
 * index uses every core. It sends back column segments (transferred, not
 * copied) and its own string tables; the builder maps those to the store's.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { scanPlannedFiles, resultTransferList, type ScanRequest, type ScanResult } from './scanPlan';

const request = workerData as ScanRequest;
const result: ScanResult = scanPlannedFiles(request, (bytes) => parentPort?.postMessage({ progress: bytes }));
parentPort?.postMessage({ result }, resultTransferList(result));
