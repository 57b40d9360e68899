import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, visit, type ParseError } from 'jsonc-parser';
import { JsonFilePositions } from '../schema/jsonPosition';
import { DEFAULT_CONFIG, type EventBusConfig } from './busConfig';
import { ConfigError, type ConfigProblem } from './configError';
import { validateConfig } from './validateConfig';

export const CONFIG_FILE_NAME = 'eventbus.config.json';

export interface LoadedConfig {
  readonly config: EventBusConfig;
  /** Absolute path of the file read; undefined when there is none (defaults). */
  readonly file?: string;
}

/**
 * Reads `eventbus.config.json` at the workspace root, if there is one. The
 * file is JSON; comments are tolerated since people annotate settings, but
 * trailing commas are not. A missing file means the guide's defaults; an
 * unreadable or invalid one throws a ConfigError naming file, line and key.
 */
export async function loadConfig(workspaceRoot: string): Promise<LoadedConfig> {
  const file = path.join(workspaceRoot, CONFIG_FILE_NAME);
  let text: string;
  try {
    text = await fs.promises.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { config: DEFAULT_CONFIG };
    throw new ConfigError(file, [{ expected: 'a readable file', got: `${code ?? 'an error'}: ${(error as Error).message}` }]);
  }
  return { config: parseConfigText(text, file), file };
}

/** The configuration in a file's text; `name` is how errors name the file. */
export function parseConfigText(text: string, name: string): EventBusConfig {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const errors: ParseError[] = [];
  const value: unknown = parse(body, errors, { disallowComments: false, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0) {
    const first = new JsonFilePositions(body).syntaxErrors[0] ?? { line: 1, column: 1, message: 'invalid JSON' };
    throw new ConfigError(name, [{ expected: 'valid JSON', got: first.message, line: first.line, column: first.column }]);
  }
  const forbidden = forbiddenKeys(body);
  if (forbidden.length > 0) throw new ConfigError(name, forbidden);
  return validateConfig(value, { name, text: body });
}

/**
 * `__proto__`, `constructor` and `prototype` keys, anywhere: the parser
 * assigns properties, so `"__proto__": {...}` would silently become the
 * settings object's prototype (its keys then read as settings, unchecked).
 */
function forbiddenKeys(body: string): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  visit(body, {
    onObjectProperty(property, _offset, _length, startLine, startCharacter) {
      if (FORBIDDEN_KEYS.has(property)) {
        problems.push({ key: property, expected: 'a settings key', got: `"${property}", which is never allowed (it could change how objects behave)`, line: startLine + 1, column: startCharacter + 1 });
      }
    },
  });
  return problems;
}

const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Where the store is: `storage_path` against the workspace root. */
export function resolveStoragePath(workspaceRoot: string, config: EventBusConfig): string {
  return path.resolve(workspaceRoot, config.storage_path);
}
