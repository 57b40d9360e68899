/**
 * The custom messages between the extension (client) and the language
 * server, declared once and imported by both sides (as vscode-eslint's
 * customMessages). Every result is plain JSON. Requests that concern one
 * store take `store` (its absolute root), always: the server refuses one
 * without it rather than pick a store. Timestamps travel both as the stored ISO text (or
 * null) and as epoch ms (null when unparseable).
 */
import { NotificationType, RequestType } from 'vscode-jsonrpc';

export interface StoreParams {
  /**
   * Absolute path of the store root (`.../event_store`). Required: in a
   * multi-root workspace "no store" has no right answer, so the server
   * refuses a request without one (-32602) rather than guess.
   */
  readonly store: string;
}

export interface PageParams {
  /** First item to return (default 0). */
  readonly offset?: number;
  /** Items to return (default 100, at most 10,000). */
  readonly limit?: number;
}

export interface Page<T> {
  readonly items: T[];
  /** Items matching, over all pages. */
  readonly total: number;
  readonly offset: number;
}

/** One event as the index knows it (no body read). */
export interface EventEntry {
  readonly ordinal: number;
  readonly sequence: number | null;
  readonly type: string;
  readonly timestamp: string | null;
  readonly timestampMs: number | null;
  readonly status: string;
  readonly retryCount: number;
  /** Store-relative (`events/events_2024-01-15.jsonl`). */
  readonly file: string;
  /** The document URI of the file (an `eventbus:` URI for .jsonl.gz days; see uris.ts). */
  readonly uri: string;
  /** 1-based. */
  readonly line: number;
  readonly eventId: string;
  readonly aggregateId: string | null;
  readonly correlationId: string | null;
  readonly causationId: string | null;
  readonly source: string;
  readonly schemaVersion: string;
}

// ---------------------------------------------------------------- aggregates

export interface AggregateSummary {
  readonly aggregateId: string;
  readonly count: number;
  readonly lastTimestamp: string | null;
  readonly lastTimestampMs: number | null;
}

export interface AggregatesParams extends StoreParams, PageParams {
  /** Only ids starting with this. */
  readonly prefix?: string;
}

/** Client → server: the aggregate tree view lists aggregates (sorted by id, paged). */
export namespace AggregatesRequest {
  export const method = 'eventbus/aggregates';
  export const type = new RequestType<AggregatesParams, Page<AggregateSummary>, void>(method);
}

export interface AggregateEventsParams extends StoreParams, PageParams {
  readonly aggregateId: string;
}

/** Client → server: expanding an aggregate shows its events in sequence order, a page at a time. */
export namespace AggregateEventsRequest {
  export const method = 'eventbus/aggregateEvents';
  export const type = new RequestType<AggregateEventsParams, Page<EventEntry>, void>(method);
}

// ---------------------------------------------------------------- one event

export interface EventByIdParams extends StoreParams {
  readonly eventId: string;
}

export interface EventDetail {
  readonly entry: EventEntry;
  /** The event exactly as stored (parsed line). */
  readonly event: unknown;
  /** The event as an indented JSON document with every number spelled as stored (`1.0`, all 20 digits), for the event tab. */
  readonly documentText?: string;
  /** Other events with the same id (a duplicate id is EB013). */
  readonly duplicates: readonly EventEntry[];
}

/** Client → server: the inspector shows one event (full JSON and where it is); null when no event has the id. */
export namespace EventByIdRequest {
  export const method = 'eventbus/eventById';
  export const type = new RequestType<EventByIdParams, EventDetail | null, void>(method);
}

// ---------------------------------------------------------------- correlations

export interface CorrelationSummary {
  readonly correlationId: string;
  readonly count: number;
  readonly firstTimestamp: string | null;
  readonly lastTimestamp: string | null;
}

export interface CorrelationsParams extends StoreParams, PageParams {
  readonly prefix?: string;
}

