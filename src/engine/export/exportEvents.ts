import type { StoreEngine } from '../storeEngineTypes';
import type { QuerySubject } from '../query/evaluateQuery';
import { columnCells, csvRow, type CsvColumn } from './csvColumns';

export const EXPORT_FORMATS = ['jsonl', 'json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  readonly format: ExportFormat;
  /** CSV only. */
  readonly columns?: readonly CsvColumn[];
}

const NEWLINE = Buffer.from('\n');

/**
 * The selected events as export bytes, streamed in chunks of about 1 MiB:
 * JSONL is each event's line exactly as on disk, a JSON array holds the
 * same lines as its elements, CSV the chosen columns.
 */
export async function* exportChunks(engine: Pick<StoreEngine, 'index' | 'readEvent' | 'readLineBytes'>, ordinals: AsyncIterable<number> | Iterable<number>, options: ExportOptions): AsyncGenerator<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  let count = 0;
  const push = (part: Buffer): void => {
    parts.push(part);
    size += part.length;
  };
  if (options.format === 'json') push(Buffer.from('['));
  if (options.format === 'csv') push(Buffer.from(csvRow((options.columns ?? []).map((c) => c.header))));
  for await (const ordinal of ordinals) {
    if (options.format === 'csv') {
      const columns = options.columns ?? [];
      const needsBody = columns.some(({ path }) => path.root === 'data' || path.root === 'metadata');
      const subject: QuerySubject = { indexed: engine.index.event(ordinal), ...(needsBody ? { event: await engine.readEvent(ordinal) } : {}) };
      push(Buffer.from(csvRow(columnCells(columns, subject))));
    } else {
      if (options.format === 'json') push(Buffer.from(count === 0 ? '\n' : ',\n'));
      push(await engine.readLineBytes(ordinal));
      if (options.format === 'jsonl') push(NEWLINE);
    }
    count++;
    if (size >= 1 << 20) {
      yield Buffer.concat(parts);
      parts.length = 0;
      size = 0;
    }
  }
  if (options.format === 'json') push(Buffer.from(count === 0 ? ']\n' : '\n]\n'));
  if (parts.length > 0) yield Buffer.concat(parts);
}
