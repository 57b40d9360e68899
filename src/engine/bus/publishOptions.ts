/** What a publisher may set on an event besides its type and data. */
export interface PublishOptions {
  readonly source?: string;
  readonly correlation_id?: string | null;
  readonly causation_id?: string | null;
  readonly aggregate_id?: string | null;
  readonly tags?: Readonly<Record<string, string>>;
  readonly schema_version?: string;
  /**
   * The JSON text `data` was parsed from, when the publisher has it: the
   * stored line keeps its numbers as written (`1.0`, every digit of a big
   * integer). Must parse to `data`.
   */
  readonly dataText?: string;
}
