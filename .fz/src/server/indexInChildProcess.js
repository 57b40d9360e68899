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
exports.hasPersistedIndex = hasPersistedIndex;
exports.buildIndexInChildProcess = buildIndexInChildProcess;
const node_child_process_1 = require("node:child_process");
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const diskIndex_1 = require("../engine/index/diskIndex");
const layout_1 = require("../engine/store/layout");
/** The child's script, beside the server bundle (absent when the server runs from tsc's out/: the caller then builds in-process). */
const BUILD_SCRIPT = path.join(__dirname, 'indexBuild.js');
/** True when the store has a persisted index that opens as it is (header read only). */
function hasPersistedIndex(root, sequenceMode) {
    const base = diskIndex_1.DiskIndex.open(root, path.join(root, layout_1.CACHE_DIR), sequenceMode);
    base?.close();
    return base !== null;
}
/**
 * Builds and persists the store's index in a child process, reporting the
 * bytes scanned. The server's heap never holds the cold build; afterwards it
 * opens the written index in place.
 */
function buildIndexInChildProcess(root, sequenceMode, onProgress, log) {
    if (!fs.existsSync(BUILD_SCRIPT))
        return undefined;
    let child;
    try {
        child = (0, node_child_process_1.fork)(BUILD_SCRIPT, [JSON.stringify({ root, ...(sequenceMode ? { sequenceMode } : {}) })], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    }
    catch (error) {
        log(`${root}: cannot start the index build process (${error.message}); indexing here instead`);
        return undefined;
    }
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
        if (stderr.length < 4000)
            stderr += chunk.toString('utf8');
    });
    const done = new Promise((resolve) => {
        let finished = false;
        child.on('message', (message) => {
            if (message.progress)
                onProgress(message.progress[0], message.progress[1]);
            if (message.done)
                finished = true;
        });
        child.on('error', (error) => {
            log(`${root}: the index build process failed (${error.message}); indexing here instead`);
            resolve(false);
        });
        child.on('exit', (code, signal) => {
            if (!finished && signal !== 'SIGTERM')
                log(`${root}: the index build process stopped (${signal ?? `exit code ${code}`}${stderr ? `: ${stderr.trim()}` : ''}); indexing here instead`);
            resolve(finished && hasPersistedIndex(root, sequenceMode));
        });
    });
    return {
        done,
        stop: () => {
            if (child.exitCode === null && child.signalCode === null)
                child.kill('SIGTERM');
        },
    };
}
//# sourceMappingURL=indexInChildProcess.js.map