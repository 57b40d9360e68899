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
exports.openStore = openStore;
const path = __importStar(require("node:path"));
const chokidar_1 = require("chokidar");
const layeredIndexFiles_1 = require("./index/layeredIndexFiles");
const eventFilter_1 = require("./query/eventFilter");
const selectOrdinals_1 = require("./query/selectOrdinals");
const eventBodyReader_1 = require("./store/eventBodyReader");
const fileStorage_1 = require("./store/fileStorage");
const snapshotStore_1 = require("./snapshot/snapshotStore");
const layout_1 = require("./store/layout");
const parseEventLine_1 = require("./store/parseEventLine");
const tempFiles_1 = require("./store/tempFiles");
/** How long a burst of watched changes is gathered before the index is refreshed. */
const COALESCE_MS = 30;
/** After the last watched change, one more look (chokidar drops changes within 50 ms of the previous one). */
const TRAILING_LOOK_MS = 80;
/** Opens a store folder (`event_store/`): loads or builds its index and gives lazy access to its events. */
async function openStore(root, options = {}) {
    const storeRoot = path.resolve(root);
    const sequenceMode = options.sequenceMode === 'auto' ? undefined : options.sequenceMode;
    const cacheDir = options.cacheDir ?? path.join(storeRoot, layout_1.CACHE_DIR);
    // What killed writers left: their temps would hold space (on a full disk, all of it) forever.
    (0, tempFiles_1.sweepStaleTemps)([cacheDir, storeRoot, path.join(storeRoot, layout_1.EVENTS_DIR), path.join(storeRoot, layout_1.SNAPSHOTS_DIR)]);
    const indexOptions = { threads: options.threads, sequenceMode, onProgress: options.onProgress };
    const { index, dirty } = await (0, layeredIndexFiles_1.openLayeredIndex)(storeRoot, options.noCache ? null : cacheDir, indexOptions);
    const engine = new FileStoreEngine(storeRoot, index, cacheDir, indexOptions, options);
    if (dirty && options.persistIndex !== false && !options.noCache)
        engine.saveIndexQuietly();
    return engine;
}
class FileStoreEngine {
    root;
    index;
    cacheDir;
    indexOptions;
    options;
    storage;
    bodies;
    indexChanged = false;
    constructor(root, index, cacheDir, indexOptions, options) {
        this.root = root;
        this.index = index;
        this.cacheDir = cacheDir;
        this.indexOptions = indexOptions;
        this.options = options;
        this.bodies = new eventBodyReader_1.EventBodyReader(root);
        this.storage = new fileStorage_1.FileEventStorage(root, this);
        this.storage.useSnapshots((0, snapshotStore_1.snapshotFilesOf)(root));
        this.storage.foldSetting = options.fold;
    }
    async readEvent(ordinal) {
        return this.readEventSync(ordinal);
    }
    readEventSync(ordinal) {
        const entry = this.index.locationOf(ordinal);
        const event = (0, parseEventLine_1.parseEventLine)(this.lineText(entry), `${entry.file}:${entry.line}`, this.options.maxNestingDepth);
        return this.options.upcast ? this.options.upcast(event) : event;
    }
    async readLine(ordinal) {
        return this.lineText(this.index.locationOf(ordinal));
    }
    async readLineBytes(ordinal) {
        const entry = this.index.locationOf(ordinal);
        return this.bodies.readLine(entry.file, entry.offset, entry.length);
    }
    select(query) {
        return this.selectOrdinals(query).map((o) => this.index.event(o));
    }
    selectOrdinals(query) {
        return (0, selectOrdinals_1.selectOrdinals)(this.index, (0, eventFilter_1.filterOfQuery)(query), query.limit);
    }
    async *query(query) {
        for (const ordinal of this.selectOrdinals(query))
            yield this.readEventSync(ordinal);
    }
    async refresh() {
        const delta = await (0, layeredIndexFiles_1.refreshLayeredIndex)(this.index, this.root, this.indexOptions);
        for (const file of [...delta.rebuiltFiles, ...delta.removedFiles]) {
            this.bodies.forget(file);
            this.index.base?.forgetFile(file);
        }
        if (delta.appendedEvents > 0 || delta.rebuiltFiles.length || delta.removedFiles.length) {
            this.indexChanged = true;
            // Appended bytes of a gzip day are only visible after re-reading it.
            for (const f of this.index.files)
                if (f.compressed)
                    this.bodies.forget(f.file);
        }
        return delta;
    }
    watch(onChange) {
        const watcher = (0, chokidar_1.watch)([path.join(this.root, layout_1.EVENTS_DIR), path.join(this.root, layout_1.SNAPSHOTS_DIR)], {
            ignoreInitial: true,
            depth: 0,
        });
        let timer;
        let trailing;
        let running = Promise.resolve();
        const refreshNow = (tellEvenIfNothing) => {
            running = running.then(async () => {
                try {
                    const delta = await this.refresh();
                    if (tellEvenIfNothing || delta.appendedEvents > 0 || delta.rebuiltFiles.length > 0 || delta.removedFiles.length > 0 || delta.newProblems.length > 0)
                        onChange(delta);
                }
                catch (error) {
                    onChange({ appendedEvents: 0, rebuiltFiles: [], removedFiles: [], newProblems: [{ kind: 'unreadable', file: layout_1.EVENTS_DIR, line: 1, column: 1, message: `refresh failed: ${error.message}` }] });
                }
            });
        };
        const schedule = () => {
            if (!timer) {
                // Coalesce bursts of appends into one refresh; short enough to stay well within 500 ms.
                timer = setTimeout(() => {
                    timer = undefined;
                    refreshNow(true);
                }, COALESCE_MS);
            }
            // chokidar drops a file's change that comes within 50 ms of its previous one: once that window
            // has passed without events, look once more, so the last append of a burst is never missed.
            if (trailing)
                clearTimeout(trailing);
            trailing = setTimeout(() => {
                trailing = undefined;
                refreshNow(false);
            }, TRAILING_LOOK_MS);
        };
        watcher.on('add', schedule).on('change', schedule).on('unlink', schedule);
        return async () => {
            if (timer)
                clearTimeout(timer);
            if (trailing)
                clearTimeout(trailing);
            await watcher.close();
            await running;
        };
    }
    saveIndexQuietly() {
        try {
            (0, layeredIndexFiles_1.persistLayeredIndex)(this.index, this.root, this.cacheDir, this.indexOptions.sequenceMode);
            this.indexChanged = false;
        }
        catch {
            // The index is a cache: a read-only store simply gets no saved index.
        }
    }
    async close() {
        await this.storage.close();
        this.bodies.close();
        const changed = this.indexChanged || this.index.rebuiltAfterDamage;
        if (changed && this.options.persistIndex !== false && !this.options.noCache)
            this.saveIndexQuietly();
        this.index.close();
    }
    lineText(entry) {
        return this.bodies.readLine(entry.file, entry.offset, entry.length).toString('utf8');
    }
}
//# sourceMappingURL=openStore.js.map