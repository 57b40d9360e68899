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
exports.PagedIndexFile = exports.DamagedIndexError = void 0;
const fs = __importStar(require("node:fs"));
const zlib = __importStar(require("node:zlib"));
const diskIndexFormat_1 = require("./diskIndexFormat");
const diskIndexWriter_1 = require("./diskIndexWriter");
/** The persisted index turned out damaged while being read: it is removed and rebuilt on the next open. */
class DamagedIndexError extends Error {
    constructor(file, what) {
        super(`the persisted index ${file} is damaged (${what}); it was removed and is rebuilt on the next open`);
        this.name = 'DamagedIndexError';
    }
}
exports.DamagedIndexError = DamagedIndexError;
/** Pages kept in memory (256 KiB of 1 KiB pages): enough for the directories a query walks, bounded whatever the store. */
const CACHED_PAGES = 256;
/**
 * Positioned, checksummed reads of an index file's body. Every page read is
 * checked against its CRC before use, so a flipped byte is never taken for
 * an answer. Reads go into reused buffers; a few pages are cached.
 */
class PagedIndexFile {
    file;
    fd;
    header;
    bodyStart;
    /** Bytes read from the file so far (for tests proving a query reads little). */
    bytesRead = 0;
    pages = new Map();
    crcChunks = new Map();
    scratch = Buffer.allocUnsafe(diskIndexFormat_1.PAGE_BYTES * 4);
    closed = false;
    constructor(file, fd, header, bodyStart) {
        this.file = file;
        this.fd = fd;
        this.header = header;
        this.bodyStart = bodyStart;
    }
    /** The file's header, or null when it is missing, foreign, of another version, truncated or damaged. */
    static open(file) {
        let fd;
        try {
            fd = fs.openSync(file, 'r');
        }
        catch {
            return null;
        }
        try {
            const size = fs.fstatSync(fd).size;
            const prefix = Buffer.alloc(diskIndexFormat_1.PREFIX_BYTES);
            if (size < diskIndexFormat_1.PREFIX_BYTES || fs.readSync(fd, prefix, 0, diskIndexFormat_1.PREFIX_BYTES, 0) !== diskIndexFormat_1.PREFIX_BYTES)
                throw new Error('short');
            if (prefix.readUInt32LE(0) !== diskIndexFormat_1.DISK_INDEX_MAGIC || prefix.readUInt32LE(4) !== diskIndexFormat_1.DISK_INDEX_VERSION)
                throw new Error('foreign');
            const headerLength = prefix.readUInt32LE(8);
            if (headerLength > size - diskIndexFormat_1.PREFIX_BYTES)
                throw new Error('short');
            const headerBytes = Buffer.alloc(headerLength);
            if (fs.readSync(fd, headerBytes, 0, headerLength, diskIndexFormat_1.PREFIX_BYTES) !== headerLength)
                throw new Error('short');
            if (zlib.crc32(headerBytes) !== prefix.readUInt32LE(12))
                throw new Error('header checksum');
            const header = JSON.parse(headerBytes.toString('utf8'));
            if (header.format !== diskIndexFormat_1.DISK_INDEX_VERSION || header.totalLength !== size)
                throw new Error('length');
            const opened = new PagedIndexFile(file, fd, header, (0, diskIndexWriter_1.bodyStartFor)(headerLength));
            opened.bytesRead = diskIndexFormat_1.PREFIX_BYTES + headerLength;
            return opened;
        }
        catch {
            fs.closeSync(fd);
            return null;
        }
    }
    close() {
        if (this.closed)
            return;
        this.closed = true;
        fs.closeSync(this.fd);
        this.pages.clear();
    }
    /** Where the bytes asked of the last `locate` start in the buffer it returned. */
    start = 0;
    /**
     * `length` bytes of the body from `offset`, checked: a view of them, valid
     * until the next read (it is a reused buffer or a cached page).
     */
    read(offset, length) {
        const buffer = this.locate(offset, length);
        return buffer.subarray(this.start, this.start + length);
    }
    /** A u32 of the body (no view made: directories are read a word at a time). */
    u32(offset) {
        return this.locate(offset, 4).readUInt32LE(this.start);
    }
    f64(offset) {
        return this.locate(offset, 8).readDoubleLE(this.start);
    }
    /**
     * Like `read`, without making a view (views are costly to collect when a
     * question makes thousands of reads): returns the buffer holding the
     * bytes, which start at `this.start`.
     */
    locate(offset, length) {
        if (length === 0) {
            this.start = 0;
            return this.scratch;
        }
        if (offset < 0 || offset + length > this.header.bodyLength)
            this.damaged(`a read of ${length} bytes at ${offset} falls outside the body`);
        const first = Math.floor(offset / diskIndexFormat_1.PAGE_BYTES);
        const last = Math.floor((offset + length - 1) / diskIndexFormat_1.PAGE_BYTES);
        if (first === last) {
            this.start = offset - first * diskIndexFormat_1.PAGE_BYTES;
            return this.page(first);
        }
        const span = (last - first + 1) * diskIndexFormat_1.PAGE_BYTES;
        if (this.scratch.length < span)
            this.scratch = Buffer.allocUnsafe(Math.max(span, this.scratch.length * 2));
        const scratch = this.scratch;
        // Pages already cached are copied; the rest is read in one go and checked page by page.
        let p = first;
        while (p <= last) {
            const cached = this.pages.get(p);
            if (cached) {
                cached.copy(scratch, (p - first) * diskIndexFormat_1.PAGE_BYTES);
                p++;
                continue;
            }
            let q = p;
            while (q + 1 <= last && !this.pages.has(q + 1))
                q++;
            this.readExactly(scratch, this.bodyStart + p * diskIndexFormat_1.PAGE_BYTES, (p - first) * diskIndexFormat_1.PAGE_BYTES, (q - p + 1) * diskIndexFormat_1.PAGE_BYTES);
            for (let k = p; k <= q; k++)
                this.check(k, scratch, (k - first) * diskIndexFormat_1.PAGE_BYTES);
            p = q + 1;
        }
        this.start = offset - first * diskIndexFormat_1.PAGE_BYTES;
        return scratch;
    }
    /** A copy of the bytes (for callers that read again before they are done with them). */
    readCopy(offset, length) {
        return Buffer.from(this.read(offset, length));
    }
    page(p) {
        const cached = this.pages.get(p);
        if (cached) {
            this.pages.delete(p);
            this.pages.set(p, cached);
            return cached;
        }
        const page = this.pages.size >= CACHED_PAGES ? this.evictOldest() : Buffer.allocUnsafe(diskIndexFormat_1.PAGE_BYTES);
        this.readExactly(page, this.bodyStart + p * diskIndexFormat_1.PAGE_BYTES, 0, diskIndexFormat_1.PAGE_BYTES);
        this.check(p, page, 0);
        this.pages.set(p, page);
        return page;
    }
    evictOldest() {
        const [oldest, page] = this.pages.entries().next().value;
        this.pages.delete(oldest);
        return page;
    }
    readExactly(into, position, at, length) {
        let done = 0;
        while (done < length) {
            const read = fs.readSync(this.fd, into, at + done, length - done, position + done);
            if (read <= 0)
                this.damaged('the file ended early');
            done += read;
        }
        this.bytesRead += length;
    }
    /** Checks the page held at `buffer[at, at + PAGE_BYTES)`. */
    check(p, buffer, at) {
        const chunk = Math.floor(p / diskIndexFormat_1.CRC_CHUNK_PAGES);
        let crcs = this.crcChunks.get(chunk);
        if (!crcs) {
            const pages = this.header.bodyLength / diskIndexFormat_1.PAGE_BYTES;
            const count = Math.min(diskIndexFormat_1.CRC_CHUNK_PAGES, pages - chunk * diskIndexFormat_1.CRC_CHUNK_PAGES);
            crcs = Buffer.alloc(count * 4);
            this.readExactly(crcs, this.header.crcTableOffset + chunk * diskIndexFormat_1.CRC_CHUNK_PAGES * 4, 0, crcs.length);
            if (zlib.crc32(crcs) !== this.header.crcChunks[chunk])
                this.damaged('its checksum table does not match');
            this.crcChunks.set(chunk, crcs);
        }
        const page = at === 0 && buffer.length === diskIndexFormat_1.PAGE_BYTES ? buffer : buffer.subarray(at, at + diskIndexFormat_1.PAGE_BYTES);
        if (zlib.crc32(page) !== crcs.readUInt32LE((p - chunk * diskIndexFormat_1.CRC_CHUNK_PAGES) * 4))
            this.damaged(`page ${p} does not match its checksum`);
    }
    damaged(what) {
        try {
            fs.rmSync(this.file, { force: true });
        }
        catch {
            // Removing is a courtesy: a damaged file is refused by its checksums anyway.
        }
        throw new DamagedIndexError(this.file, what);
    }
}
exports.PagedIndexFile = PagedIndexFile;
//# sourceMappingURL=pagedIndexFile.js.map