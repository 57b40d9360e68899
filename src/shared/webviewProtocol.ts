/**
 * The typed messages between the extension host and its webviews (the
 * time-travel inspector here; the timeline reuses the envelope), in the
 * style of GitLens' webview protocol: each message is declared once with a
 * method name and an `is()` guard that checks the params, so neither side
 * trusts a message's shape just because it arrived.
 *
 * Three kinds travel:
 * - webview → host commands (fire and forget), e.g. `ready`;
 * - webview → host requests, each with an id the host answers with a reply;
 * - host → webview notifications.
 * The handshake: the host posts nothing until the page has sent `ready`
 * (a page that is still loading drops messages, and a hidden page with
 * `retainContextWhenHidden: false` is rebuilt and says `ready` again).
 */

// ---------------------------------------------------------------- primitive guards

export type Guard<T> = (value: unknown) => value is T;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isString(value: unknown): value is string {
  return typeof value === 'string';
}

export function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

export function isBoolean(value: unknown): value is boolean {
  return typeof value === 'boolean';
}

export function isUnknown(_value: unknown): _value is unknown {
  return true;
}

export function isNullOr<T>(guard: Guard<T>): Guard<T | null> {
  return (value: unknown): value is T | null => value === null || guard(value);
}

export function isArrayOf<T>(guard: Guard<T>): Guard<T[]> {
  return (value: unknown): value is T[] => Array.isArray(value) && value.every((item) => guard(item));
}

type Shape<T> = { readonly [K in keyof T]-?: Guard<T[K]> };

/**
 * A guard for an object with these fields (extra fields are allowed). A field
 * whose guard accepts `undefined` may be absent; list optional fields with
 * `optional()`.
 */
export function isShape<T>(shape: Shape<T>): Guard<T> {
  return (value: unknown): value is T => {
    if (!isRecord(value)) return false;
    for (const key of Object.keys(shape) as (keyof T & string)[]) {
      if (!shape[key](value[key])) return false;
    }
    return true;
  };
}

export function optional<T>(guard: Guard<T>): Guard<T | undefined> {
  return (value: unknown): value is T | undefined => value === undefined || guard(value);
}

// ---------------------------------------------------------------- envelopes

export interface CommandMessage<P = unknown> {
  readonly kind: 'command';
  readonly method: string;
  readonly params: P;
}

export interface RequestMessage<P = unknown> {
  readonly kind: 'request';
  readonly id: number;
  readonly method: string;
  readonly params: P;
}

export type ReplyMessage<R = unknown> =
  | { readonly kind: 'reply'; readonly id: number; readonly ok: true; readonly result: R }
  | { readonly kind: 'reply'; readonly id: number; readonly ok: false; readonly error: string };

export interface NotificationMessage<P = unknown> {
  readonly kind: 'notification';
  readonly method: string;
  readonly params: P;
}

/** Anything the page sends to the host. */
export type WebviewToHostMessage = CommandMessage | RequestMessage;
/** Anything the host sends to the page. */
export type HostToWebviewMessage = ReplyMessage | NotificationMessage;

export function isReplyMessage(value: unknown): value is ReplyMessage {
  if (!isRecord(value) || value.kind !== 'reply' || !isWholeNumber(value.id)) return false;
  return value.ok === true ? 'result' in value : value.ok === false && isString(value.error);
}

export function isRequestMessage(value: unknown): value is RequestMessage {
  return isRecord(value) && value.kind === 'request' && isWholeNumber(value.id) && isString(value.method);
}

/** A message from the page to the host: the page sends commands (`ready`) and requests. */
export class WebviewCommandType<P> {
  constructor(
    readonly method: string,
    readonly isParams: Guard<P>,
  ) {}

  is(message: unknown): message is CommandMessage<P> {
    return isRecord(message) && message.kind === 'command' && message.method === this.method && this.isParams(message.params);
  }

  create(params: P): CommandMessage<P> {
    return { kind: 'command', method: this.method, params };
  }
}

/** A request from the page; the host answers with a reply carrying the same id. */
export class WebviewRequestType<P, R> {
  constructor(
    readonly method: string,
    readonly isParams: Guard<P>,
    readonly isResult: Guard<R>,
  ) {}

  is(message: unknown): message is RequestMessage<P> {
    return isRequestMessage(message) && message.method === this.method && this.isParams(message.params);
  }

  create(id: number, params: P): RequestMessage<P> {
    return { kind: 'request', id, method: this.method, params };
  }
}

/** A message from the host to the page. */
export class WebviewNotificationType<P> {
  constructor(
    readonly method: string,
    readonly isParams: Guard<P>,
  ) {}

  is(message: unknown): message is NotificationMessage<P> {
    return isRecord(message) && message.kind === 'notification' && message.method === this.method && this.isParams(message.params);
  }

