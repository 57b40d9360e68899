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
exports.DEFAULT_STORE_FOLDER = void 0;
exports.resolveFolderStore = resolveFolderStore;
exports.configOfStore = configOfStore;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const jsonc_parser_1 = require("jsonc-parser");
const busConfig_1 = require("./busConfig");
const loadConfig_1 = require("./loadConfig");
const validateConfig_1 = require("./validateConfig");
/** The folder a store lives in when nothing names one (the guide's `storage_path` default). */
exports.DEFAULT_STORE_FOLDER = 'event_store';
/**
 * Where the store is and which config governs it. `given` is the store the
 * user named (relative to `workspaceRoot`); without one, the workspace's
 * config `storage_path`, else `event_store/` in the workspace.
 */
async function resolveFolderStore(given, workspaceRoot) {
    if (given !== undefined) {
        const root = path.resolve(workspaceRoot, given);
        return { kind: 'folder', root, ...(await configOfStore(root, [workspaceRoot])) };
    }
    const workspace = await (0, loadConfig_1.loadConfig)(workspaceRoot);
    if (workspace.file)
        return { kind: 'folder', root: (0, loadConfig_1.resolveStoragePath)(workspaceRoot, workspace.config), config: workspace.config, configFile: workspace.file };
    const root = path.resolve(workspaceRoot, exports.DEFAULT_STORE_FOLDER);
    return { kind: 'folder', root, ...(await configOfStore(root, [workspaceRoot])) };
}
/**
 * The config that governs the store at `root`, read from the store's side,
 * never just from wherever the command happens to run: the
 * `eventbus.config.json` inside the store, else the first one in the
 * store's parent folder, then in `nearby` (e.g. the current folder), that
 * either names this store in `storage_path` or names no store at all (its
 * settings are for whichever store it is used with). A config whose
 * `storage_path` names another store does not govern this one; without any,
 * the guide's defaults.
 */
async function configOfStore(root, nearby = []) {
    const inside = await (0, loadConfig_1.loadConfig)(root);
    if (inside.file)
        return fromLoaded(inside);
    const store = sameFileKey(root);
    const folders = [path.dirname(root), ...nearby.map((folder) => path.resolve(folder))];
    for (const folder of new Set(folders)) {
        if (!fs.existsSync(path.join(folder, loadConfig_1.CONFIG_FILE_NAME)))
            continue;
        const loaded = await (0, loadConfig_1.loadConfig)(folder);
        if (!loaded.file)
            continue;
        if (!namesAStore(loaded.file) || sameFileKey((0, loadConfig_1.resolveStoragePath)(folder, loaded.config)) === store)
            return fromLoaded(loaded);
    }
    return { config: busConfig_1.DEFAULT_CONFIG };
}
/** Whether a (valid) config file sets `storage_path`, flat or inside the guide's `event_bus` block. */
function namesAStore(file) {
    const value = (0, jsonc_parser_1.parse)(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    const block = (validateConfig_1.WRAPPER_KEY in value ? value[validateConfig_1.WRAPPER_KEY] : value);
    return Object.prototype.hasOwnProperty.call(block, 'storage_path');
}
function fromLoaded(loaded) {
    return loaded.file ? { config: loaded.config, configFile: loaded.file } : { config: loaded.config };
}
/** Two spellings of one folder (symlinks, `..`) compare equal; a folder not made yet compares by its absolute path. */
function sameFileKey(folder) {
    try {
        return fs.realpathSync(folder);
    }
    catch {
        return path.resolve(folder);
    }
}
//# sourceMappingURL=storeRef.js.map