import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseTimestamp } from '../engine/model/timestamp';
import { UsageError } from './output';

type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Options every subcommand takes. */
export const COMMON_OPTIONS = {
  store: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpec;

export const JSON_OPTION = { json: { type: 'boolean' } } as const satisfies OptionSpec;

/** Filters shared by `events` and `tail`. */
export const FILTER_OPTIONS = {
  aggregate: { type: 'string' },
  correlation: { type: 'string' },
  type: { type: 'string' },
  source: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
} as const satisfies OptionSpec;

export interface ParsedArgs<T> {
  readonly values: T;
  readonly positionals: string[];
}

/**
 * node:util parseArgs in strict mode, with its errors turned into one-line
 * usage errors (`unknown option '--x'`, `option '--store' needs a value`).
 */
export function parseCommandArgs<O extends OptionSpec>(
  argv: readonly string[],
  options: O,
  allowPositionals = false,
): ParsedArgs<ReturnType<typeof parseArgs<{ options: O; allowPositionals: boolean; strict: true }>>['values']> {
  try {
    const parsed = parseArgs({ args: [...argv], options, allowPositionals, strict: true });
    return { values: parsed.values, positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
}

function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'([^']+)'/.exec(message)?.[1];
    return option ? `unknown option '${option}'` : message.split('.')[0];
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const option = /'(--?[^' ]+)/.exec(message)?.[1];
    return option && /argument missing/.test(message) ? `option '${option.split(' ')[0]}' needs a value` : message.split('\n')[0];
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const extra = /'([^']+)'/.exec(message)?.[1];
    return extra ? `unexpected argument '${extra}'` : 'unexpected argument';
  }
  return message.split('\n')[0];
}

/** A whole number option (`--limit 10`), or undefined when absent. */
export function integerOption(name: string, text: string | undefined, min = 0): number | undefined {
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(Number(text)) || Number(text) < min) {
    throw new UsageError(`--${name} must be a whole number${min > 0 ? ` of at least ${min}` : min === 0 ? ' (0 or more)' : ''}, got "${text}"`);
  }
  return Number(text);
}

/** An ISO 8601 timestamp option as epoch ms, or undefined when absent. */
export function timestampOption(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = parseTimestamp(text);
  if (Number.isNaN(ms)) throw new UsageError(`--${name} must be an ISO 8601 timestamp like 2024-01-15T10:30:00Z, got "${text}"`);
  return ms;
}

/** A required option: a usage error naming it when missing. */
export function required<T>(name: string, value: T | undefined): T {
  if (value === undefined || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

/** One of a fixed set of words. */
export function choiceOption<C extends string>(name: string, text: string | undefined, choices: readonly C[]): C | undefined {
  if (text === undefined) return undefined;
  if (!(choices as readonly string[]).includes(text)) {
    throw new UsageError(`--${name} must be one of ${choices.join(', ')}, got "${text}"`);
  }
  return text as C;
}
