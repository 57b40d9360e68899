import * as fs from 'node:fs';

/**
 * Opt-in timing of the custom requests, for the open-time bench: with
 * EVENTBUS_TRACE_REQUESTS=<file> each answered request appends one line
 * `<wall-clock ms> <method> <ms it took>` (waiting for the store
 * included), so where an editor's open time goes can be read afterwards.
 */
const traceFile = process.env.EVENTBUS_TRACE_REQUESTS;

export function traceRequest(method: string, startedMs: number): void {
  if (!traceFile) return;
  try {
    fs.appendFileSync(traceFile, `${Date.now()} ${method} ${Math.round(performance.now() - startedMs)}\n`);
  } catch {
    // A trace that cannot be written is no reason to fail the request.
  }
}
