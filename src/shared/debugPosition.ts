/**
 * The custom DAP event the `eventbus` debug adapter sends after every stop:
 * which event the replay stands on. The extension hands it to the timeline
 * (a marker) and the inspector (that step), so they follow the session.
 */
import { type Guard, isNullOr, isShape, isString, isWholeNumber } from './webviewProtocol';

/** The DAP event's name (`event` of a DebugProtocol.Event). */
export const DEBUG_POSITION_EVENT = 'eventbus/position';

export interface DebugPosition {
  /** The store root (absolute) the session replays. */
  readonly store: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly aggregateId: string | null;
  readonly sequence: number | null;
  /** Epoch ms; null when the event has no usable timestamp. */
  readonly timestampMs: number | null;
  readonly correlationId: string | null;
}

const isFiniteOrNull = (value: unknown): value is number | null => value === null || (typeof value === 'number' && Number.isFinite(value));

export const isDebugPosition: Guard<DebugPosition> = isShape<DebugPosition>({
  store: isString,
  eventId: isString,
  eventType: isString,
  aggregateId: isNullOr(isString),
  sequence: isNullOr(isWholeNumber),
  timestampMs: isFiniteOrNull,
  correlationId: isNullOr(isString),
});

/**
 * The custom DAP event asking the client to start a child debug session on
 * one apply() of the store's projection (body: the projection's name and a
 * Node launch `configuration`); the extension starts it with this session
 * as its parent.
 */
export const DEBUG_FOLD_STEP_EVENT = 'eventbus/stepIntoFold';
