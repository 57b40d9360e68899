import { editDistance } from '../model/closeMatches';
import { kindOf } from '../schema/describeValue';
import { JsonFilePositions } from '../schema/jsonPosition';
import {
  CONFIG_KEYS,
  CONFIG_RULES,
  DEFAULT_CONFIG,
  describeRule,
  type EventBusConfig,
  type GuideBusConfig,
  satisfiesRule,
  STORE_AGREEMENT_RULES,
  type StoreAgreementConfig,
} from './busConfig';
import { ConfigError, type ConfigProblem } from './configError';

/** The guide nests the block under "event_bus"; the flat form is accepted too. */
export const WRAPPER_KEY = 'event_bus';
/** Editors add "$schema" for completion; it is allowed and ignored. */
const IGNORED_KEYS = new Set(['$schema']);

export interface ConfigSource {
  /** How messages name the source (a file path); default "configuration". */
  readonly name?: string;
  /** The file's text, to give each problem its line and column. */
  readonly text?: string;
}

/**
 * The full configuration from a partial one (flat keys, or wrapped in
 * "event_bus"), defaults filled in. Every problem is collected and thrown as
 * one ConfigError: unknown keys (with a "did you mean" when one is close)
 * and values of the wrong type or range.
 */
export function validateConfig(value: unknown, source: ConfigSource = {}): EventBusConfig {
  const name = source.name ?? 'configuration';
  const positions = source.text !== undefined ? new JsonFilePositions(source.text) : undefined;
  const at = (path: string[]): Pick<ConfigProblem, 'line' | 'column'> => (positions ? positions.keyPosition(path) : {});

  if (!isPlainObject(value)) {
    throw new ConfigError(name, [{ expected: `an object of event bus settings`, got: kindOf(value), ...at([]) }]);
  }
  const problems: ConfigProblem[] = [];
  let block: Record<string, unknown> = value;
  let prefix: string[] = [];
  if (WRAPPER_KEY in value) {
    for (const key of Object.keys(value)) {
      if (key !== WRAPPER_KEY && !IGNORED_KEYS.has(key)) {
        problems.push({ key, expected: `only "${WRAPPER_KEY}" at the top level when it is used`, got: `"${key}"`, ...at([key]) });
      }
    }
    const inner = value[WRAPPER_KEY];
    if (!isPlainObject(inner)) {
      throw new ConfigError(name, [...problems, { key: WRAPPER_KEY, expected: 'an object of event bus settings', got: kindOf(inner), ...at([WRAPPER_KEY]) }]);
    }
    block = inner;
    prefix = [WRAPPER_KEY];
  }

  const config: Record<string, unknown> = { ...DEFAULT_CONFIG };
  for (const [key, setting] of Object.entries(block)) {
    if (IGNORED_KEYS.has(key) && prefix.length === 0) continue;
    if (Object.prototype.hasOwnProperty.call(STORE_AGREEMENT_RULES, key)) {
      const rule = STORE_AGREEMENT_RULES[key as keyof StoreAgreementConfig];
      const problem = rule.problem(setting);
      if (problem !== undefined) problems.push({ key, expected: rule.expected, got: problem, ...at([...prefix, key]) });
      else config[key] = setting;
      continue;
    }
    if (!Object.prototype.hasOwnProperty.call(CONFIG_RULES, key)) {
      const close = closestKey(key);
      problems.push({
        key,
        expected: close ? `a known key (did you mean "${close}"?)` : `one of the known keys: ${CONFIG_KEYS.join(', ')}`,
        got: `unknown key "${key}"`,
        ...at([...prefix, key]),
      });
      continue;
    }
    const rule = CONFIG_RULES[key as keyof GuideBusConfig];
    if (!satisfiesRule(rule, setting)) {
      problems.push({ key, expected: describeRule(rule), got: kindOf(setting), ...at([...prefix, key]) });
      continue;
    }
    config[key] = setting;
  }
  if (problems.length > 0) throw new ConfigError(name, problems);
  return Object.freeze(config) as unknown as EventBusConfig;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A known key within two edits (typos, or camelCase for snake_case), if any. */
function closestKey(key: string): string | undefined {
  const normalized = key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().replace(/-/g, '_');
  let best: string | undefined;
  let bestDistance = 3;
  for (const known of CONFIG_KEYS) {
    const distance = known === normalized ? 0 : editDistance(normalized, known);
    if (distance < bestDistance) {
      best = known;
      bestDistance = distance;
    }
  }
  return best;
}
