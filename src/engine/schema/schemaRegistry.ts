import type { ValidateFunction } from 'ajv';
import { type Event, freezeEvent } from '../model/event';
import { applyMigration } from './applyMigration';
import { compileUserSchema, dialectOf } from './ajvFactory';
import type { FileProblem, Migration } from './migrationSpec';
import { SchemaFileError } from './migrationSpec';
import { compareVersions, sortVersions } from './versionOrder';

/** A programmatic upcaster: receives a mutable copy of the older data, returns the newer data. */
export type Upcaster = (data: unknown, event: Event) => unknown;

/** One ajv error, with the JSON Pointer into `data` of the offending value. */
export interface SchemaViolation {
  /** JSON Pointer relative to the event's `data` ('' = data itself). */
  readonly instancePath: string;
  readonly keyword: string;
  readonly message: string;
  readonly params: Readonly<Record<string, unknown>>;
}

export interface SchemaInfo {
  readonly eventType: string;
  readonly version: string;
  readonly title?: string;
  readonly description?: string;
  readonly file?: string;
}

/** One hop of an upcast chain. */
export interface UpcastStep {
  readonly from: string;
  readonly to: string;
  readonly kind: 'migration' | 'upcaster';
  readonly file?: string;
}

/** Plain data that rebuilds an equivalent registry in a worker thread (upcaster functions stay behind; their edges travel). */
export interface RegistrySnapshot {
  readonly folders: readonly string[];
  readonly schemas: readonly { eventType: string; version: string; schema: unknown; file?: string }[];
  readonly migrations: readonly Migration[];
  readonly upcasterEdges: readonly { eventType: string; from: string; to: string }[];
  readonly broken?: readonly BrokenSchema[];
}

/** A schema file that exists but cannot be used: its type and version fail closed. */
export interface BrokenSchema {
  readonly eventType: string;
  readonly version: string;
  readonly file: string;
  readonly reason: string;
}

interface SchemaEntry {
  readonly version: string;
  readonly schema: unknown;
  readonly file?: string;
  /** Undefined until first needed, for a schema read from a file (see addSchemaFile). */
  validate?: ValidateFunction;
}

interface Edge {
  readonly from: string;
  readonly to: string;
  readonly migration?: Migration;
  readonly upcaster?: Upcaster;
}

interface TypeEntry {
  hasFolder: boolean;
  readonly schemas: Map<string, SchemaEntry>;
  /** Keyed `${from}\u0000${to}`; an upcaster replaces a declarative migration of the same hop. */
  readonly edges: Map<string, Edge>;
  /** Versions whose schema file is unusable: nothing of them is accepted or called valid. */
  readonly broken: Map<string, BrokenSchema>;
}

/**
 * The schemas, migrations and upcasters of one store. A schema added in code
 * is compiled when added; one read from a file is compiled the first time
 * anything asks about it (its validation, whether it is broken, the
 * problems, a snapshot for workers), because compiling costs milliseconds a
 * schema and most commands (listing, replay, stats) never validate. Upcast
 * paths are computed once per (type, version) and forgotten when anything
 * is registered.
 */
export class SchemaRegistry {
  private readonly byType = new Map<string, TypeEntry>();
  private readonly pathCache = new Map<string, readonly (Edge & { kind: UpcastStep['kind'] })[] | null>();
  private readonly versionsCache = new Map<string, readonly string[]>();
  private readonly loadProblems: FileProblem[] = [];

  /** Files that could not be used (skipped), each with file, line and what is wrong. */
  get problems(): readonly FileProblem[] {
    this.compileAllPending();
    return this.loadProblems;
  }

  /** @internal used by the loader to record a skipped file. */
  addProblem(problem: FileProblem): void {
    this.loadProblems.push(problem);
  }

  /**
   * Records that the schema file of (type, version) exists but cannot be
   * used. The version stays known (publish picks it as the newest), and
   * `brokenSchema` answers for it, so publish refuses and validate reports
   * its events as not checked instead of silently accepting any data.
   */
  markBroken(broken: BrokenSchema): void {
    this.entry(broken.eventType).broken.set(broken.version, broken);
    this.forgetDerived();
  }

  /** Why the schema of (type, version) cannot be used, when its file is broken. */
  brokenSchema(eventType: string, version: string): BrokenSchema | undefined {
    this.compilePending(eventType, version);
    return this.byType.get(eventType)?.broken.get(version);
  }

  /** Marks a type as known even with no schema in it yet (an empty `schemas/<type>/` folder). */
  addType(eventType: string): void {
    this.entry(eventType).hasFolder = true;
  }

