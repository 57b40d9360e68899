import * as path from 'node:path';
import { DEFAULT_CSV_COLUMNS, parseCsvColumns } from '../../engine/export/csvColumns';
import { EXPORT_FORMATS, exportChunks } from '../../engine/export/exportEvents';
import { writeExportFile } from '../../engine/export/writeExportFile';
import { ordinalTestOf, QueryError } from '../../engine/query';
import type { ExportParams, ExportResult } from '../../shared/queryProtocol';
import { viewFilterOfParams } from './filterOfParams';
import type { HandlerStore } from './handlerStore';

/** Progress is told at most this often (an export of a million events is not a million messages). */
const PROGRESS_EVERY_MS = 200;

/**
 * Writes the selection (an aggregate, a correlation, listed events or the
 * whole store, narrowed by the view's filter and content query) to the
 * chosen file; progress goes to `report` as events are written.
 */
export async function exportEvents(store: HandlerStore, params: ExportParams, report: (done: number, total: number) => void): Promise<ExportResult> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(params.format)) throw new Error(`export format must be ${EXPORT_FORMATS.join(', ')}, got ${JSON.stringify(params.format)}`);
  if (typeof params.target !== 'string' || !path.isAbsolute(params.target)) throw new Error('export: the target must be an absolute file path');
  const index = store.engine.index;
  const selected: readonly number[] =
    params.aggregateId !== undefined
      ? index.ordinalsOfAggregate(params.aggregateId)
      : params.correlationId !== undefined
        ? index.ordinalsOfCorrelation(params.correlationId)
        : params.eventIds !== undefined
          ? params.eventIds.flatMap((id) => index.ordinalsOfEventId(id).slice(0, 1))
          : Array.from({ length: index.eventCount }, (_, ordinal) => ordinal);
  const test = ordinalTestOf(index, viewFilterOfParams(params.filter));
  const ordinals = test ? selected.filter(test) : selected;
  let columns;
  try {
    columns = params.format === 'csv' ? parseCsvColumns(params.columns?.length ? params.columns : DEFAULT_CSV_COLUMNS) : undefined;
  } catch (error) {
    if (error instanceof QueryError) throw new Error(`the CSV ${error.reason}`);
    throw error;
  }
  let done = 0;
  let told = 0;
  async function* counted(): AsyncGenerator<number> {
    for (const ordinal of ordinals) {
      yield ordinal;
      done++;
      if (Date.now() - told > PROGRESS_EVERY_MS) {
        told = Date.now();
        report(done, ordinals.length);
        // Lets the progress notification (and other requests) out between slices.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }
  const bytes = await writeExportFile(params.target, exportChunks(store.engine, counted(), { format: params.format, ...(columns ? { columns } : {}) }), { overwrite: true });
  report(ordinals.length, ordinals.length);
  return { events: ordinals.length, bytes };
}
