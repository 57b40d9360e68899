import { JsonFilePositions } from './jsonPosition';
import { type DataPath, formatDataPath, parseDataPath } from './dataPath';
import { compareVersions } from './versionOrder';
import { kindOf } from './describeValue';

export const CONVERT_TYPES = ['string', 'number', 'boolean'] as const;
export type ConvertType = (typeof CONVERT_TYPES)[number];

/** One step of a declarative migration; every operation acts on the event's `data`. */
export type MigrationOperation =
  /** Renames a key in place (same parent object), keeping its position. */
  | { readonly op: 'rename'; readonly from: DataPath; readonly to: DataPath }
  /** Moves a value anywhere, creating missing objects on the way. */
  | { readonly op: 'move'; readonly from: DataPath; readonly to: DataPath }
  /** Sets the value only when the field is absent (a present null is kept). */
  | { readonly op: 'set_default'; readonly path: DataPath; readonly value: unknown }
  | { readonly op: 'remove'; readonly path: DataPath }
  /** string <-> number <-> boolean; a value that does not convert is left as it is. */
  | { readonly op: 'convert'; readonly path: DataPath; readonly type: ConvertType };

export interface Migration {
  readonly eventType: string;
  readonly from: string;
  readonly to: string;
  readonly description?: string;
  readonly operations: readonly MigrationOperation[];
  /** Store-relative file it came from, when it came from one. */
  readonly file?: string;
}

export interface FileProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** A schema or migration file that cannot be used; the message lists `file:line:col: what is wrong`. */
export class SchemaFileError extends Error {
  constructor(readonly problems: readonly FileProblem[]) {
    super(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n'));
    this.name = 'SchemaFileError';
  }
}

const MIGRATION_FILE = /^(.+)-to-(.+)\.migration\.json$/;

/** `1.0-to-1.1.migration.json` -> versions, or null when the name is not a migration file name. */
export function parseMigrationFileName(name: string): { from: string; to: string } | null {
  const match = MIGRATION_FILE.exec(name);
  return match ? { from: match[1], to: match[2] } : null;
}

const OPERATION_FIELDS: Record<MigrationOperation['op'], readonly string[]> = {
  rename: ['from', 'to'],
  move: ['from', 'to'],
  set_default: ['path', 'value'],
  remove: ['path'],
  convert: ['path', 'type'],
};

/**
 * Reads a migration file's text. Everything wrong is collected (not just the
 * first problem) and thrown as one SchemaFileError naming file and line.
 */
export function parseMigration(text: string, file: string, eventType: string, from: string, to: string): Migration {
  const positions = new JsonFilePositions(text);
  const problems: FileProblem[] = [];
  const problem = (path: (string | number)[], message: string): void => {
    problems.push({ file, ...positions.keyPosition(path), message });
  };

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const first = positions.syntaxErrors[0] ?? { line: 1, column: 1, message: 'invalid JSON' };
    throw new SchemaFileError([{ file, line: first.line, column: first.column, message: `invalid JSON: ${first.message}` }]);
  }
  if (compareVersions(from, to) >= 0) {
    problems.push({ file, line: 1, column: 1, message: `a migration must go to a newer version, but "${to}" is not newer than "${from}"` });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new SchemaFileError([...problems, { file, line: 1, column: 1, message: 'expected an object with "operations"' }]);
  }
  const body = value as Record<string, unknown>;
  for (const key of Object.keys(body)) {
    if (!['$schema', 'description', 'operations'].includes(key)) {
      problem([key], `unknown key "${key}" (expected "description" or "operations")`);
    }
  }
  if (body.description !== undefined && typeof body.description !== 'string') {
    problem(['description'], `"description" must be a string, got ${kindOf(body.description)}`);
  }
  const operations: MigrationOperation[] = [];
  if (!Array.isArray(body.operations)) {
    problem(body.operations === undefined ? [] : ['operations'], `"operations" must be an array, got ${kindOf(body.operations)}`);
  } else {
    body.operations.forEach((raw, index) => {
      const operation = parseOperation(raw, (message) => problem(['operations', index], `operations[${index}]: ${message}`));
      if (operation) operations.push(operation);
    });
  }
  if (problems.length > 0) throw new SchemaFileError(problems.sort((a, b) => a.line - b.line || a.column - b.column));
  return {
    eventType,
    from,
    to,
    operations,
    file,
    ...(typeof body.description === 'string' ? { description: body.description } : {}),
  };
}

function parseOperation(raw: unknown, fail: (message: string) => void): MigrationOperation | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    fail(`expected an object like {"op": "rename", "from": "a", "to": "b"}, got ${kindOf(raw)}`);
    return undefined;
  }
  const fields = raw as Record<string, unknown>;
  const op = fields.op;
  if (typeof op !== 'string' || !Object.prototype.hasOwnProperty.call(OPERATION_FIELDS, op)) {
    fail(`"op" must be one of ${Object.keys(OPERATION_FIELDS).join(', ')}, got ${typeof op === 'string' ? `"${op}"` : kindOf(op)}`);
    return undefined;
  }
  const kind = op as MigrationOperation['op'];
  const expected = OPERATION_FIELDS[kind];
  let ok = true;
  for (const key of Object.keys(fields)) {
    if (key !== 'op' && !expected.includes(key)) {
      fail(`"${kind}" takes ${expected.map((f) => `"${f}"`).join(' and ')}, not "${key}"`);
      ok = false;
    }
  }
  for (const key of expected) {
    if (!(key in fields)) {
      fail(`"${kind}" needs "${key}"`);
      ok = false;
    }
  }
  if (!ok) return undefined;
  const path = (key: string): DataPath | undefined => {
    const text = fields[key];
    if (typeof text !== 'string') {
      fail(`"${key}" must be a path string (dot path or JSON Pointer), got ${kindOf(text)}`);
      return undefined;
    }
    const parsed = parseDataPath(text);
    if ('error' in parsed) {
      fail(`"${key}": ${parsed.error}`);
      return undefined;
    }
    return parsed;
  };
  switch (kind) {
    case 'rename':
    case 'move': {
      const from = path('from');
      const to = path('to');
      if (!from || !to) return undefined;
      if (kind === 'rename' && formatDataPath(from.slice(0, -1)) !== formatDataPath(to.slice(0, -1))) {
        fail(`"rename" keeps a field in the same object ("${formatDataPath(from)}" -> "${formatDataPath(to)}" changes parent); use "move"`);
        return undefined;
      }
      return { op: kind, from, to };
    }
    case 'set_default': {
      const target = path('path');
      return target ? { op: 'set_default', path: target, value: fields.value } : undefined;
    }
    case 'remove': {
      const target = path('path');
      return target ? { op: 'remove', path: target } : undefined;
    }
    case 'convert': {
      const target = path('path');
      const type = fields.type;
      if (typeof type !== 'string' || !(CONVERT_TYPES as readonly string[]).includes(type)) {
        fail(`"type" must be one of ${CONVERT_TYPES.join(', ')}, got ${typeof type === 'string' ? `"${type}"` : kindOf(type)}`);
        return undefined;
      }
      return target ? { op: 'convert', path: target, type: type as ConvertType } : undefined;
    }
  }
}
