import * as path from 'node:path';
import { ALL_CODES, type FindingCode } from '../engine/validate/codes';
import type { SeverityOverrides } from '../engine/validate/finding';
import {
  DEFAULT_EVENT_FILE_GLOB,
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
        warnings.push(`eventbus.severity.${key}: not a finding code (expected EB001 to EB021); ignored`);
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
      storePath: text('storePath'),
      eventFileGlob: text('eventFileGlob') ?? DEFAULT_EVENT_FILE_GLOB,
      schemasPath: text('schemasPath'),
      sequenceMode,
      severity,
    },
    warnings,
  };
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
