/** What TTL cleanup would remove, and why some old snapshots stay. Paths are store-relative. */
export interface CleanupPlan {
  readonly storeRoot: string;
  /** ISO instant the plan was made for. */
  readonly now: string;
  readonly ttlDays: number;
  /** Day files before this UTC day (`YYYY-MM-DD`) are removed; snapshots taken before its start may be. */
  readonly cutoffDay: string;
  readonly eventFiles: readonly PlannedFile[];
  readonly snapshots: readonly PlannedSnapshot[];
  /** Snapshots older than the cutoff that stay, with the reason. */
  readonly keptSnapshots: readonly KeptSnapshot[];
  /** Bytes the removal frees. */
  readonly bytes: number;
}

export interface PlannedFile {
  readonly file: string;
  readonly day: string;
  readonly bytes: number;
}

export interface PlannedSnapshot {
  readonly file: string;
  readonly aggregateId: string;
  readonly sequenceNumber: number;
  /** ISO; from the snapshot's `timestamp`, or the file time when it has none. */
  readonly timestamp: string;
  readonly bytes: number;
}

export interface KeptSnapshot {
  readonly file: string;
  readonly reason: string;
}

export interface CleanupResult {
  readonly removed: readonly string[];
  readonly failed: readonly { readonly file: string; readonly message: string }[];
  readonly bytes: number;
}