  /** Compiles and adds a schema; throws SchemaFileError (naming the file) when it does not compile. */
  addSchema(eventType: string, version: string, schema: unknown, file = `schemas/${eventType}/${version}.schema.json`): void {
    this.addCompiledSchema(eventType, version, schema, file, false);
  }

  /**
   * Adds a schema read from `file`, compiled when first needed. A schema
   * that then fails to compile is recorded as a problem and its version
   * marked broken, as the loader does with a file it cannot read, before
   * anyone learns of its validation, brokenness or the problems.
   */
  addSchemaFile(eventType: string, version: string, schema: unknown, file: string): void {
    this.entry(eventType).schemas.set(version, { version, schema, file });
    this.forgetDerived();
  }

  private addCompiledSchema(eventType: string, version: string, schema: unknown, file: string, trusted: boolean): void {
    const validate = compileSchemaOf(schema, file, trusted);
    this.entry(eventType).schemas.set(version, { version, schema, file, validate });
    this.forgetDerived();
  }

  /** The validator of (type, version), compiling a schema added from a file on first use; undefined when none or broken. */
  private validatorOf(eventType: string, version: string): ValidateFunction | undefined {
    this.compilePending(eventType, version);
    return this.byType.get(eventType)?.schemas.get(version)?.validate;
  }

  private compilePending(eventType: string, version: string): void {
    const entry = this.byType.get(eventType);
    const pending = entry?.schemas.get(version);
    if (!entry || !pending || pending.validate) return;
    const file = pending.file ?? `schemas/${eventType}/${version}.schema.json`;
    try {
      pending.validate = compileSchemaOf(pending.schema, file, false);
    } catch (error) {
      if (!(error instanceof SchemaFileError)) throw error;
      entry.schemas.delete(version);
      error.problems.forEach((problem) => this.loadProblems.push(problem));
      // In file order, where the loader would have put them had it compiled while reading.
      this.loadProblems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
      // Fail closed: its type and version must not be taken as "no schema, anything goes".
      this.markBroken({ eventType, version, file, reason: error.problems[0]?.message ?? 'unusable' });
    }
  }

  private compileAllPending(): void {
    for (const [eventType, entry] of this.byType) {
      for (const version of [...entry.schemas.keys()]) this.compilePending(eventType, version);
    }
  }

  addMigration(migration: Migration): void {
    const edges = this.entry(migration.eventType).edges;
    const key = edgeKey(migration.from, migration.to);
    // A programmatic upcaster for the same hop wins over the file.
    if (edges.get(key)?.upcaster) return;
    edges.set(key, { from: migration.from, to: migration.to, migration });
    this.forgetDerived();
  }

  /** Registers code that upcasts `data` from one version to another; returns a function that unregisters it. */
  registerUpcaster(eventType: string, from: string, to: string, upcaster: Upcaster): () => void {
    if (compareVersions(from, to) >= 0) throw new RangeError(`an upcaster for ${eventType} must go to a newer version, but "${to}" is not newer than "${from}"`);
    const edges = this.entry(eventType).edges;
    const key = edgeKey(from, to);
    const previous = edges.get(key);
    const edge: Edge = { from, to, upcaster, ...(previous?.migration ? { migration: previous.migration } : {}) };
    edges.set(key, edge);
    this.forgetDerived();
    return () => {
      if (edges.get(key) !== edge) return;
      if (edge.migration) edges.set(key, { from, to, migration: edge.migration });
      else edges.delete(key);
      this.forgetDerived();
    };
  }

  types(): string[] {
    return [...this.byType.keys()].sort();
  }

  /** True when the store declares the type: a schema folder, a schema, a migration or an upcaster. */
  hasType(eventType: string): boolean {
    const entry = this.byType.get(eventType);
    return entry !== undefined && (entry.hasFolder || entry.schemas.size > 0 || entry.edges.size > 0 || entry.broken.size > 0);
  }

  hasSchema(eventType: string, version: string): boolean {
    this.compilePending(eventType, version);
    return this.byType.get(eventType)?.schemas.has(version) ?? false;
  }

  /** Every version a schema, migration or upcaster names, oldest first. */
  knownVersions(eventType: string): string[] {
    return [...this.cachedVersions(eventType)];
  }

  // Validation asks for every line, so the sorted list is kept until something is registered.
  private cachedVersions(eventType: string): readonly string[] {
    let versions = this.versionsCache.get(eventType);
    if (versions === undefined) {
      const entry = this.byType.get(eventType);
      const found = new Set([...(entry?.schemas.keys() ?? []), ...(entry?.broken.keys() ?? [])]);
      for (const edge of entry?.edges.values() ?? []) {
        found.add(edge.from);
        found.add(edge.to);
      }
      versions = Object.freeze(sortVersions(found));
      this.versionsCache.set(eventType, versions);
    }
    return versions;
  }

