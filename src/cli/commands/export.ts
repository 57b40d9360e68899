import * as path from 'node:path';
import { DEFAULT_CSV_COLUMNS, parseCsvColumns, type CsvColumn } from '../../engine/export/csvColumns';
import { EXPORT_FORMATS, exportChunks } from '../../engine/export/exportEvents';
import { writeExportFile } from '../../engine/export/writeExportFile';
import { QueryError, selectMatchingOrdinals } from '../../engine/query';
import { choiceOption, COMMON_OPTIONS, FILTER_OPTIONS, integerOption, parseCommandArgs } from '../args';
import type { Command } from '../command';
import { filterOfOptions, FILTER_USAGE } from '../eventFilters';
import { CliFailure, EXIT_OK, printLine, UsageError } from '../output';
import { resolveStorePath, withStore } from '../storeAccess';
import { WHERE_USAGE, whereOption, withWhere } from '../whereOption';

const usage = `Usage: eventbus export [--store DIR] [filters] [--where QUERY]
                      [--format jsonl|json|csv] [--columns A,B,…]
                      [--out FILE [--force]] [--limit N]

Writes the matching events: JSONL keeps every event's line byte for byte as
it is on disk, json is an array of those lines, csv the chosen columns.

  --store DIR       the event store (default ./event_store)
${FILTER_USAGE}
${WHERE_USAGE}
  --format F        jsonl (default), json or csv
  --columns LIST    csv columns, query paths separated by commas
                    (default ${DEFAULT_CSV_COLUMNS.join(',')})
  --out FILE        write to FILE (through a temp file, renamed when complete);
                    default standard output
  --force           replace FILE when it exists
  --limit N         at most N events`;

export const exportCommand: Command = {
  name: 'export',
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      ...COMMON_OPTIONS,
      ...FILTER_OPTIONS,
      limit: { type: 'string' },
      where: { type: 'string' },
      format: { type: 'string' },
      columns: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
    });
    if (values.help) {
      printLine(io, usage);
      return EXIT_OK;
    }
    const format = choiceOption('format', values.format, EXPORT_FORMATS) ?? 'jsonl';
    if (values.columns !== undefined && format !== 'csv') throw new UsageError('--columns applies to --format csv only');
    const columns = format === 'csv' ? csvColumnsOption(values.columns) : undefined;
    const filter = filterOfOptions(values);
    const limit = integerOption('limit', values.limit, 1);
    const where = whereOption(io, values.where);
    const storePath = await resolveStorePath(io, values.store);
    await withStore(io, storePath, async ({ engine }) => {
      const chunks = exportChunks(engine, selectMatchingOrdinals(engine, withWhere(filter, where), limit), { format, ...(columns ? { columns } : {}) });
      if (values.out === undefined) {
        for await (const chunk of chunks) io.stdout(chunk.toString('utf8'));
        return;
      }
      const target = path.resolve(io.cwd, values.out);
      try {
        await writeExportFile(target, chunks, { overwrite: values.force === true });
      } catch (error) {
        throw new CliFailure(`${(error as Error).message}${/exists/.test((error as Error).message) ? ' (--force replaces it)' : ''}`);
      }
    });
    return EXIT_OK;
  },
};

function csvColumnsOption(text: string | undefined): CsvColumn[] {
  const names = text === undefined ? DEFAULT_CSV_COLUMNS : text.split(',').filter((name) => name.trim() !== '');
  if (names.length === 0) throw new UsageError('--columns needs at least one column, e.g. seq,time,type,data.price');
  try {
    return parseCsvColumns(names);
  } catch (error) {
    if (error instanceof QueryError) throw new UsageError(`--columns: ${error.message}`);
    throw error;
  }
}
