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
exports.EventBodyReader = void 0;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const listEventFiles_1 = require("./listEventFiles");
const lineReader_1 = require("./lineReader");
function realpathOr(file) {
    try {
        return fs.realpathSync(file);
    }
    catch {
        return path.resolve(file);
    }
}
/**
 * Reads event lines by file + offset + length: positional reads on plain
 * files (a few open descriptors kept), and for gzip files their decompressed
 * bytes, the last few kept, since a gzip stream cannot be entered mid-way.
 */
class EventBodyReader {
    storeRoot;
    limits;
    maxOpen;
    maxDecompressed;
    descriptors = new Map();
    decompressed = new Map();
    realRoot;
    constructor(storeRoot, limits = {}, maxOpen = 32, maxDecompressed = 2) {
        this.storeRoot = storeRoot;
        this.limits = limits;
        this.maxOpen = maxOpen;
        this.maxDecompressed = maxDecompressed;
    }
    readLine(file, offset, length) {
        if (file.endsWith('.gz')) {
            const bytes = this.decompressedBytes(file);
            return bytes.subarray(offset, offset + length);
        }
        const fd = this.descriptor(file);
        const buffer = Buffer.allocUnsafe(length);
        let done = 0;
        while (done < length) {
            const read = fs.readSync(fd, buffer, done, length - done, offset + done);
            if (read <= 0)
                throw new Error(`${file}: expected ${length} bytes at offset ${offset}, the file ended (was it truncated?)`);
            done += read;
        }
        return buffer;
    }
    /** Forgets cached descriptors and bytes of a file that changed or went away. */
    forget(file) {
        const fd = this.descriptors.get(file);
        if (fd !== undefined) {
            fs.closeSync(fd);
            this.descriptors.delete(file);
        }
        this.decompressed.delete(file);
    }
    close() {
        for (const fd of this.descriptors.values())
            fs.closeSync(fd);
        this.descriptors.clear();
        this.decompressed.clear();
    }
    descriptor(file) {
        let fd = this.descriptors.get(file);
        if (fd !== undefined)
            return fd;
        if (this.descriptors.size >= this.maxOpen) {
            const [oldest, oldFd] = this.descriptors.entries().next().value;
            fs.closeSync(oldFd);
            this.descriptors.delete(oldest);
        }
        fd = fs.openSync(this.insidePath(file), 'r');
        this.descriptors.set(file, fd);
        return fd;
    }
    /**
     * The file's path, once it is known to resolve inside the store: a file
     * indexed as a plain file or an inside link may since have been replaced by
     * a symlink to somewhere else, whose bytes are not the store's to show.
     */
    insidePath(file) {
        const absPath = path.join(this.storeRoot, file);
        this.realRoot ??= realpathOr(this.storeRoot);
        const target = realpathOr(absPath);
        if (!(0, listEventFiles_1.isInside)(this.realRoot, target))
            throw new Error(`${file}: now resolves outside the store (${target}); not read`);
        return absPath;
    }
    decompressedBytes(file) {
        const cached = this.decompressed.get(file);
        if (cached)
            return cached;
        const { bytes } = (0, lineReader_1.gunzipTolerant)(fs.readFileSync(this.insidePath(file)), this.limits);
        if (this.decompressed.size >= this.maxDecompressed) {
            const oldest = this.decompressed.keys().next().value;
            this.decompressed.delete(oldest);
        }
        this.decompressed.set(file, bytes);
        return bytes;
    }
}
exports.EventBodyReader = EventBodyReader;
//# sourceMappingURL=eventBodyReader.js.map