  newestVersion(eventType: string): string | undefined {
    const versions = this.cachedVersions(eventType);
    return versions[versions.length - 1];
  }

  isKnownVersion(eventType: string, version: string): boolean {
    return this.cachedVersions(eventType).includes(version);
  }

  /** Title and description of the schema of `version` (default: the newest version that has a schema). */
  schemaInfo(eventType: string, version?: string): SchemaInfo | undefined {
    this.compileAllPending();
    const entry = this.byType.get(eventType);
    if (!entry) return undefined;
    const chosen =
      version !== undefined ? entry.schemas.get(version) : sortVersions(entry.schemas.keys()).map((v) => entry.schemas.get(v)).pop();
    if (!chosen) return undefined;
    const schema = chosen.schema as { title?: unknown; description?: unknown };
    return {
      eventType,
      version: chosen.version,
      ...(typeof schema.title === 'string' ? { title: schema.title } : {}),
      ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
      ...(chosen.file !== undefined ? { file: chosen.file } : {}),
    };
  }

  /** The raw schema object of a version, e.g. for hover or completion. */
  schemaOf(eventType: string, version: string): unknown {
    this.compilePending(eventType, version);
    return this.byType.get(eventType)?.schemas.get(version)?.schema;
  }

  /** Errors of `data` against the schema of (type, version); empty when valid or when there is no such schema. */
  validateData(eventType: string, version: string, data: unknown): readonly SchemaViolation[] {
    const validate = this.validatorOf(eventType, version);
    if (!validate || validate(data)) return [];
    return (validate.errors ?? []).map((error) => ({
      instancePath: error.instancePath,
      keyword: error.keyword,
      message: error.message ?? 'is invalid',
      params: error.params as Record<string, unknown>,
    }));
  }

  /** The hops from `from` to the newest version ([] when already newest), or undefined when there is no way. */
  upcastPath(eventType: string, from: string): readonly UpcastStep[] | undefined {
    const path = this.findPath(eventType, from);
    return path?.map((edge) => ({
      from: edge.from,
      to: edge.to,
      kind: edge.kind,
      ...(edge.kind === 'migration' && edge.migration?.file !== undefined ? { file: edge.migration.file } : {}),
    }));
  }

  hasPathToNewest(eventType: string, from: string): boolean {
    return this.findPath(eventType, from) !== null;
  }

  /**
   * The event in the newest schema version of its type: a new frozen event
   * with data migrated hop by hop and `schema_version` updated. An event
   * already newest, of an unknown type, or with no path, is returned as is.
   */
  upcast<Data = unknown>(event: Event<Data>): Event {
    const path = this.findPath(event.event_type, event.metadata.schema_version);
    if (!path || path.length === 0) return event;
    let data: unknown = event.data;
    let current: Event = event;
    for (const edge of path) {
      try {
        data = edge.upcaster ? edge.upcaster(structuredClone(data), current) : applyMigration(edge.migration as Migration, data);
      } catch (error) {
        throw new Error(
          `upcasting ${event.event_type} event ${event.metadata.event_id} from ${edge.from} to ${edge.to} failed: ${(error as Error).message}`,
        );
      }
      current = { event_type: event.event_type, data, metadata: { ...event.metadata, schema_version: edge.to } };
    }
    return freezeEvent(current);
  }

  toSnapshot(): RegistrySnapshot {
    // The receiving thread skips the meta-schema check, so every schema is checked here first.
    this.compileAllPending();
    const folders: string[] = [];
    const schemas: { eventType: string; version: string; schema: unknown; file?: string }[] = [];
    const migrations: Migration[] = [];
    const upcasterEdges: { eventType: string; from: string; to: string }[] = [];
    const broken: BrokenSchema[] = [];
    for (const [eventType, entry] of this.byType) {
      broken.push(...entry.broken.values());
      if (entry.hasFolder) folders.push(eventType);
      for (const s of entry.schemas.values()) schemas.push({ eventType, version: s.version, schema: s.schema, ...(s.file ? { file: s.file } : {}) });
      for (const edge of entry.edges.values()) {
        if (edge.migration) migrations.push(edge.migration);
        if (edge.upcaster) upcasterEdges.push({ eventType, from: edge.from, to: edge.to });
      }
    }
    return { folders, schemas, migrations, upcasterEdges, broken };
  }

