import { EventType as T } from '../model/eventTypes';
import type { LineParts } from './eventLine';
import type { GeneratedFaultKind } from './generatorTypes';
import type { JsonStyle } from './jsonStyle';

/**
 * The faults `--with-errors` injects: what real stores contain after bugs,
 * crashes and schema drift. Event faults replace one ordinary event with a
 * readable but wrong one; line faults add a line no reader can take as an
 * event (each a fresh event that consumed a sequence number, as a crash or a
 * NaN in Python's json.dumps would leave it).
 */
export interface PlannedFault {
  /** Index of the event the fault replaces (event faults) or follows (line faults). */
  readonly position: number;
  readonly kind: GeneratedFaultKind;
}

/** Spread across the store, so every file kind of reader meets them. Two of each schema violation. */
const ORDER: readonly GeneratedFaultKind[] = [
  'schema-missing-field',
  'invalid-json',
  'schema-bad-enum',
  'duplicate-event-id',
  'schema-wrong-type',
  'nan-value',
  'bad-timestamp',
  'unknown-schema-version',
  'unknown-causation',
  'schema-missing-field',
  'schema-bad-enum',
  'schema-wrong-type',
];

/** Faults at distinct positions spread evenly; fewer when the store is too small to hold them all. */
export function planFaults(events: number): PlannedFault[] {
  const plan: PlannedFault[] = [];
  let last = -1;
  ORDER.forEach((kind, k) => {
    const position = Math.max(last + 1, Math.floor((events * (k + 1)) / (ORDER.length + 1)));
    // duplicate-event-id needs an event before it to copy the id from.
    if (position >= events || (kind === 'duplicate-event-id' && position === 0)) return;
    plan.push({ position, kind });
    last = position;
  });
  return plan;
}

/** The event type an event fault is written as (its data must have the field the fault breaks). */
export function faultEventType(kind: GeneratedFaultKind): string {
  switch (kind) {
    case 'schema-missing-field':
    case 'schema-bad-enum':
      return T.TRADE_EXECUTED;
    case 'unknown-schema-version':
      return T.RISK_ALERT;
    case 'bad-timestamp':
    case 'unknown-causation':
      return T.SYSTEM_HEALTH_CHECK;
    default:
      return T.MARKET_DATA_RECEIVED;
  }
}

export interface FaultInputs {
  readonly style: JsonStyle;
  /** The id of the event written just before (duplicate-event-id reuses it). */
  readonly previousEventId: string;
  /** A fresh UUID no event has (unknown-causation points at it). */
  readonly strayId: string;
}

/** Breaks one event as the fault says; returns what is wrong, in words. */
export function applyEventFault(kind: GeneratedFaultKind, parts: LineParts, inputs: FaultInputs): string {
  const k = inputs.style.colon;
  switch (kind) {
    case 'schema-missing-field':
      parts.data = parts.data.replace(/"price": ?[^,]+, ?/, '');
      return 'trade_executed without the required "price"';
    case 'schema-bad-enum':
      parts.data = parts.data.replace(/"side": ?"(buy|sell)"/, `"side"${k}"hold"`);
      return 'trade_executed with side "hold" (expected buy or sell)';
    case 'schema-wrong-type':
      parts.data = parts.data.replace(/"price": ?([-0-9.e+]+)/, `"price"${k}"$1"`);
      return 'market_data_received with price as a string';
    case 'unknown-schema-version':
      parts.schemaVersion = '2.0';
      return 'risk_alert with schema_version 2.0, for which no schema exists';
    case 'duplicate-event-id':
      parts.eventId = inputs.previousEventId;
      return `event_id ${inputs.previousEventId} used by the event before too`;
    case 'bad-timestamp':
      parts.timestamp = parts.timestamp.replace(/T\d\d:/, 'T25:');
      return `timestamp "${parts.timestamp}" has hour 25`;
    case 'unknown-causation':
      parts.correlation = `"${inputs.strayId}"`;
      parts.causation = `"${inputs.strayId}"`;
      return `causation_id ${inputs.strayId} names no event in the store`;
    default:
      throw new Error(`${kind} is not an event fault`);
  }
}

/** Turns a complete line into the broken line the fault leaves. */
export function applyLineFault(kind: GeneratedFaultKind, line: string, style: JsonStyle): { line: string; detail: string } {
  switch (kind) {
    case 'invalid-json':
    case 'torn-last-line':
      return {
        line: line.slice(0, Math.floor(line.length / 2)),
        detail: kind === 'invalid-json' ? 'half a line, as a crash mid-write leaves it, followed by later events' : 'the last line stops mid-event, with no line end',
      };
    case 'nan-value':
      return {
        line: line.replace(/"price": ?[-0-9.e+]+/, `"price"${style.colon}NaN`),
        detail: 'price is NaN (Python json.dumps writes it; it is not JSON)',
      };
    default:
      throw new Error(`${kind} is not a line fault`);
  }
}
