/** The aggregate id of the bus-wide snapshot (`snapshot_system_100.json`). */
export const SYSTEM_AGGREGATE = 'system';

/** A snapshot file's content: the state of one aggregate after `sequence_number`. */
export interface Snapshot {
  readonly aggregate_id: string;
  readonly sequence_number: number;
  readonly timestamp: string;
  readonly state: unknown;
  /** Events folded into `state`, when the writer recorded it. */
  readonly event_count?: number;
  readonly last_event_id?: string | null;
}

export interface SnapshotRef {
  readonly aggregate_id: string;
  readonly sequence_number: number;
  /** Relative to the store root, with `/` separators (`snapshots/snapshot_trader_1_150.json`). */
  readonly file: string;
}