/** Client → server: the correlations view lists correlation ids (sorted, paged). */
export namespace CorrelationsRequest {
  export const method = 'eventbus/correlations';
  export const type = new RequestType<CorrelationsParams, Page<CorrelationSummary>, void>(method);
}

export interface CausationTreeNode {
  readonly entry: EventEntry;
  /** Time from the cause to this event; null for a root or an unknown time. */
  readonly sinceCauseMs: number | null;
  readonly depth: number;
  readonly brokenCause?: true;
  readonly cycle?: true;
  readonly duplicateId?: true;
  /**
   * Effects below this node left out of the answer (it nests a bounded number
   * of levels); ask again with `fromEventId` set to this node's event id.
   */
  readonly hiddenDescendants?: number;
  readonly children: CausationTreeNode[];
}

export interface CausationTree {
  readonly correlationId: string;
  readonly eventCount: number;
  readonly aggregates: readonly string[];
  readonly durationMs: number | null;
  readonly brokenLinks: number;
  readonly cycles: number;
  readonly duplicateIds: number;
  readonly roots: CausationTreeNode[];
}

export interface CausationTreeParams extends StoreParams {
  readonly correlationId: string;
  /** Only the subtree of this event (to continue below a node with `hiddenDescendants`). */
  readonly fromEventId?: string;
}

/** Client → server: the causation tree of one correlation (views and the timeline); null when unknown. */
export namespace CausationTreeRequest {
  export const method = 'eventbus/causationTree';
  export const type = new RequestType<CausationTreeParams, CausationTree | null, void>(method);
}

// ---------------------------------------------------------------- event types

export interface EventTypeSummary {
  readonly eventType: string;
  readonly count: number;
  /** Schema versions the store's schemas define (empty when none). */
  readonly schemaVersions: readonly string[];
}

/** Client → server: the event types view and filters list types with their counts (most frequent first). */
export namespace EventTypesRequest {
  export const method = 'eventbus/eventTypes';
  export const type = new RequestType<StoreParams, EventTypeSummary[], void>(method);
}

// ---------------------------------------------------------------- snapshots

export interface SnapshotSummary {
  readonly aggregateId: string;
  readonly sequenceNumber: number;
  /** Store-relative. */
  readonly file: string;
  readonly uri: string;
}

export interface SnapshotsParams extends StoreParams {
  readonly aggregateId?: string;
}

export interface SnapshotList {
  readonly snapshots: SnapshotSummary[];
  /** Files in snapshots/ that are not snapshots, with why. */
  readonly ignored: { readonly file: string; readonly reason: string }[];
}

/** Client → server: the snapshots view lists snapshot files by aggregate then sequence. */
export namespace SnapshotsRequest {
  export const method = 'eventbus/snapshots';
  export const type = new RequestType<SnapshotsParams, SnapshotList, void>(method);
}

export interface SnapshotCreateParams extends StoreParams {
  readonly aggregateId: string;
  /** Default: the aggregate's last event. */
  readonly atSequence?: number;
}

/** Client → server: the "Create snapshot" command writes a snapshot of the rebuilt state. */
export namespace SnapshotCreateRequest {
  export const method = 'eventbus/snapshotCreate';
  export const type = new RequestType<SnapshotCreateParams, SnapshotSummary, void>(method);
}

export interface SnapshotVerifyParams extends StoreParams {
  readonly aggregateId?: string;
}

export interface SnapshotVerification {
  readonly aggregateId: string;
  readonly sequenceNumber: number;
  readonly file: string;
  readonly ok: boolean;
  readonly eventsApplied: number;
  readonly rebuiltToSequence: number;
  /** One line per difference (snapshot → rebuilt). */
  readonly differences: string[];
  readonly error?: string;
  /** Set when the events the check needs were removed (TTL): neither confirmed nor drifted. */
  readonly unverifiable?: string;
}

/** Client → server: the "Verify snapshots" command rebuilds each snapshot from events and compares (drift). */
export namespace SnapshotVerifyRequest {
  export const method = 'eventbus/snapshotVerify';
  export const type = new RequestType<SnapshotVerifyParams, SnapshotVerification[], void>(method);
}