  create(params: P): NotificationMessage<P> {
    return { kind: 'notification', method: this.method, params };
  }
}

export function replyOk<R>(id: number, result: R): ReplyMessage<R> {
  return { kind: 'reply', id, ok: true, result };
}

export function replyError(id: number, error: string): ReplyMessage<never> {
  return { kind: 'reply', id, ok: false, error };
}

// ---------------------------------------------------------------- every webview

/** Page → host: the page's script runs and listens; only now may the host post. */
export const ReadyCommand = new WebviewCommandType<Record<string, never>>('webview/ready', isRecord as Guard<Record<string, never>>);

// ---------------------------------------------------------------- the time-travel inspector

/** The view type of the inspector panel (also the serializer's key). */
export const INSPECTOR_VIEW_TYPE = 'eventbus.inspector';

/** One event of the aggregate as a step of the inspector (index data only, no payload). */
export interface InspectorStep {
  readonly ordinal: number;
  /** Null when the event has none: its state cannot be rebuilt by sequence. */
  readonly sequence: number | null;
  readonly type: string;
  readonly timestamp: string | null;
  readonly eventId: string;
  readonly status: string;
  readonly source: string;
  readonly retryCount: number;
  readonly correlationId: string | null;
}

export const isInspectorStep: Guard<InspectorStep> = isShape<InspectorStep>({
  ordinal: isWholeNumber,
  sequence: isNullOr(isWholeNumber),
  type: isString,
  timestamp: isNullOr(isString),
  eventId: isString,
  status: isString,
  source: isString,
  retryCount: isWholeNumber,
  correlationId: isNullOr(isString),
});

/** What an inspector panel shows: one aggregate of one store (the same id in two stores is two subjects). */
export interface InspectorSubject {
  readonly aggregateId: string;
  /** Absolute store root. */
  readonly store: string;
}

const isSubjectShape = isShape<InspectorSubject>({ aggregateId: isString, store: isString });

export interface SubjectParams extends InspectorSubject {
  /** Select this sequence once the steps are there (the command's `atSequence`). */
  readonly focusSequence?: number;
}

/** Host → page, right after `ready`: which aggregate the panel shows (and maybe which step to select). */
export const SubjectNotification = new WebviewNotificationType<SubjectParams>(
  'inspector/subject',
  isShape<SubjectParams>({ aggregateId: isString, store: isString, focusSequence: optional(isWholeNumber) }),
);

export interface StepsPage {
  readonly offset: number;
  readonly steps: InspectorStep[];
  /** The aggregate's event count over all pages. */
  readonly total: number;
}

const isStepsPage = isShape<StepsPage>({ offset: isWholeNumber, steps: isArrayOf(isInspectorStep), total: isWholeNumber });

/** Host → page: the aggregate grew on disk; the steps from `offset` on (live appends). */
export const StepsAppendedNotification = new WebviewNotificationType<StepsPage>('inspector/stepsAppended', isStepsPage);

/** Host → page: the store's files were rewritten or removed; steps and states the page holds may be stale. */
export const StoreRewrittenNotification = new WebviewNotificationType<Record<string, never>>(
  'inspector/storeRewritten',
  isRecord as Guard<Record<string, never>>,
);

export interface StepsParams {
  readonly offset: number;
  /** 1..10,000 (the server's page limit). */
  readonly limit: number;
}

export const MAX_STEPS_PAGE = 10_000;

/** Page → host: a page of the aggregate's events in sequence order. */
export interface DebugFromHereParams {
  /** The selected step's sequence number: the debug session starts there, in the inspector's aggregate and store. */
  readonly sequenceNumber: number;
}

/** The inspector's "Debug from Here": a replay debug session of the aggregate from the selected step. */
export const DebugFromHereCommand = new WebviewCommandType<DebugFromHereParams>('inspector/debugFromHere', isShape<DebugFromHereParams>({ sequenceNumber: isWholeNumber }));

export const StepsRequest = new WebviewRequestType<StepsParams, StepsPage>(
  'inspector/steps',
  (value: unknown): value is StepsParams =>
    isShape<StepsParams>({ offset: isWholeNumber, limit: isWholeNumber })(value) &&
    value.offset >= 0 &&
    value.limit >= 1 &&
    value.limit <= MAX_STEPS_PAGE,
  isStepsPage,
);

export interface StateParams {
  readonly atSequence: number;
}

