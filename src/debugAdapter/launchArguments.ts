import { foldSettingProblems, type FoldSetting } from '../engine/model/foldSetting';

/**
 * What a launch (or attach) configuration of type `eventbus` says. Which
 * events the session replays: one aggregate's (sequence order), one
 * correlation's (store order), a time range's (time order), or, with none
 * of these, the whole store (store order).
 */
export interface ReplayLaunchArguments {
  /** The store folder (holding events/). */
  readonly store: string;
  readonly aggregateId?: string;
  readonly correlationId?: string;
  /** Inclusive bounds: ISO 8601 text or epoch ms. */
  readonly since?: string | number;
  readonly until?: string | number;
  /** Start at the first event with this sequence number or a higher one. */
  readonly fromSequence?: number;
  /** Stop on the first event (default true); false runs to the first breakpoint. */
  readonly stopOnEntry: boolean;
  /** Overrides the store's fold (eventbus.config.json "fold"). */
  readonly fold?: FoldSetting;
  /**
   * How a `.jsonl.gz` day is shown: `sourceReference` (the adapter sends the
   * decompressed text; any DAP client) or `eventbusUri` (the extension's
   * `eventbus:` decompressed documents, where breakpoints can be set).
   */
  readonly gzipSources: 'sourceReference' | 'eventbusUri';
  /** Attach: keep following the store and stop on breakpoints in events appended later. */
  readonly follow: boolean;
  /**
   * Run the store's projection module when its fold is one (states, Step
   * Into the fold). The editor sets it only in a trusted workspace.
   */
  readonly allowProjections: boolean;
}

/** A configuration that cannot start a session: every problem, by field. */
export class LaunchArgumentsError extends Error {}

const KNOWN = new Set(['store', 'aggregateId', 'correlationId', 'since', 'until', 'fromSequence', 'stopOnEntry', 'fold', 'gzipSources', 'follow', 'allowProjections']);

/** Reads a launch configuration, or throws a LaunchArgumentsError naming each field at fault and what it expects. */
export function readLaunchArguments(raw: Readonly<Record<string, unknown>>, request: 'launch' | 'attach'): ReplayLaunchArguments {
  const problems: string[] = [];
  const text = (key: string): string | undefined => {
    const value = raw[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value === '') problems.push(`"${key}": expected a non-empty text, got ${JSON.stringify(value)}`);
    return typeof value === 'string' ? value : undefined;
  };
  const instant = (key: string): string | number | undefined => {
    const value = raw[key];
    if (value === undefined || typeof value === 'number' || (typeof value === 'string' && value !== '')) return value as string | number | undefined;
    problems.push(`"${key}": expected an ISO 8601 time such as "2024-01-15T10:30:00Z" or epoch ms, got ${JSON.stringify(value)}`);
    return undefined;
  };
  const flag = (key: string, fallback: boolean): boolean => {
    const value = raw[key];
    if (value === undefined) return fallback;
    if (typeof value !== 'boolean') problems.push(`"${key}": expected true or false, got ${JSON.stringify(value)}`);
    return value === true;
  };
  const store = text('store');
  if (raw.store === undefined) problems.push('"store": expected the event store folder (holding events/), e.g. "${workspaceFolder}/event_store"');
  const aggregateId = text('aggregateId');
  const correlationId = text('correlationId');
  if (aggregateId !== undefined && correlationId !== undefined) problems.push('"aggregateId" and "correlationId": expected one of them, got both');
  const since = instant('since');
  const until = instant('until');
  const fromSequence = raw.fromSequence;
  if (fromSequence !== undefined && (typeof fromSequence !== 'number' || !Number.isInteger(fromSequence))) {
    problems.push(`"fromSequence": expected a whole number, got ${JSON.stringify(fromSequence)}`);
  }
  if (raw.fold !== undefined) for (const p of foldSettingProblems(raw.fold)) problems.push(`"${p.path}": expected ${p.expected}, got ${p.got}`);
  const gzipSources = raw.gzipSources ?? 'sourceReference';
  if (gzipSources !== 'sourceReference' && gzipSources !== 'eventbusUri') {
    problems.push(`"gzipSources": expected "sourceReference" or "eventbusUri", got ${JSON.stringify(gzipSources)}`);
  }
  for (const key of Object.keys(raw)) {
    // VS Code adds its own keys (type, request, name, __sessionId…); anything else is likely a typo.
    if (!KNOWN.has(key) && !['type', 'request', 'name', 'noDebug', 'preLaunchTask', 'postDebugTask', 'internalConsoleOptions'].includes(key) && !key.startsWith('__')) {
      problems.push(`"${key}": unknown setting (expected one of ${[...KNOWN].join(', ')})`);
    }
  }
  if (problems.length > 0) throw new LaunchArgumentsError(`eventbus ${request} configuration: ${problems.join('; ')}`);
  return {
    store: store as string,
    ...(aggregateId !== undefined ? { aggregateId } : {}),
    ...(correlationId !== undefined ? { correlationId } : {}),
    ...(since !== undefined ? { since } : {}),
    ...(until !== undefined ? { until } : {}),
    ...(typeof fromSequence === 'number' ? { fromSequence } : {}),
    stopOnEntry: flag('stopOnEntry', true),
    ...(raw.fold !== undefined ? { fold: raw.fold as FoldSetting } : {}),
    gzipSources: gzipSources as ReplayLaunchArguments['gzipSources'],
    follow: flag('follow', request === 'attach'),
    allowProjections: flag('allowProjections', false),
  };
}