// ---------------------------------------------------------------- replay and rebuild

export interface ReplayParams extends StoreParams {
  readonly aggregateId: string;
  readonly fromSequence?: number;
  readonly toSequence?: number;
  /** At most this many events (default 1,000). */
  readonly limit?: number;
}

export interface ReplayResult {
  /** Upcast to the newest schema versions, in sequence order. */
  readonly events: unknown[];
  /** More events matched than `limit`. */
  readonly truncated: boolean;
}

/** Client → server: "Replay aggregate" steps through an aggregate's events as the bus would hand them out. */
export namespace ReplayRequest {
  export const method = 'eventbus/replay';
  export const type = new RequestType<ReplayParams, ReplayResult, void>(method);
}

export interface RebuildParams extends StoreParams {
  readonly aggregateId: string;
  /** Default: the last event. */
  readonly atSequence?: number;
  /**
   * Fold through this store projection (`<store>/projections/*.js`, by its
   * `name`) instead of the default reducer. Runs code from the store: the
   * server refuses unless `eventbus.projections.enabled` is on for the
   * folder and `trusted` is true.
   */
  readonly projection?: string;
  /** The client's workspace trust (needed with `projection`). */
  readonly trusted?: boolean;
  /** Wall-time limit of a projection run in ms (default 10,000; at most that). */
  readonly projectionTimeLimitMs?: number;
}

/** Why a projection was not run (shown as the request's error). */
export const PROJECTION_REFUSED_MESSAGE =
  'needs a trusted workspace and eventbus.projections.enabled: projection code comes from the workspace';

export interface ProjectionsResult {
  /** Store-relative module files (`projections/counter.js`), sorted; none of them was run. */
  readonly files: string[];
  /** The names to pass as RebuildParams.projection: the module file names without `.js`/`.cjs` (a module's own `name` may differ). */
  readonly names: string[];
  /** Whether the folder's `eventbus.projections.enabled` is on. */
  readonly enabled: boolean;
}

/** Client → server: the projection modules a store has, listed without running them. */
export namespace ProjectionsRequest {
  export const method = 'eventbus/projections';
  export const type = new RequestType<StoreParams, ProjectionsResult, void>(method);
}

export interface RebuildResultJson {
  readonly aggregateId: string;
  readonly state: unknown;
  readonly lastSequence: number;
  readonly eventsApplied: number;
  /** Store-relative file of the snapshot the rebuild started from. */
  readonly fromSnapshot: string | null;
  readonly skippedSnapshots: { readonly file: string; readonly reason: string }[];
  /** The state as indented JSON with numbers spelled as the store wrote them (`1.0`, all 20 digits); absent when JSON.stringify gives the same. */
  readonly stateText?: string;
  /** JSON pointer → a number's text as written, where it differs from how JavaScript prints the value. */
  readonly numberSpellings?: Record<string, string>;
  /** Top-level keys of the state that are the writer's bookkeeping (`_meta`, or the store's own, detected from its snapshots). */
  readonly bookkeepingKeys?: string[];
  /** EB026: paths of the state holding numbers beyond 2^53 (rounded in `state`; `stateText` spells them as written where it can). */
  readonly roundedNumbers?: string[];
}

/** Client → server: the state inspector shows an aggregate's state at a sequence. */
export namespace RebuildRequest {
  export const method = 'eventbus/rebuild';
  export const type = new RequestType<RebuildParams, RebuildResultJson, void>(method);
}

// ---------------------------------------------------------------- timeline

export type TimelineLane = 'aggregate' | 'source' | 'type';

export interface TimelineFilters {
  readonly aggregateIds?: readonly string[];
  /** Only aggregates whose id starts with this. */
  readonly aggregatePrefix?: string;
  readonly types?: readonly string[];
  readonly sources?: readonly string[];
  readonly correlationId?: string;
  /** A time window (epoch ms, inclusive) narrowing what is counted, independent of the binned range. */
  readonly from?: number;
  readonly to?: number;
  /** A content query (src/engine/query): only matching events are counted. */
  readonly where?: string;
}

