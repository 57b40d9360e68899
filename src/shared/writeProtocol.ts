/**
 * The custom requests that change the store or scan it on demand (the
 * palette commands), declared once and imported by client and server, in
 * the style of protocol.ts. Every result is plain JSON.
 *
 * Trust: requests that write (publish, cleanup and migrate execution) carry
 * `trusted`, the client's `vscode.workspace.isTrusted`; the server refuses
 * them unless it is `true`. This is a second line only: the real gate is the
 * client's (the commands are hidden and refuse to run in an untrusted
 * workspace), since the server cannot know the editor's trust by itself.
 */
import { RequestType } from 'vscode-jsonrpc';
import type { EventEntry, ProblemCounts, RebuildResultJson, StoreParams } from './protocol';

export interface TrustParams {
  /** The client's `vscode.workspace.isTrusted`; writes are refused unless true. */
  readonly trusted: boolean;
}

/** The message of a write refused for an untrusted workspace (the client shows the same reason). */
export const UNTRUSTED_WRITE_MESSAGE = 'needs a trusted workspace: it writes to the event store';

// ---------------------------------------------------------------- publish

export interface PublishParams extends StoreParams, TrustParams {
  readonly eventType: string;
  /** The event's data, already parsed from JSON (never evaluated). */
  readonly data: unknown;
  readonly aggregateId?: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  /** Default `vscode`. */
  readonly source?: string;
  /** Default: the newest version the store's schemas have for the type, else 1.0. */
  readonly schemaVersion?: string;
  /** Publish a type the store does not know (not built in, no schema folder, not in the config's event_types). */
  readonly allowNewType?: boolean;
}

export interface PublishResult {
  /** The stored event, as written. */
  readonly event: unknown;
  /** Where the index found it after the append (null when it could not be located). */
  readonly entry: EventEntry | null;
}

/**
 * Client → server: "Publish Event…" publishes one event through the bus
 * (metadata, schema validation, durable append). A rejected event is an
 * error response listing the validation problems.
 */
export namespace PublishRequest {
  export const method = 'eventbus/publish';
  export const type = new RequestType<PublishParams, PublishResult, void>(method);
}

// ---------------------------------------------------------------- publish form (checks that never write)

export interface PublishCheckParams extends StoreParams {
  readonly eventType: string;
  /** The data parsed from what the user typed so far. */
  readonly data: unknown;
  readonly schemaVersion?: string;
  readonly allowNewType?: boolean;
}

export interface PublishCheckResult {
  /** The schema version the event would be published with. */
  readonly schemaVersion: string;
  /** What publishing would refuse, in the bus's own words (type gate, envelope, schema); empty when it would be accepted. */
  readonly problems: readonly string[];
  /** The store does not know the type (the one problem then). */
  readonly unknownType?: true;
}

/** Client → server: the publish form checks the draft as the user types; nothing is written and no system_error is recorded. */
export namespace PublishCheckRequest {
  export const method = 'eventbus/publishCheck';
  export const type = new RequestType<PublishCheckParams, PublishCheckResult, void>(method);
}

export interface PublishTemplateParams extends StoreParams {
  readonly eventType: string;
}

export interface PublishTemplateResult {
  /** Every type publish accepts without allowNewType (built in, schema folder, config), sorted. */
  readonly knownTypes: readonly string[];
  /** The newest schema version of the type, when the store has a schema for it. */
  readonly schemaVersion: string | null;
  /** Store-relative schema file, when there is one. */
  readonly schemaFile: string | null;
  /** Data filled from the schema (defaults, required fields); {} without a schema. */
  readonly template: unknown;
  readonly required: readonly string[];
}

/** Client → server: the publish form's type list and the data template of a type (from its schema). */
export namespace PublishTemplateRequest {
  export const method = 'eventbus/publishTemplate';
  export const type = new RequestType<PublishTemplateParams, PublishTemplateResult, void>(method);
}

// ---------------------------------------------------------------- validate

export interface FileProblems extends ProblemCounts {
  /** Store-relative. */
  readonly file: string;
  readonly uri: string;
}

export interface ValidationSummary {
  readonly storeRoot: string;
  readonly eventCount: number;
  /** Findings on disk after the severity settings, by severity. */
  readonly problems: ProblemCounts;
  /** Files with at least one finding, most errors first. */
  readonly files: FileProblems[];
  /** ISO time of the store pass the counts come from. */
  readonly checkedAt: string | null;
}

/** Client → server: "Validate Store" asks for the counts the diagnostics hold (the last store pass, as `eventbus validate`). */
export namespace ValidateStoreRequest {
  export const method = 'eventbus/validate';
  export const type = new RequestType<StoreParams, ValidationSummary, void>(method);
}

// ---------------------------------------------------------------- TTL cleanup

/** Same shape as the engine's CleanupPlan (src/engine/ttl/cleanupPlan.ts). */
export interface CleanupPlanJson {
  readonly storeRoot: string;
  readonly now: string;
  readonly ttlDays: number;
  readonly cutoffDay: string;
  readonly eventFiles: readonly { readonly file: string; readonly day: string; readonly bytes: number }[];
  readonly snapshots: readonly {
    readonly file: string;
    readonly aggregateId: string;
    readonly sequenceNumber: number;
    readonly timestamp: string;
    readonly bytes: number;
  }[];
  readonly keptSnapshots: readonly { readonly file: string; readonly reason: string }[];
  readonly bytes: number;
}

