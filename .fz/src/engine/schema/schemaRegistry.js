"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SchemaRegistry = void 0;
const event_1 = require("../model/event");
const applyMigration_1 = require("./applyMigration");
const ajvFactory_1 = require("./ajvFactory");
const migrationSpec_1 = require("./migrationSpec");
const versionOrder_1 = require("./versionOrder");
/**
 * The schemas, migrations and upcasters of one store. A schema added in code
 * is compiled when added; one read from a file is compiled the first time
 * anything asks about it (its validation, whether it is broken, the
 * problems, a snapshot for workers), because compiling costs milliseconds a
 * schema and most commands (listing, replay, stats) never validate. Upcast
 * paths are computed once per (type, version) and forgotten when anything
 * is registered.
 */
class SchemaRegistry {
    byType = new Map();
    pathCache = new Map();
    versionsCache = new Map();
    loadProblems = [];
    /** Files that could not be used (skipped), each with file, line and what is wrong. */
    get problems() {
        this.compileAllPending();
        return this.loadProblems;
    }
    /** @internal used by the loader to record a skipped file. */
    addProblem(problem) {
        this.loadProblems.push(problem);
    }
    /**
     * Records that the schema file of (type, version) exists but cannot be
     * used. The version stays known (publish picks it as the newest), and
     * `brokenSchema` answers for it, so publish refuses and validate reports
     * its events as not checked instead of silently accepting any data.
     */
    markBroken(broken) {
        this.entry(broken.eventType).broken.set(broken.version, broken);
        this.forgetDerived();
    }
    /** Why the schema of (type, version) cannot be used, when its file is broken. */
    brokenSchema(eventType, version) {
        this.compilePending(eventType, version);
        return this.byType.get(eventType)?.broken.get(version);
    }
    /** Marks a type as known even with no schema in it yet (an empty `schemas/<type>/` folder). */
    addType(eventType) {
        this.entry(eventType).hasFolder = true;
    }
    /** Compiles and adds a schema; throws SchemaFileError (naming the file) when it does not compile. */
    addSchema(eventType, version, schema, file = `schemas/${eventType}/${version}.schema.json`) {
        this.addCompiledSchema(eventType, version, schema, file, false);
    }
    /**
     * Adds a schema read from `file`, compiled when first needed. A schema
     * that then fails to compile is recorded as a problem and its version
     * marked broken, as the loader does with a file it cannot read, before
     * anyone learns of its validation, brokenness or the problems.
     */
    addSchemaFile(eventType, version, schema, file) {
        this.entry(eventType).schemas.set(version, { version, schema, file });
        this.forgetDerived();
    }
    addCompiledSchema(eventType, version, schema, file, trusted) {
        const validate = compileSchemaOf(schema, file, trusted);
        this.entry(eventType).schemas.set(version, { version, schema, file, validate });
        this.forgetDerived();
    }
    /** The validator of (type, version), compiling a schema added from a file on first use; undefined when none or broken. */
    validatorOf(eventType, version) {
        this.compilePending(eventType, version);
        return this.byType.get(eventType)?.schemas.get(version)?.validate;
    }
    compilePending(eventType, version) {
        const entry = this.byType.get(eventType);
        const pending = entry?.schemas.get(version);
        if (!entry || !pending || pending.validate)
            return;
        const file = pending.file ?? `schemas/${eventType}/${version}.schema.json`;
        try {
            pending.validate = compileSchemaOf(pending.schema, file, false);
        }
        catch (error) {
            if (!(error instanceof migrationSpec_1.SchemaFileError))
                throw error;
            entry.schemas.delete(version);
            error.problems.forEach((problem) => this.loadProblems.push(problem));
            // In file order, where the loader would have put them had it compiled while reading.
            this.loadProblems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
            // Fail closed: its type and version must not be taken as "no schema, anything goes".
            this.markBroken({ eventType, version, file, reason: error.problems[0]?.message ?? 'unusable' });
        }
    }
    compileAllPending() {
        for (const [eventType, entry] of this.byType) {
            for (const version of [...entry.schemas.keys()])
                this.compilePending(eventType, version);
        }
    }
    addMigration(migration) {
        const edges = this.entry(migration.eventType).edges;
        const key = edgeKey(migration.from, migration.to);
        // A programmatic upcaster for the same hop wins over the file.
        if (edges.get(key)?.upcaster)
            return;
        edges.set(key, { from: migration.from, to: migration.to, migration });
        this.forgetDerived();
    }
    /** Registers code that upcasts `data` from one version to another; returns a function that unregisters it. */
    registerUpcaster(eventType, from, to, upcaster) {
        if ((0, versionOrder_1.compareVersions)(from, to) >= 0)
            throw new RangeError(`an upcaster for ${eventType} must go to a newer version, but "${to}" is not newer than "${from}"`);
        const edges = this.entry(eventType).edges;
        const key = edgeKey(from, to);
        const previous = edges.get(key);
        const edge = { from, to, upcaster, ...(previous?.migration ? { migration: previous.migration } : {}) };
        edges.set(key, edge);
        this.forgetDerived();
        return () => {
            if (edges.get(key) !== edge)
                return;
            if (edge.migration)
                edges.set(key, { from, to, migration: edge.migration });
            else
                edges.delete(key);
            this.forgetDerived();
        };
    }
    types() {
        return [...this.byType.keys()].sort();
    }
    /** True when the store declares the type: a schema folder, a schema, a migration or an upcaster. */
    hasType(eventType) {
        const entry = this.byType.get(eventType);
        return entry !== undefined && (entry.hasFolder || entry.schemas.size > 0 || entry.edges.size > 0 || entry.broken.size > 0);
    }
    hasSchema(eventType, version) {
        this.compilePending(eventType, version);
        return this.byType.get(eventType)?.schemas.has(version) ?? false;
    }
    /** Every version a schema, migration or upcaster names, oldest first. */
    knownVersions(eventType) {
        return [...this.cachedVersions(eventType)];
    }
    // Validation asks for every line, so the sorted list is kept until something is registered.
    cachedVersions(eventType) {
        let versions = this.versionsCache.get(eventType);
        if (versions === undefined) {
            const entry = this.byType.get(eventType);
            const found = new Set([...(entry?.schemas.keys() ?? []), ...(entry?.broken.keys() ?? [])]);
            for (const edge of entry?.edges.values() ?? []) {
                found.add(edge.from);
                found.add(edge.to);
            }
            versions = Object.freeze((0, versionOrder_1.sortVersions)(found));
            this.versionsCache.set(eventType, versions);
        }
        return versions;
    }
    newestVersion(eventType) {
        const versions = this.cachedVersions(eventType);
        return versions[versions.length - 1];
    }
    isKnownVersion(eventType, version) {
        return this.cachedVersions(eventType).includes(version);
    }
    /** Title and description of the schema of `version` (default: the newest version that has a schema). */
    schemaInfo(eventType, version) {
        this.compileAllPending();
        const entry = this.byType.get(eventType);
        if (!entry)
            return undefined;
        const chosen = version !== undefined ? entry.schemas.get(version) : (0, versionOrder_1.sortVersions)(entry.schemas.keys()).map((v) => entry.schemas.get(v)).pop();
        if (!chosen)
            return undefined;
        const schema = chosen.schema;
        return {
            eventType,
            version: chosen.version,
            ...(typeof schema.title === 'string' ? { title: schema.title } : {}),
            ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
            ...(chosen.file !== undefined ? { file: chosen.file } : {}),
        };
    }
    /** The raw schema object of a version, e.g. for hover or completion. */
    schemaOf(eventType, version) {
        this.compilePending(eventType, version);
        return this.byType.get(eventType)?.schemas.get(version)?.schema;
    }
    /** Errors of `data` against the schema of (type, version); empty when valid or when there is no such schema. */
    validateData(eventType, version, data) {
        const validate = this.validatorOf(eventType, version);
        if (!validate || validate(data))
            return [];
        return (validate.errors ?? []).map((error) => ({
            instancePath: error.instancePath,
            keyword: error.keyword,
            message: error.message ?? 'is invalid',
            params: error.params,
        }));
    }
    /** The hops from `from` to the newest version ([] when already newest), or undefined when there is no way. */
    upcastPath(eventType, from) {
        const path = this.findPath(eventType, from);
        return path?.map((edge) => ({
            from: edge.from,
            to: edge.to,
            kind: edge.kind,
            ...(edge.kind === 'migration' && edge.migration?.file !== undefined ? { file: edge.migration.file } : {}),
        }));
    }
    hasPathToNewest(eventType, from) {
        return this.findPath(eventType, from) !== null;
    }
    /**
     * The event in the newest schema version of its type: a new frozen event
     * with data migrated hop by hop and `schema_version` updated. An event
     * already newest, of an unknown type, or with no path, is returned as is.
     */
    upcast(event) {
        const path = this.findPath(event.event_type, event.metadata.schema_version);
        if (!path || path.length === 0)
            return event;
        let data = event.data;
        let current = event;
        for (const edge of path) {
            try {
                data = edge.upcaster ? edge.upcaster(structuredClone(data), current) : (0, applyMigration_1.applyMigration)(edge.migration, data);
            }
            catch (error) {
                throw new Error(`upcasting ${event.event_type} event ${event.metadata.event_id} from ${edge.from} to ${edge.to} failed: ${error.message}`);
            }
            current = { event_type: event.event_type, data, metadata: { ...event.metadata, schema_version: edge.to } };
        }
        return (0, event_1.freezeEvent)(current);
    }
    toSnapshot() {
        // The receiving thread skips the meta-schema check, so every schema is checked here first.
        this.compileAllPending();
        const folders = [];
        const schemas = [];
        const migrations = [];
        const upcasterEdges = [];
        const broken = [];
        for (const [eventType, entry] of this.byType) {
            broken.push(...entry.broken.values());
            if (entry.hasFolder)
                folders.push(eventType);
            for (const s of entry.schemas.values())
                schemas.push({ eventType, version: s.version, schema: s.schema, ...(s.file ? { file: s.file } : {}) });
            for (const edge of entry.edges.values()) {
                if (edge.migration)
                    migrations.push(edge.migration);
                if (edge.upcaster)
                    upcasterEdges.push({ eventType, from: edge.from, to: edge.to });
            }
        }
        return { folders, schemas, migrations, upcasterEdges, broken };
    }
    /** A registry for validation in another thread: upcaster edges become placeholders that cannot run. */
    static fromSnapshot(snapshot) {
        const registry = new SchemaRegistry();
        for (const folder of snapshot.folders)
            registry.addType(folder);
        for (const s of snapshot.schemas) {
            try {
                // Checked against its meta-schema when first added, in the thread that made the snapshot.
                registry.addCompiledSchema(s.eventType, s.version, s.schema, s.file ?? `schemas/${s.eventType}/${s.version}.schema.json`, true);
            }
            catch (error) {
                if (!(error instanceof migrationSpec_1.SchemaFileError))
                    throw error;
                error.problems.forEach((p) => registry.addProblem(p));
                registry.markBroken({ eventType: s.eventType, version: s.version, file: error.problems[0]?.file ?? s.file ?? '', reason: error.problems[0]?.message ?? 'unusable' });
            }
        }
        for (const broken of snapshot.broken ?? [])
            registry.markBroken(broken);
        for (const migration of snapshot.migrations)
            registry.addMigration(migration);
        for (const edge of snapshot.upcasterEdges) {
            registry.registerUpcaster(edge.eventType, edge.from, edge.to, () => {
                throw new Error('upcasters do not cross threads; upcast in the thread that registered them');
            });
        }
        return registry;
    }
    forgetDerived() {
        this.pathCache.clear();
        this.versionsCache.clear();
    }
    entry(eventType) {
        let entry = this.byType.get(eventType);
        if (!entry) {
            entry = { hasFolder: false, schemas: new Map(), edges: new Map(), broken: new Map() };
            this.byType.set(eventType, entry);
        }
        return entry;
    }
    /** Fewest hops from `from` to the newest version (breadth-first; ties go to the smaller next version). */
    findPath(eventType, from) {
        const cacheKey = edgeKey(eventType, from);
        const cached = this.pathCache.get(cacheKey);
        if (cached !== undefined)
            return cached;
        const result = this.searchPath(eventType, from);
        this.pathCache.set(cacheKey, result);
        return result;
    }
    searchPath(eventType, from) {
        const entry = this.byType.get(eventType);
        const newest = this.newestVersion(eventType);
        if (!entry || newest === undefined || !this.isKnownVersion(eventType, from))
            return null;
        if (from === newest)
            return [];
        const outgoing = new Map();
        for (const edge of entry.edges.values()) {
            const list = outgoing.get(edge.from) ?? [];
            list.push(edge);
            outgoing.set(edge.from, list);
        }
        for (const list of outgoing.values())
            list.sort((a, b) => (0, versionOrder_1.compareVersions)(a.to, b.to));
        const cameBy = new Map();
        const queue = [from];
        const seen = new Set([from]);
        while (queue.length > 0) {
            const version = queue.shift();
            if (version === newest)
                break;
            for (const edge of outgoing.get(version) ?? []) {
                if (seen.has(edge.to))
                    continue;
                seen.add(edge.to);
                cameBy.set(edge.to, edge);
                queue.push(edge.to);
            }
        }
        if (!cameBy.has(newest))
            return null;
        const path = [];
        for (let version = newest; version !== from;) {
            const edge = cameBy.get(version);
            path.unshift({ ...edge, kind: edge.upcaster ? 'upcaster' : 'migration' });
            version = edge.from;
        }
        return path;
    }
}
exports.SchemaRegistry = SchemaRegistry;
/** Checks and compiles one schema; throws SchemaFileError naming `file` when it is not a usable JSON Schema. */
function compileSchemaOf(schema, file, trusted) {
    if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
        if (typeof schema !== 'boolean') {
            throw new migrationSpec_1.SchemaFileError([{ file, line: 1, column: 1, message: 'a JSON Schema must be an object (or true/false)' }]);
        }
    }
    const dialect = (0, ajvFactory_1.dialectOf)(schema);
    if (typeof dialect !== 'string')
        throw new migrationSpec_1.SchemaFileError([{ file, line: 1, column: 1, message: dialect.unsupported }]);
    try {
        return (0, ajvFactory_1.compileUserSchema)(schema, dialect, trusted);
    }
    catch (error) {
        throw new migrationSpec_1.SchemaFileError([{ file, line: 1, column: 1, message: `not a usable JSON Schema: ${describeCompileError(error)}` }]);
    }
}
/** ajv's words for a $ref it cannot resolve, said as what happened: remote schemas are never fetched. */
function describeCompileError(error) {
    const missing = /can't resolve reference (\S+)/.exec(error.message);
    if (missing) {
        const ref = missing[1];
        return /^[a-z][a-z0-9+.-]*:\/\//i.test(ref) && !ref.startsWith('eventbus:')
            ? `$ref ${ref} is remote, and remote schemas are never fetched (copy its definitions into the file)`
            : `$ref ${ref} cannot be resolved (no such definition in the file)`;
    }
    return error.message;
}
function edgeKey(a, b) {
    return `${a}\u0000${b}`;
}
//# sourceMappingURL=schemaRegistry.js.map