export interface TimelineBinsParams extends StoreParams {
  /** Epoch ms, inclusive; default the store's first / last timestamp. */
  readonly from?: number;
  readonly to?: number;
  /** Number of equal time buckets (1..2,000; default 100). */
  readonly buckets?: number;
  readonly lane: TimelineLane;
  readonly filters?: TimelineFilters;
  /** Most lanes returned, by event count; the rest are summed into the lane `(other)`. Default 50. */
  readonly maxLanes?: number;
  /** Individual marks are listed when the range holds at most this many events (default 500). */
  readonly marksBelow?: number;
  /**
   * The order of the lanes, by a key of the whole store so zooming and
   * panning never reorder them: `count` (most events first), `name` (natural
   * order of the key), `first` (earliest first event). Absent: by events in
   * the range (the order before lanes were kept stable).
   */
  readonly laneOrder?: TimelineLaneOrder;
  /** Lanes always shown, before the others and in this order, even when they hold no event in the range. */
  readonly pinnedLanes?: readonly string[];
  /** A content query (src/engine/query): only lanes holding an event it matches get a row; the rest fold into `(other)`. */
  readonly laneWhere?: string;
  /** List up to this many of the lanes folded into `(other)`, with their counts in the range (default 0: none). */
  readonly listOther?: number;
}

export type TimelineLaneOrder = 'count' | 'name' | 'first';

export interface TimelineLaneBins {
  /** Aggregate id, source or event type; `(none)` for events without an aggregate, `(other)` for lanes past maxLanes. */
  readonly key: string;
  readonly counts: number[];
  readonly total: number;
}

export interface TimelineMark {
  readonly ordinal: number;
  readonly timestampMs: number;
  readonly lane: string;
  readonly type: string;
  readonly eventId: string;
  readonly aggregateId: string | null;
  readonly correlationId: string | null;
  readonly file: string;
  readonly line: number;
  /** The event's `metadata.status` and `retry_count`: failed and retried events stand out. */
  readonly status: string;
  readonly retryCount: number;
}

export interface TimelineBins {
  readonly from: number;
  readonly to: number;
  readonly bucketMs: number;
  readonly lanes: TimelineLaneBins[];
  /** Events in the range (after filters); equals the sum of every lane's total. */
  readonly total: number;
  /** Set when `total <= marksBelow`. */
  readonly marks?: TimelineMark[];
  /** The lanes folded into `(other)` (when `listOther` asked), most events in the range first, and how many there are in all. */
  readonly otherLanes?: { readonly key: string; readonly total: number }[];
  readonly otherLaneCount?: number;
}

/** Client → server: the timeline webview asks for event counts per lane per time bucket (index only, no bodies). */
export namespace TimelineBinsRequest {
  export const method = 'eventbus/timelineBins';
  export const type = new RequestType<TimelineBinsParams, TimelineBins, void>(method);
}

export interface TimelineNeighbourParams extends StoreParams {
  /** Step from this event (its place in the time order); absent or unknown: from `timestampMs`. */
  readonly eventId?: string;
  /** Epoch ms: the view's centre when no event is selected. */
  readonly timestampMs: number;
  readonly direction: 'next' | 'previous';
  /** The lane mode the returned mark's `lane` is for. */
  readonly lane: TimelineLane;
  /** Only events these filters keep (the timeline's filter). */
  readonly filters?: TimelineFilters;
}

/** Client → server: the timeline's "next/previous event": the nearest event after (before) an event or a time, or null at the end. */
export namespace TimelineNeighbourRequest {
  export const method = 'eventbus/timelineNeighbour';
  export const type = new RequestType<TimelineNeighbourParams, TimelineMark | null, void>(method);
}