/** How much of the store a destructive plan touches, so the dialog can say "all 30,000 events of 7 days". */
export interface StoreShare {
  /** Events in the files the plan deletes or rewrites, and in the whole store. */
  readonly events: number;
  readonly totalEvents: number;
  /** Day files the plan touches, and day files in the store. */
  readonly days: number;
  readonly totalDays: number;
  /** The plan touches the store's newest day (where the bus is writing now). */
  readonly includesNewestDay: boolean;
  /** The store's folder name: what the user types to confirm a plan that takes all of it or its newest day. */
  readonly folderName: string;
}

export interface PlannedCleanup {
  /** Names the plan for execute (kept by the server for a few minutes). */
  readonly planId: string;
  readonly plan: CleanupPlanJson;
  readonly share?: StoreShare;
}

export interface CleanupExecuteParams extends StoreParams, TrustParams {
  /** The plan the user confirmed: its id, or the plan itself echoed back. */
  readonly planId?: string;
  readonly plan?: CleanupPlanJson;
}

export interface CleanupResultJson {
  readonly removed: readonly string[];
  readonly failed: readonly { readonly file: string; readonly message: string }[];
  readonly bytes: number;
}

/** Client → server: "Clean Up Expired Events…" asks what TTL cleanup would remove (event_ttl_days of eventbus.config.json). Removes nothing. */
export namespace CleanupPlanRequest {
  export const method = 'eventbus/cleanupPlan';
  export const type = new RequestType<StoreParams, PlannedCleanup, void>(method);
}

/** Client → server: removes what the confirmed plan lists; refused when the store no longer matches the plan. */
export namespace CleanupExecuteRequest {
  export const method = 'eventbus/cleanupExecute';
  export const type = new RequestType<CleanupExecuteParams, CleanupResultJson, void>(method);
}

// ---------------------------------------------------------------- schema migration

/** Same shape as the engine's MigrationPlan (src/engine/migrate/migrateStore.ts). */
export interface MigrationPlanJson {
  readonly storeRoot: string;
  readonly files: readonly {
    readonly file: string;
    readonly compressed: boolean;
    readonly events: number;
    /** "trade_executed 1.0 -> 1.1" -> events. */
    readonly steps: Readonly<Record<string, number>>;
  }[];
  readonly events: number;
  /** "type@version" -> events with no migration path (left as they are). */
  readonly stranded: Readonly<Record<string, number>>;
}

export interface PlannedMigration {
  readonly planId: string;
  readonly plan: MigrationPlanJson;
  readonly share?: StoreShare;
}

export interface MigrateExecuteParams extends StoreParams, TrustParams {
  readonly planId?: string;
  readonly plan?: MigrationPlanJson;
}

export interface MigrationResultJson {
  readonly files: readonly string[];
  readonly events: number;
  /** Store-relative folder holding the originals. */
  readonly backupDir: string;
}

/** Client → server: "Migrate Events to Newest Schema…" asks which files and events a migration would rewrite. Writes nothing. */
export namespace MigratePlanRequest {
  export const method = 'eventbus/migratePlan';
  export const type = new RequestType<StoreParams, PlannedMigration, void>(method);
}

/** Client → server: rewrites what the confirmed plan lists (originals kept in backups/); refused when the store no longer matches the plan. */
export namespace MigrateExecuteRequest {
  export const method = 'eventbus/migrateExecute';
  export const type = new RequestType<MigrateExecuteParams, MigrationResultJson, void>(method);
}

// ---------------------------------------------------------------- replay a correlation

export interface ReplayCorrelationParams extends StoreParams {
  readonly correlationId: string;
  /** At most this many events (default 1,000). */
  readonly limit?: number;
}

export interface ReplayCorrelationResult {
  /** Upcast to the newest schema versions, in store order. */
  readonly events: unknown[];
  readonly truncated: boolean;
}

/** Client → server: "Replay Correlation…" lists a correlation's events across aggregates, as replay hands them out. */
export namespace ReplayCorrelationRequest {
  export const method = 'eventbus/replayCorrelation';
  export const type = new RequestType<ReplayCorrelationParams, ReplayCorrelationResult, void>(method);
}

// ---------------------------------------------------------------- restore from a chosen snapshot

export interface RestoreFromSnapshotParams extends StoreParams {
  readonly aggregateId: string;
  /** Store-relative snapshot file (as SnapshotSummary.file). */
  readonly snapshotFile: string;
  /** Fold events up to and including this sequence (default: the aggregate's last). */
  readonly toSequence?: number;
}

/** Client → server: "Show State from Snapshot…" rebuilds the state from that snapshot plus the events after it (never from another snapshot). */
export namespace RestoreFromSnapshotRequest {
  export const method = 'eventbus/restoreFromSnapshot';
  export const type = new RequestType<RestoreFromSnapshotParams, RebuildResultJson, void>(method);
}

// ---------------------------------------------------------------- refresh

export interface RefreshResult {
  readonly storeRoot: string;
  readonly eventCount: number;
  readonly files: number;
  readonly appendedEvents: number;
  readonly problems: ProblemCounts;
}

/** Client → server: "Refresh" re-reads the store now (index and diagnostics) instead of waiting for the watcher; views follow the storeChanged notification. */
export namespace RefreshRequest {
  export const method = 'eventbus/refresh';
  export const type = new RequestType<StoreParams, RefreshResult, void>(method);
}
