import * as fs from 'node:fs';
import * as path from 'node:path';
import { SCHEMAS_DIR } from '../store/layout';
import { JsonFilePositions } from './jsonPosition';
import { type FileProblem, parseMigration, parseMigrationFileName, SchemaFileError } from './migrationSpec';
import { SchemaRegistry } from './schemaRegistry';

const SCHEMA_SUFFIX = '.schema.json';
const MIGRATION_SUFFIX = '.migration.json';

export interface LoadSchemaOptions {
  /** Throw one SchemaFileError listing every bad file instead of skipping them (default: skip and record in `registry.problems`). */
  readonly strict?: boolean;
  /** Read schemas from this folder instead of `<store>/schemas` (the editor's `eventbus.schemasPath`). */
  readonly schemasDir?: string;
}

/**
 * Reads `<store>/schemas/<event_type>/<version>.schema.json` and
 * `<from>-to-<to>.migration.json`. A store without a schemas folder gives an
 * empty registry. A bad file is skipped and recorded in `registry.problems`
 * (so one typo does not stop validation of everything else), or thrown with
 * `strict`.
 */
export async function loadSchemaRegistry(storeRoot: string, options: LoadSchemaOptions = {}): Promise<SchemaRegistry> {
  const registry = new SchemaRegistry();
  const schemasRoot = options.schemasDir ?? path.join(storeRoot, SCHEMAS_DIR);
  const typeDirs = await readDirOrEmpty(schemasRoot);
  for (const typeDir of typeDirs.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!typeDir.isDirectory()) continue;
    const eventType = typeDir.name;
    registry.addType(eventType);
    const files = (await readDirOrEmpty(path.join(schemasRoot, eventType))).filter((f) => f.isFile()).map((f) => f.name).sort();
    for (const name of files) {
      const relative = `${SCHEMAS_DIR}/${eventType}/${name}`;
      try {
        if (name.endsWith(SCHEMA_SUFFIX)) {
          const version = name.slice(0, -SCHEMA_SUFFIX.length);
          const text = await fs.promises.readFile(path.join(schemasRoot, eventType, name), 'utf8');
          registry.addSchemaFile(eventType, version, parseJsonFile(text, relative), relative);
        } else if (name.endsWith(MIGRATION_SUFFIX)) {
          const versions = parseMigrationFileName(name);
          if (!versions) {
            throw new SchemaFileError([
              { file: relative, line: 1, column: 1, message: 'a migration file must be named <from>-to-<to>.migration.json' },
            ]);
          }
          const text = await fs.promises.readFile(path.join(schemasRoot, eventType, name), 'utf8');
          registry.addMigration(parseMigration(text, relative, eventType, versions.from, versions.to));
        }
      } catch (error) {
        const problems = problemsOf(error, relative);
        for (const problem of problems) registry.addProblem(problem);
        if (name.endsWith(SCHEMA_SUFFIX)) {
          // Fail closed: its type and version must not be taken as "no schema, anything goes".
          registry.markBroken({ eventType, version: name.slice(0, -SCHEMA_SUFFIX.length), file: relative, reason: problems[0]?.message ?? 'unusable' });
        }
      }
    }
  }
  if (options.strict && registry.problems.length > 0) throw new SchemaFileError(registry.problems);
  return registry;
}

function parseJsonFile(text: string, file: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    const first = new JsonFilePositions(text).syntaxErrors[0] ?? { line: 1, column: 1, message: 'invalid JSON' };
    throw new SchemaFileError([{ file, line: first.line, column: first.column, message: `invalid JSON: ${first.message}` }]);
  }
}

function problemsOf(error: unknown, file: string): readonly FileProblem[] {
  if (error instanceof SchemaFileError) return error.problems;
  return [{ file, line: 1, column: 1, message: `cannot read: ${(error as Error).message}` }];
}

async function readDirOrEmpty(dir: string): Promise<fs.Dirent[]> {
  try {
    return await fs.promises.readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
    throw error;
  }
}