// ---------------------------------------------------------------- status

export interface ProblemCounts {
  readonly error: number;
  readonly warning: number;
  readonly information: number;
  readonly hint: number;
}

export type StoreState = 'opening' | 'ready' | 'failed';

/** How far opening a store has come: its files are indexed (views wait), then validated (views work meanwhile). */
export interface StoreProgress {
  readonly phase: 'indexing' | 'validating';
  /** 0-100. */
  readonly percent: number;
}

export interface StoreStatus {
  readonly storeRoot: string;
  /** The workspace folder the store belongs to (absolute path), when any. */
  readonly folder: string | null;
  readonly state: StoreState;
  /** Why opening failed (file and what was expected). */
  readonly error?: string;
  readonly eventCount: number;
  readonly files: number;
  /** Findings published for the store (after severity settings), by severity. */
  readonly problems: ProblemCounts;
  readonly sequenceMode: 'global' | 'aggregate' | null;
  /** ISO time of the last index refresh, null before the store is open. */
  readonly lastRefresh: string | null;
  /** The bus the editor last published through (`getStatus()`), absent before the first publish. */
  readonly bus?: BusStatusJson;
  /** Multi-file work a killed writer left half done (a migration, a cleanup), one line each; absent when none. */
  readonly interruptedWork?: string[];
  /** While the store is being indexed or validated after opening; absent once it is ready. */
  readonly progress?: StoreProgress;
}

/** The Status view's part of the bus's `getStatus()`, as plain JSON. */
export interface BusStatusJson {
  /** `running`, `stopped`… as the bus reports it. */
  readonly status: string;
  readonly queue_size: number;
  readonly metrics: Readonly<Record<string, number>>;
  readonly subscribers_count: Readonly<Record<string, number>>;
  readonly persistence_enabled: boolean;
  readonly snapshots_enabled: boolean;
  /** ISO time of the status. */
  readonly timestamp: string;
}

export interface StatusResult {
  readonly stores: StoreStatus[];
}

export interface StatusParams {
  /** One store's status; absent: every open store (a question about all of them, not a default). */
  readonly store?: string;
}

/** Client → server: the status bar and "Show status" command ask for counts and state of every store. */
export namespace StatusRequest {
  export const method = 'eventbus/status';
  export const type = new RequestType<StatusParams, StatusResult, void>(method);
}

// ---------------------------------------------------------------- notifications

export interface StoreChangedParams {
  readonly storeRoot: string;
  readonly eventCount: number;
  readonly files: number;
  /** Events indexed since the previous notification (appends). */
  readonly appendedEvents: number;
  /** Store-relative files re-indexed whole (rewritten or shrunk) and removed. */
  readonly rebuiltFiles: readonly string[];
  readonly removedFiles: readonly string[];
  readonly problems: ProblemCounts;
  /**
   * 'opened' after the store's index and validation (also when a settings change reopened it);
   * 'indexed' as soon as the index took a watched change on disk (problem counts are those
   * before it: the re-validation is still running), so views and the timeline can show new
   * events at once; 'changed' after the change was validated, or after a severity setting change.
   */
  readonly reason: 'opened' | 'indexed' | 'changed';
  /** On a 'changed': its index part was already announced by an 'indexed' notification (only the problems are new). */
  readonly announced?: boolean;
  /** The newest event timestamp in the store (epoch ms); absent when no event has one. */
  readonly lastTimestampMs?: number;
}

/** Server → client: the store changed on disk (or finished opening); views refresh and the status bar updates. */
export namespace StoreChangedNotification {
  export const method = 'eventbus/storeChanged';
  export const type = new NotificationType<StoreChangedParams>(method);
}

export interface StoreProgressParams {
  readonly status: StoreStatus;
}

/**
 * Server → client: a store was found and is being opened, and how far that
 * has come (a few times a second at most). The views say "indexing 40%"
 * instead of offering to create a store, and fill once the index is there.
 */
