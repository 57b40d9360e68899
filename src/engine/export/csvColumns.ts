import { type QuerySubject, readPath } from '../query/evaluateQuery';
import { parseQuery } from '../query/parseQuery';
import type { QueryNode } from '../query/queryAst';
import { QueryError } from '../query/queryError';
import { formatTimestamp } from '../model/timestamp';

/** Columns when none are chosen: the envelope a person scans first. */
export const DEFAULT_CSV_COLUMNS: readonly string[] = ['seq', 'time', 'type', 'aggregate', 'source', 'id', 'correlation', 'causation'];

export interface CsvColumn {
  readonly header: string;
  readonly path: QueryNode & { kind: 'path' };
}

/** Columns are query paths (`data.price`, `metadata.tags.env`, `time`); a bad one is named with its column. */
export function parseCsvColumns(texts: readonly string[]): CsvColumn[] {
  return texts.map((text) => {
    const node = parseQuery(text.trim());
    if (node.kind !== 'path') throw new QueryError(`CSV column "${text}": expected a path such as data.price or seq`, 0, text);
    return { header: text.trim(), path: node };
  });
}

/**
 * One CSV row (RFC 4180: quoted when needed, quotes doubled). Texts that a
 * spreadsheet would run as a formula (=, +, -, @ first) get a leading
 * apostrophe: event data is not the spreadsheet's code to execute.
 */
export function csvRow(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function columnCells(columns: readonly CsvColumn[], subject: QuerySubject): string[] {
  return columns.map(({ path }) => {
    const values = readPath(path, subject);
    if (values.length === 0) return '';
    const shown = path.root === 'time' ? values.map((v) => (typeof v === 'number' ? formatTimestamp(v) : v)) : values;
    // A field of every element of a list gives several values: one cell, as a JSON list.
    return shown.length === 1 ? cellText(shown[0]) : JSON.stringify(shown);
  });
}

function cellText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null) return 'null';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function csvCell(text: string): string {
  const guarded = /^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
