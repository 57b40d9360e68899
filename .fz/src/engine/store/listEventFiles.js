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
exports.listEventFiles = listEventFiles;
exports.describeKind = describeKind;
exports.isInside = isInside;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const lineReader_1 = require("./lineReader");
const layout_1 = require("./layout");
/**
 * The store's event files in store order, by day: only files named like a
 * day (`events_YYYY-MM-DD.jsonl[.gz]`); anything else is one
 * `not-a-day-file` problem naming it. A symlink is followed only when it
 * resolves inside the store (a loop or a dangling link is reported); an
 * entry that is not a regular file is reported and never opened. A day
 * present both gzipped and plain is read from both, the gzip first: late
 * events reach a compressed day through a new plain file. Only when the
 * plain bytes already end the gzip's content (a compression that died
 * before removing the plain file) is the plain file left out, so no event
 * is counted twice.
 */
async function listEventFiles(storeRoot) {
    const dir = path.join(storeRoot, layout_1.EVENTS_DIR);
    const problems = [];
    let names;
    try {
        names = await fs.promises.readdir(dir);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return { files: [], problems };
        throw error;
    }
    const realRoot = await fs.promises.realpath(storeRoot).catch(() => path.resolve(storeRoot));
    const files = [];
    for (const name of names) {
        const absPath = path.join(dir, name);
        const file = `${layout_1.EVENTS_DIR}/${name}`;
        const notDay = (0, layout_1.notADayFile)(name);
        if (notDay !== undefined) {
            problems.push({ kind: 'not-a-day-file', file, line: 1, column: 1, message: notDay });
            continue;
        }
        let stat;
        try {
            const link = await fs.promises.lstat(absPath);
            if (link.isSymbolicLink()) {
                const target = await fs.promises.realpath(absPath);
                if (!isInside(realRoot, target)) {
                    problems.push({ kind: 'unreadable', file, line: 1, column: 1, message: `symlink points outside the store (${target}); not followed` });
                    continue;
                }
            }
            stat = await fs.promises.stat(absPath);
        }
        catch (error) {
            problems.push({ kind: 'unreadable', file, line: 1, column: 1, message: `cannot read: ${error.message}` });
            continue;
        }
        if (!stat.isFile()) {
            // A folder or a pipe under an event file's name holds no events, and
            // reading a pipe would wait forever: reported, never opened.
            problems.push({ kind: 'unreadable', file, line: 1, column: 1, message: `not a regular file (${describeKind(stat)}); not read` });
            continue;
        }
        try {
            await fs.promises.access(absPath, fs.constants.R_OK);
        }
        catch (error) {
            problems.push({ kind: 'unreadable', file, line: 1, column: 1, message: `cannot read: ${error.code ?? error.message}` });
            continue;
        }
        const parsed = (0, layout_1.parseEventFileName)(name);
        files.push({
            absPath,
            file,
            size: stat.size,
            mtimeMs: stat.mtimeMs,
            compressed: name.endsWith('.gz'),
            day: parsed?.day ?? null,
        });
    }
    const gzipDays = new Map(files.filter((f) => f.day && f.compressed).map((f) => [f.day, f]));
    const kept = [];
    for (const f of files) {
        const gzip = f.day && !f.compressed ? gzipDays.get(f.day) : undefined;
        if (gzip && (await plainAlreadyInGzip(f.absPath, gzip.absPath))) {
            problems.push({
                kind: 'unreadable',
                file: f.file,
                line: 1,
                column: 1,
                message: `its lines already end ${gzip.file} (a compression stopped before removing it); read once, from ${gzip.file}`,
            });
            continue;
        }
        kept.push(f);
    }
    kept.sort(compareStoreOrder);
    return { files: kept, problems };
}
/** True when the plain file's bytes are the end of the gzip's content (an unreadable gzip never is). */
async function plainAlreadyInGzip(plainPath, gzipPath) {
    try {
        const [plain, unpacked] = await Promise.all([fs.promises.readFile(plainPath), (0, lineReader_1.readFileBytesTolerant)(gzipPath)]);
        if (unpacked.problem || plain.length === 0 || plain.length > unpacked.bytes.length)
            return false;
        return unpacked.bytes.subarray(unpacked.bytes.length - plain.length).equals(plain);
    }
    catch {
        return false;
    }
}
/** By day (a day's gzip before its plain file: the later lines are in the plain one), then undated files by name. */
function compareStoreOrder(a, b) {
    if (a.day && b.day) {
        if (a.day !== b.day)
            return a.day < b.day ? -1 : 1;
        return a.compressed === b.compressed ? 0 : a.compressed ? -1 : 1;
    }
    if (a.day)
        return -1;
    if (b.day)
        return 1;
    return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}
function describeKind(stat) {
    if (stat.isDirectory())
        return 'a folder';
    if (stat.isFIFO())
        return 'a named pipe';
    if (stat.isSocket())
        return 'a socket';
    if (stat.isCharacterDevice() || stat.isBlockDevice())
        return 'a device';
    return 'not a file';
}
function isInside(root, target) {
    const relative = path.relative(root, target);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
//# sourceMappingURL=listEventFiles.js.map