export interface StateAtSequence {
  readonly atSequence: number;
  readonly state: unknown;
  readonly lastSequence: number;
  readonly eventsApplied: number;
  /** The snapshot the rebuild started from (store-relative), if any. */
  readonly fromSnapshot: string | null;
  /** The state as indented JSON with numbers spelled as the store wrote them (`1.0`, all 20 digits); absent when JSON.stringify gives the same. */
  readonly stateText?: string;
  /** JSON pointer → the number's text as written, where it differs from how JavaScript prints the value. */
  readonly numberSpellings?: Record<string, string>;
  /** EB026: pointers of numbers beyond 2^53, rounded in `state`. */
  readonly roundedNumbers?: string[];
  /** Top-level keys that are the writer's bookkeeping (`_meta`, or the store's own such as `last_event_type`): folded away by default. */
  readonly bookkeepingKeys?: string[];
}

const isStateAtSequence = isShape<StateAtSequence>({
  atSequence: isWholeNumber,
  state: isUnknown,
  lastSequence: isWholeNumber,
  eventsApplied: isWholeNumber,
  fromSnapshot: isNullOr(isString),
  stateText: optional(isString),
  numberSpellings: optional(isRecord as Guard<Record<string, string>>),
  roundedNumbers: optional(isArrayOf(isString)),
  bookkeepingKeys: optional(isArrayOf(isString)),
});

/** Page → host: the aggregate's state rebuilt up to and including a sequence. */
export const StateRequest = new WebviewRequestType<StateParams, StateAtSequence>(
  'inspector/state',
  isShape<StateParams>({ atSequence: isWholeNumber }),
  isStateAtSequence,
);

export interface InspectorSnapshot {
  readonly sequenceNumber: number;
  /** Store-relative. */
  readonly file: string;
}

export interface SnapshotsResult {
  readonly snapshots: InspectorSnapshot[];
}

const isInspectorSnapshot = isShape<InspectorSnapshot>({ sequenceNumber: isWholeNumber, file: isString });

/** Page → host: the aggregate's snapshots, by sequence. */
export const SnapshotsListRequest = new WebviewRequestType<Record<string, never>, SnapshotsResult>(
  'inspector/snapshots',
  isRecord as Guard<Record<string, never>>,
  isShape<SnapshotsResult>({ snapshots: isArrayOf(isInspectorSnapshot) }),
);

export interface SnapshotDriftParams {
  readonly sequenceNumber: number;
  readonly file: string;
}

export interface SnapshotDrift {
  readonly sequenceNumber: number;
  readonly file: string;
  /** The snapshot equals the state rebuilt from the events alone. */
  readonly ok: boolean;
  /** One line per difference, snapshot → rebuilt from events (the engine's wording). */
  readonly differences: string[];
  readonly error: string | null;
  /** The snapshot's own state (the rebuild that starts from it and applies nothing); null when it could not be read. */
  readonly snapshotState: unknown;
  readonly snapshotStateKnown: boolean;
}

const isSnapshotDrift = isShape<SnapshotDrift>({
  sequenceNumber: isWholeNumber,
  file: isString,
  ok: isBoolean,
  differences: isArrayOf(isString),
  error: isNullOr(isString),
  snapshotState: isUnknown,
  snapshotStateKnown: isBoolean,
});

/** Page → host: verify one snapshot against the events (drift) and fetch its state for comparison with a step. */
export const SnapshotDriftRequest = new WebviewRequestType<SnapshotDriftParams, SnapshotDrift>(
  'inspector/snapshotDrift',
  isShape<SnapshotDriftParams>({ sequenceNumber: isWholeNumber, file: isString }),
  isSnapshotDrift,
);

// ---------------------------------------------------------------- saved state (getState/setState, serializer)

export type InspectorMode = 'step' | 'compare' | 'snapshot';

/**
 * What the page keeps with `setState` (across hide/show) and what VS Code
 * hands the serializer after a reload. Small on purpose: positions and
 * choices, never states or payloads (those are fetched again).
 */
export interface InspectorSavedState {
  readonly version: 1;
  readonly subject: InspectorSubject;
  readonly mode: InspectorMode;
  readonly selectedSequence: number | null;
  readonly compareA: number | null;
  readonly compareB: number | null;
  readonly snapshotSequence: number | null;
  /** Steps the page had loaded (so a restore pages back to the same place). */
  readonly loadedCount: number;
}

const isMode = (value: unknown): value is InspectorMode => value === 'step' || value === 'compare' || value === 'snapshot';

export const isInspectorSavedState: Guard<InspectorSavedState> = isShape<InspectorSavedState>({
  version: (value: unknown): value is 1 => value === 1,
  subject: isSubjectShape,
  mode: isMode,
  selectedSequence: isNullOr(isWholeNumber),
  compareA: isNullOr(isWholeNumber),
  compareB: isNullOr(isWholeNumber),
  snapshotSequence: isNullOr(isWholeNumber),
  loadedCount: isWholeNumber,
});

/** The subject of a saved state, or undefined when the state is not one the inspector wrote. */
export function subjectOfSavedState(state: unknown): InspectorSubject | undefined {
  return isInspectorSavedState(state) ? state.subject : undefined;
}
