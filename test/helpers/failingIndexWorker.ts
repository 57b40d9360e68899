/**
 * Stand-ins for the index worker, to prove a cold build survives a worker
 * that dies: `scan` fails before scanning anything (the build is done again
 * on the calling thread), `ids` scans like the real worker but dies when
 * asked to fill the event-id table (the calling thread fills it).
 */
import * as path from 'node:path';
import { parentPort } from 'node:worker_threads';

/** Which stand-in: set by the test before the build (workers see the process's environment). */
const phase = process.env.EVENTBUS_FAIL_INDEX_WORKER;
if (phase === 'ids' && parentPort) {
  const port = parentPort;
  const once = port.once.bind(port);
  // The real worker waits for the id columns with once('message'): that message kills it instead.
  port.once = ((event: string, listener: (...args: unknown[]) => void) =>
    event === 'message'
      ? once('message', () => {
          throw new Error('index worker stand-in: dies while filling the id table');
        })
      : once(event, listener)) as typeof port.once;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the real worker, run in this thread after the hook above
  require(path.join(__dirname, '..', '..', 'src', 'engine', 'index', 'indexWorker.js'));
} else {
  throw new Error('index worker stand-in: dies before scanning');
}
