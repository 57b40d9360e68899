import Ajv, { type Options, type ValidateFunction } from 'ajv';
import Ajv2019 from 'ajv/dist/2019';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { isUuid } from '../model/ids';
import { linearRegExp } from './linearRegExp';
import { parseTimestamp } from '../model/timestamp';

/**
 * Formats of our own, usable in user schemas too. `date-time` from
 * ajv-formats rejects the naive timestamps Python's isoformat() writes, so
 * the envelope uses `event-timestamp` (anything model/timestamp.ts parses).
 */
export const TIMESTAMP_FORMAT = 'event-timestamp';
export const UUID_FORMAT = 'event-uuid';

export type SchemaDialect = 'draft-07' | '2019-09' | '2020-12';

// User schemas are written by hand, so unknown keywords are tolerated
// (strict off) and every error is reported (allErrors), not just the first.
// Their patterns run on a linear-time engine: a schema must not hang validation.
const USER_OPTIONS: Options = { strict: false, allErrors: true, code: { regExp: linearRegExp } };

/** The dialect a schema's `$schema` asks for, or an error text when ajv cannot do it. */
export function dialectOf(schema: unknown): SchemaDialect | { unsupported: string } {
  const declared =
    schema !== null && typeof schema === 'object' && typeof (schema as { $schema?: unknown }).$schema === 'string'
      ? ((schema as { $schema: string }).$schema)
      : undefined;
  if (declared === undefined || /draft-07/.test(declared)) return 'draft-07';
  if (/2020-12/.test(declared)) return '2020-12';
  if (/2019-09/.test(declared)) return '2019-09';
  return { unsupported: `$schema "${declared}" is not supported (use draft-07, 2019-09 or 2020-12)` };
}

const shared = new Map<string, Ajv>();

/**
 * Compiles a user schema. One ajv per dialect is shared, since an instance's
 * first compile costs tens of milliseconds (it compiles the meta-schema) and
 * later ones well under one. Two files may declare the same `$id` (copied
 * from version to version), which one instance refuses: such a file gets
 * an instance of its own.
 */
export function compileUserSchema(schema: object, dialect: SchemaDialect, trusted = false): ValidateFunction {
  const key = `${dialect}${trusted ? ':trusted' : ''}`;
  let ajv = shared.get(key);
  if (!ajv) {
    ajv = createAjv(dialect, trusted);
    shared.set(key, ajv);
  }
  try {
    return ajv.compile(schema);
  } catch (error) {
    if (!/already exists/.test((error as Error).message)) throw error;
    return createAjv(dialect, trusted).compile(schema);
  }
}

/**
 * A fresh ajv with our formats. `trusted` skips checking schemas against
 * their meta-schema (half the start-up of a worker thread): only for schemas
 * another thread has already compiled and checked.
 */
export function createAjv(dialect: SchemaDialect = 'draft-07', trusted = false): Ajv {
  const options: Options = trusted ? { ...USER_OPTIONS, validateSchema: false } : USER_OPTIONS;
  const ajv = dialect === '2020-12' ? new Ajv2020(options) : dialect === '2019-09' ? new Ajv2019(options) : new Ajv(options);
  addFormats(ajv);
  ajv.addFormat(TIMESTAMP_FORMAT, { type: 'string', validate: (text: string) => !Number.isNaN(parseTimestamp(text)) });
  ajv.addFormat(UUID_FORMAT, { type: 'string', validate: isUuid });
  return ajv;
}
