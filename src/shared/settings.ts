/**
 * The `eventbus.*` settings the client hands the server: in
 * `initializationOptions` at start, and under `settings.eventbus` in
 * `workspace/didChangeConfiguration` (or pulled per folder through
 * `workspace/configuration`, section `eventbus`). Every field is optional;
 * the server fills in defaults and ignores values it cannot use.
 */
export type SeveritySetting = 'error' | 'warning' | 'information' | 'hint' | 'off';

export type SequenceModeSetting = 'auto' | 'global' | 'aggregate';

export interface EventbusSettings {
  /** The store folder, relative to the workspace folder (or absolute); default `event_store`, or the config file's `storage_path`. */
  readonly storePath?: string;
  /** Which files are event files (a glob over absolute paths); default DEFAULT_EVENT_FILE_GLOB. */
  readonly eventFileGlob?: string;
  /** Schemas folder, relative to the workspace folder (or absolute); default `<store>/schemas`. */
  readonly schemasPath?: string;
  readonly sequenceMode?: SequenceModeSetting;
  /** Severity per finding code, e.g. `{ "EB011": "off", "EB014": "error" }` (unknown event types are EB011). */
  readonly severity?: Readonly<Record<string, SeveritySetting>>;
  /** Most diagnostics the Problems panel gets per file; the rest are summed up in one more. Default DEFAULT_MAX_PROBLEMS_PER_FILE. */
  readonly maxProblemsPerFile?: number;
  /**
   * Run the store's projection modules (`<store>/projections/*.js`) when a
   * rebuild names one; default false. Projection code comes from the
   * workspace, so the client also requires a trusted workspace.
   */
  readonly projectionsEnabled?: boolean;
  /**
   * The guide's bus keys (`eventbus.bus.<key>`, snake_case as in
   * eventbus.config.json) that the user set explicitly; they override the
   * folder's eventbus.config.json. Keys left at their default are not sent.
   */
  readonly bus?: Readonly<Record<string, BusSettingValue>>;
}

export type BusSettingValue = boolean | number | string;

/** The prefix of the bus keys among the settings (`eventbus.bus.max_retry_count`). */
export const BUS_SETTINGS_PREFIX = 'bus.';
export const PROJECTIONS_ENABLED_SETTING = 'projections.enabled';

/** The section name under which the client keeps these settings. */
export const SETTINGS_SECTION = 'eventbus';

export const DEFAULT_EVENT_FILE_GLOB = '**/event_store/events/*.jsonl';
export const DEFAULT_STORE_PATH = 'event_store';

/** Enough to work through a file's problems; more only slows the Problems panel (a million events can each have one). */
export const DEFAULT_MAX_PROBLEMS_PER_FILE = 100;
