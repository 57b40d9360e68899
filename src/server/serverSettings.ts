import * as path from 'node:path';
import { CONFIG_RULES, describeRule, type EventBusConfig, type GuideBusConfig, satisfiesRule } from '../engine/config/busConfig';
import { ALL_CODES, type FindingCode } from '../engine/validate/codes';
import type { SeverityOverrides } from '../engine/validate/codes';
import {
  DEFAULT_EVENT_FILE_GLOB,
  DEFAULT_MAX_PROBLEMS_PER_FILE,
  type EventbusSettings,
  type SequenceModeSetting,
  type SeveritySetting,
} from '../shared/settings';

/** Settings after defaults and sanity checks: what a store session runs with. */
export interface ResolvedSettings {
  /** As given (relative to the folder), or undefined for "config file or event_store". */
  readonly storePath: string | undefined;
  readonly eventFileGlob: string;
  readonly schemasPath: string | undefined;
  readonly sequenceMode: SequenceModeSetting;
  readonly severity: SeverityOverrides;
  /** Most diagnostics published per file (`eventbus.maxProblemsPerFile`). */
  readonly maxProblemsPerFile: number;
  /** `eventbus.projections.enabled`: rebuilds may run the store's projection modules (the client must also be trusted). */
  readonly projectionsEnabled: boolean;
  /** Bus keys the user set (`eventbus.bus.*`), already checked; they override eventbus.config.json. */
  readonly bus: Partial<EventBusConfig>;
}

const SEVERITY_VALUES: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];
const SEQUENCE_MODES: readonly SequenceModeSetting[] = ['auto', 'global', 'aggregate'];

/**
 * Reads whatever the client sent (it may be anything: user JSON) into
 * resolved settings. Unusable values fall back to defaults, and each one is
 * described in `warnings` so the server can log it instead of failing.
 */
export function resolveSettings(raw: unknown): { settings: ResolvedSettings; warnings: string[] } {
  const warnings: string[] = [];
  const input: EventbusSettings = isRecord(raw) ? (raw as EventbusSettings) : {};
  const text = (key: keyof EventbusSettings): string | undefined => {
    const value = (input as Record<string, unknown>)[key];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value === 'string') return value;
    warnings.push(`eventbus.${key}: expected a string, got ${typeof value}; using the default`);
    return undefined;
  };
  let sequenceMode: SequenceModeSetting = 'auto';
  if (input.sequenceMode !== undefined) {
    if (SEQUENCE_MODES.includes(input.sequenceMode)) sequenceMode = input.sequenceMode;
    else warnings.push(`eventbus.sequenceMode: expected auto, global or aggregate, got ${JSON.stringify(input.sequenceMode)}; using auto`);
  }
  const severity: Partial<Record<FindingCode, SeveritySetting>> = {};
  if (isRecord(input.severity)) {
    for (const [key, value] of Object.entries(input.severity)) {
      const code = key.toUpperCase() as FindingCode;
      if (!ALL_CODES.includes(code)) {
        warnings.push(`eventbus.severity.${key}: not a finding code (expected EB001 to EB026); ignored`);
      } else if (!SEVERITY_VALUES.includes(value as SeveritySetting)) {
        warnings.push(`eventbus.severity.${key}: expected ${SEVERITY_VALUES.join(', ')}, got ${JSON.stringify(value)}; ignored`);
      } else {
        severity[code] = value as SeveritySetting;
      }
    }
  } else if (input.severity !== undefined) {
    warnings.push('eventbus.severity: expected an object such as {"EB011": "off"}; ignored');
  }
  return {
    settings: {
      projectionsEnabled: projectionsEnabledOf(input, warnings),
      bus: busOverridesOf(input.bus, warnings),
      storePath: text('storePath'),
      eventFileGlob: text('eventFileGlob') ?? DEFAULT_EVENT_FILE_GLOB,
      schemasPath: text('schemasPath'),
      sequenceMode,
      severity,
      maxProblemsPerFile: maxProblemsPerFileOf(input.maxProblemsPerFile, warnings),
    },
    warnings,
  };
}

function maxProblemsPerFileOf(value: unknown, warnings: string[]): number {
  if (value === undefined || value === null) return DEFAULT_MAX_PROBLEMS_PER_FILE;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return value;
  warnings.push(`eventbus.maxProblemsPerFile: expected an integer >= 1, got ${JSON.stringify(value)}; using ${DEFAULT_MAX_PROBLEMS_PER_FILE}`);
  return DEFAULT_MAX_PROBLEMS_PER_FILE;
}

/**
 * `projectionsEnabled`, or `projections.enabled` as VS Code nests the dotted
 * setting when a client forwards the raw section.
 */
function projectionsEnabledOf(input: EventbusSettings, warnings: string[]): boolean {
  const nested = (input as { projections?: unknown }).projections;
  const value = input.projectionsEnabled ?? (isRecord(nested) ? nested.enabled : undefined);
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  warnings.push(`eventbus.projections.enabled: expected true or false, got ${JSON.stringify(value)}; using false`);
  return false;
}

/** The bus keys that pass the config file's rules; each bad one is a warning, never fatal. */
function busOverridesOf(raw: unknown, warnings: string[]): Partial<EventBusConfig> {
  if (raw === undefined || raw === null) return {};
  if (!isRecord(raw)) {
    warnings.push('eventbus.bus: expected an object of bus keys such as {"max_retry_count": 5}; ignored');
    return {};
  }
  const bus: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined || value === null) continue;
    if (!Object.prototype.hasOwnProperty.call(CONFIG_RULES, key)) {
      warnings.push(`eventbus.bus.${key}: not a bus key (expected one of ${Object.keys(CONFIG_RULES).join(', ')}); ignored`);
      continue;
    }
    const rule = CONFIG_RULES[key as keyof GuideBusConfig];
    if (!satisfiesRule(rule, value)) {
      warnings.push(`eventbus.bus.${key}: expected ${describeRule(rule)}, got ${JSON.stringify(value)}; ignored`);
      continue;
    }
    bus[key] = value;
  }
  return bus as Partial<EventBusConfig>;
}

/** The bus keys of two settings are the same. */
export function sameBus(a: Partial<EventBusConfig>, b: Partial<EventBusConfig>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof EventBusConfig>;
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

/** Settings that need the store reopened when they change (the rest only re-publish). */
export function needsReopen(a: ResolvedSettings, b: ResolvedSettings): boolean {
  return a.storePath !== b.storePath || a.schemasPath !== b.schemasPath || a.sequenceMode !== b.sequenceMode;
}

export function sameSeverity(a: SeverityOverrides, b: SeverityOverrides): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<FindingCode>;
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

/** A setting path against the folder it belongs to. */
export function resolveAgainst(folder: string, setting: string): string {
  return path.resolve(folder, setting);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