  /** A registry for validation in another thread: upcaster edges become placeholders that cannot run. */
  static fromSnapshot(snapshot: RegistrySnapshot): SchemaRegistry {
    const registry = new SchemaRegistry();
    for (const folder of snapshot.folders) registry.addType(folder);
    for (const s of snapshot.schemas) {
      try {
        // Checked against its meta-schema when first added, in the thread that made the snapshot.
        registry.addCompiledSchema(s.eventType, s.version, s.schema, s.file ?? `schemas/${s.eventType}/${s.version}.schema.json`, true);
      } catch (error) {
        if (!(error instanceof SchemaFileError)) throw error;
        error.problems.forEach((p) => registry.addProblem(p));
        registry.markBroken({ eventType: s.eventType, version: s.version, file: error.problems[0]?.file ?? s.file ?? '', reason: error.problems[0]?.message ?? 'unusable' });
      }
    }
    for (const broken of snapshot.broken ?? []) registry.markBroken(broken);
    for (const migration of snapshot.migrations) registry.addMigration(migration);
    for (const edge of snapshot.upcasterEdges) {
      registry.registerUpcaster(edge.eventType, edge.from, edge.to, () => {
        throw new Error('upcasters do not cross threads; upcast in the thread that registered them');
      });
    }
    return registry;
  }

  private forgetDerived(): void {
    this.pathCache.clear();
    this.versionsCache.clear();
  }

  private entry(eventType: string): TypeEntry {
    let entry = this.byType.get(eventType);
    if (!entry) {
      entry = { hasFolder: false, schemas: new Map(), edges: new Map(), broken: new Map() };
      this.byType.set(eventType, entry);
    }
    return entry;
  }

  /** Fewest hops from `from` to the newest version (breadth-first; ties go to the smaller next version). */
  private findPath(eventType: string, from: string): readonly (Edge & { kind: UpcastStep['kind'] })[] | null {
    const cacheKey = edgeKey(eventType, from);
    const cached = this.pathCache.get(cacheKey);
    if (cached !== undefined) return cached;
    const result = this.searchPath(eventType, from);
    this.pathCache.set(cacheKey, result);
    return result;
  }

  private searchPath(eventType: string, from: string): (Edge & { kind: UpcastStep['kind'] })[] | null {
    const entry = this.byType.get(eventType);
    const newest = this.newestVersion(eventType);
    if (!entry || newest === undefined || !this.isKnownVersion(eventType, from)) return null;
    if (from === newest) return [];
    const outgoing = new Map<string, Edge[]>();
    for (const edge of entry.edges.values()) {
      const list = outgoing.get(edge.from) ?? [];
      list.push(edge);
      outgoing.set(edge.from, list);
    }
    for (const list of outgoing.values()) list.sort((a, b) => compareVersions(a.to, b.to));
    const cameBy = new Map<string, Edge>();
    const queue = [from];
    const seen = new Set([from]);
    while (queue.length > 0) {
      const version = queue.shift() as string;
      if (version === newest) break;
      for (const edge of outgoing.get(version) ?? []) {
        if (seen.has(edge.to)) continue;
        seen.add(edge.to);
        cameBy.set(edge.to, edge);
        queue.push(edge.to);
      }
    }
    if (!cameBy.has(newest)) return null;
    const path: (Edge & { kind: UpcastStep['kind'] })[] = [];
    for (let version = newest; version !== from; ) {
      const edge = cameBy.get(version) as Edge;
      path.unshift({ ...edge, kind: edge.upcaster ? 'upcaster' : 'migration' });
      version = edge.from;
    }
    return path;
  }
}

/** Checks and compiles one schema; throws SchemaFileError naming `file` when it is not a usable JSON Schema. */
function compileSchemaOf(schema: unknown, file: string, trusted: boolean): ValidateFunction {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
    if (typeof schema !== 'boolean') {
      throw new SchemaFileError([{ file, line: 1, column: 1, message: 'a JSON Schema must be an object (or true/false)' }]);
    }
  }
  const dialect = dialectOf(schema);
  if (typeof dialect !== 'string') throw new SchemaFileError([{ file, line: 1, column: 1, message: dialect.unsupported }]);
  try {
    return compileUserSchema(schema as object, dialect, trusted);
  } catch (error) {
    throw new SchemaFileError([{ file, line: 1, column: 1, message: `not a usable JSON Schema: ${describeCompileError(error as Error)}` }]);
  }
}

/** ajv's words for a $ref it cannot resolve, said as what happened: remote schemas are never fetched. */
function describeCompileError(error: Error): string {
  const missing = /can't resolve reference (\S+)/.exec(error.message);
  if (missing) {
    const ref = missing[1];
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(ref) && !ref.startsWith('eventbus:')
      ? `$ref ${ref} is remote, and remote schemas are never fetched (copy its definitions into the file)`
      : `$ref ${ref} cannot be resolved (no such definition in the file)`;
  }
  return error.message;
}

function edgeKey(a: string, b: string): string {
  return `${a}\u0000${b}`;
}
