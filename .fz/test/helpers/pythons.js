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
exports.findPythons = findPythons;
const node_child_process_1 = require("node:child_process");
const fs = __importStar(require("node:fs"));
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
/** Folders holding Python executables: PATH, and pyenv's installed versions (its shims only run the selected one). */
function pythonFolders() {
    const folders = (process.env.PATH ?? '').split(path.delimiter);
    const pyenvRoot = process.env.PYENV_ROOT ?? path.join(os.homedir(), '.pyenv');
    try {
        for (const version of fs.readdirSync(path.join(pyenvRoot, 'versions')))
            folders.push(path.join(pyenvRoot, 'versions', version, 'bin'));
    }
    catch {
        // No pyenv.
    }
    return folders;
}
/**
 * Every distinct Python 3 on PATH or installed by pyenv (`python3`, `python3.N`), from 3.7 on
 * (the first with `datetime.fromisoformat`), oldest first. Empty when there
 * is none: the tests that need one then skip, saying so.
 */
function findPythons() {
    const byVersion = new Map();
    for (const dir of pythonFolders()) {
        let names;
        try {
            names = fs.readdirSync(dir);
        }
        catch {
            continue;
        }
        for (const name of names.filter((n) => /^python3(\.\d+)?$/.test(n)).sort()) {
            const command = path.join(dir, name);
            const run = (0, node_child_process_1.spawnSync)(command, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], { encoding: 'utf8', timeout: 10_000 });
            const version = run.status === 0 ? run.stdout.trim() : '';
            const match = /^3\.(\d+)\.\d+$/.exec(version);
            if (!match || Number(match[1]) < 7 || byVersion.has(version))
                continue;
            byVersion.set(version, { command, version, minor: Number(match[1]) });
        }
    }
    return [...byVersion.values()].sort((a, b) => a.minor - b.minor || a.version.localeCompare(b.version, undefined, { numeric: true }));
}
//# sourceMappingURL=pythons.js.map