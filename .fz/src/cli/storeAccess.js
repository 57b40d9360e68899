"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.loadCliConfig = loadCliConfig;
exports.resolveStorePath = resolveStorePath;
exports.requireStoreFolder = requireStoreFolder;
exports.loadStoreSchemas = loadStoreSchemas;
exports.openForCli = openForCli;
exports.withStore = withStore;
const fs = __importStar(require("node:fs"));
const storeLocation_1 = require("../engine/backends/storeLocation");
const storeRef_1 = require("../engine/config/storeRef");
const folderBackend_1 = require("../engine/backends/folder/folderBackend");
const openBackend_1 = require("../engine/backends/openBackend");
const layout_1 = require("../engine/store/layout");
const output_1 = require("./output");
function parseStoreLocationOrFail(text) {
    try {
        return (0, storeLocation_1.parseStoreLocation)(text);
    }
    catch (error) {
        throw new output_1.CliFailure(error.message);
    }
}
/** Runs an engine step that reads config files, turning a config error into one clear line. */
async function readingConfig(work) {
    try {
        return await work();
    }
    catch (error) {
        throw new output_1.CliFailure((0, output_1.oneLine)(error.message));
    }
}
/**
 * The config that governs the store at `storePath` (its own
 * `eventbus.config.json`, or the one whose `storage_path` names it, here or
 * beside it), else the guide's defaults: `--store /elsewhere` runs with
 * /elsewhere's config, not this folder's.
 */
async function loadCliConfig(io, storePath) {
    const governing = await readingConfig(() => (0, storeRef_1.configOfStore)(storePath, [io.cwd]));
    return governing.configFile ? { config: governing.config, file: governing.configFile } : { config: governing.config };
}
/**
 * The store folder: `--store`, else the config's `storage_path` when a
 * config file exists, else `./event_store`.
 */
async function resolveStorePath(io, storeOption) {
    if (storeOption !== undefined && parseStoreLocationOrFail(storeOption).kind !== 'folder') {
        throw new output_1.CliFailure(`${(0, storeLocation_1.redactUrl)(storeOption)}: this command reads store folders only so far; \`eventbus copy --from DIR --to postgres://…\` copies a folder into PostgreSQL`);
    }
    return (await readingConfig(() => (0, storeRef_1.resolveFolderStore)(storeOption, io.cwd))).root;
}
/** Fails with one clear line when the folder is missing, so no command indexes a typo into an empty store. */
function requireStoreFolder(storePath) {
    let stat;
    try {
        stat = fs.statSync(storePath);
    }
    catch {
        throw new output_1.CliFailure(`no store at ${storePath} (expected a folder holding events/; pass --store DIR)`);
    }
    if (!stat.isDirectory())
        throw new output_1.CliFailure(`${storePath} is not a folder (expected an event store folder holding events/)`);
    let entries;
    try {
        entries = fs.readdirSync(storePath);
    }
    catch (error) {
        throw new output_1.CliFailure(`cannot read the store folder ${storePath}: ${error.code ?? error.message}`);
    }
    // An empty folder is a new store; one holding none of a store's entries (say storage_path "/etc") is not a store.
    // (.eventbus/ does not count: it is only a cache, which older versions wrote into any folder they were pointed at.)
    if (entries.length > 0 && !entries.some((name) => STORE_ENTRIES.has(name))) {
        throw new output_1.CliFailure(`${storePath} is not an event store: it holds none of events/, snapshots/, schemas/, projections/ (pass --store DIR, or fix storage_path in eventbus.config.json)`);
    }
}
const STORE_ENTRIES = new Set([layout_1.EVENTS_DIR, layout_1.SNAPSHOTS_DIR, layout_1.SCHEMAS_DIR, layout_1.PROJECTIONS_DIR, layout_1.DEAD_LETTER_FILE, layout_1.LOCK_FILE]);
/**
 * The store's schemas, migrations and upcasters. Loaded (with ajv, the
 * largest part of the CLI) only by the commands that validate or upcast:
 * listing and counting never pay for it.
 */
async function loadStoreSchemas(storePath) {
    const { loadSchemaRegistry } = await import('../engine/schema/loadSchemaRegistry.js');
    return loadSchemaRegistry(storePath);
}
/** Opens the store with a progress line on a terminal. */
async function openForCli(io, storePath, options = {}) {
    requireStoreFolder(storePath);
    const registry = options.upcast ? await loadStoreSchemas(storePath) : undefined;
    const { config } = await loadCliConfig(io, storePath);
    const progress = (0, output_1.progressReporter)(io, 'indexing');
    try {
        const backend = await (0, openBackend_1.openBackend)(storePath, {
            onProgress: progress.update,
            fold: config.fold,
            maxNestingDepth: config.max_nesting_depth,
            ...(registry ? { upcast: (event) => registry.upcast(event) } : {}),
        });
        const engine = (0, folderBackend_1.folderEngineOf)(backend);
        if (!engine) {
            await backend.close();
            throw new Error(`a ${backend.kind} store has no folder index (this command reads store folders only so far)`);
        }
        return { backend, engine };
    }
    catch (error) {
        throw new output_1.CliFailure(`${storePath}: cannot open the store: ${(0, output_1.oneLine)(error.message)}`);
    }
    finally {
        progress.done();
    }
}
/** Runs `work` with the store open and always closes it. */
async function withStore(io, storePath, work, options = {}) {
    const opened = await openForCli(io, storePath, options);
    try {
        return await work(opened);
    }
    finally {
        await opened.backend.close();
    }
}
//# sourceMappingURL=storeAccess.js.map