export namespace StoreProgressNotification {
  export const method = 'eventbus/storeProgress';
  export const type = new NotificationType<StoreProgressParams>(method);
}

// ---------------------------------------------------------------- views: filtered, grouped and sorted lists

/** What a view's filter keeps; every field narrows (types and sources: any of the listed). */
export interface EventFilter {
  readonly types?: readonly string[];
  readonly sources?: readonly string[];
  /** Epoch ms, inclusive; events without a timestamp never pass a time bound. */
  readonly from?: number;
  readonly to?: number;
  /** A content query (src/engine/query), e.g. `data.quantity > 10`. */
  readonly where?: string;
}

export type EventGroupKey = 'aggregate' | 'correlation' | 'type' | 'source';

/** `key` ascending (default), `count` most events first, `lastActivity` newest last event first. */
export type EventGroupSort = 'key' | 'count' | 'lastActivity';

export interface EventGroupsParams extends StoreParams, PageParams {
  readonly groupBy: EventGroupKey;
  /** Only keys starting with this. */
  readonly prefix?: string;
  readonly filter?: EventFilter;
  readonly sort?: EventGroupSort;
}

export interface EventGroupSummary {
  readonly key: string;
  /** Events of the group that pass the filter (groups with none are left out). */
  readonly count: number;
  readonly firstTimestamp: string | null;
  readonly firstTimestampMs: number | null;
  readonly lastTimestamp: string | null;
  readonly lastTimestampMs: number | null;
}

/** Client → server: the views' top levels (aggregates, correlations, event types; sources for the filter picker), filtered, sorted and paged. */
export namespace EventGroupsRequest {
  export const method = 'eventbus/eventGroups';
  export const type = new RequestType<EventGroupsParams, Page<EventGroupSummary>, void>(method);
}

export interface EventsQueryParams extends StoreParams, PageParams {
  /** Exactly one of these names the events: an aggregate's (sequence order), a type's or a correlation's (store order). */
  readonly aggregateId?: string;
  readonly eventType?: string;
  readonly correlationId?: string;
  readonly filter?: EventFilter;
}

export interface EventPlaceParams extends StoreParams {
  readonly eventId: string;
  /** The Aggregates view's id prefix, filter and sort: where the event sits depends on them. */
  readonly prefix?: string;
  readonly filter?: EventFilter;
  readonly sort?: EventGroupSort;
}

/** Where an event sits in the Aggregates view (0-based positions; -1 where the view's filter hides it). */
export interface EventPlace {
  readonly aggregateId: string | null;
  /** Among the view's top level (the aggregates, in its sort). */
  readonly groupIndex: number;
  /** Among the aggregate's listed events (sequence order, filtered). */
  readonly eventIndex: number;
}

/** Client → server: where an event is in the Aggregates view, so it can be revealed however many pages in; null for an unknown id. */
export namespace EventPlaceRequest {
  export const method = 'eventbus/eventPlace';
  export const type = new RequestType<EventPlaceParams, EventPlace | null, void>(method);
}

/** Client → server: expanding a node of a filtered view (an aggregate, an event type) lists its events that pass the filter, a page at a time. */
export namespace EventsQueryRequest {
  export const method = 'eventbus/eventsQuery';
  export const type = new RequestType<EventsQueryParams, Page<EventEntry>, void>(method);
}

export interface CreateSampleStoreParams {
  /** Absolute path of a workspace folder; the store is written to `<folder>/event_store`. */
  readonly folder: string;
  /** Well-formed events to write (default 5,000). */
  readonly events?: number;
}

export interface CreateSampleStoreResult {
  readonly storeRoot: string;
  readonly events: number;
  readonly files: readonly string[];
}

/** Client → server: the views' welcome button "Create a sample store" generates a store with faults of every kind and opens it. */
export namespace CreateSampleStoreRequest {
  export const method = 'eventbus/createSampleStore';
  export const type = new RequestType<CreateSampleStoreParams, CreateSampleStoreResult, void>(method);
}
