"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.GROUPINGS = exports.STRING_TABLES = exports.TIME_CHECKPOINT_BYTES = exports.TIME_CHECKPOINT_EVERY = exports.BLOCK_EVENTS = exports.CRC_CHUNK_PAGES = exports.PAGE_BYTES = exports.PREFIX_BYTES = exports.DISK_INDEX_FILE_NAME = exports.DISK_INDEX_VERSION = exports.DISK_INDEX_MAGIC = void 0;
exports.bucketBitsFor = bucketBitsFor;
exports.bucketOf = bucketOf;
exports.fingerprintOf = fingerprintOf;
exports.timestampScaleFor = timestampScaleFor;
exports.scaledExactly = scaledExactly;
/**
 * The persisted index, laid out to be queried where it lies:
 *
 *   [prefix 20 B: magic, version, header length, header CRC-32, reserved]
 *   [header: JSON, small: counts, files, mode, time range, section table]
 *   [body: sections, checked page by page (4 KiB) against a CRC table]
 *   [CRC table: one CRC-32 per body page, itself checked per 1,024 pages from the header]
 *
 * Opening reads the prefix and the header only; a query reads the pages of
 * the sections it needs. It is a cache: a wrong magic, version, length or
 * checksum means "rebuild it", never "trust it".
 */
exports.DISK_INDEX_MAGIC = 0x32584245; // "EBX2"
exports.DISK_INDEX_VERSION = 1;
exports.DISK_INDEX_FILE_NAME = 'index.ebx';
exports.PREFIX_BYTES = 20;
exports.PAGE_BYTES = 1024;
/** CRC table entries covered by one CRC in the header. */
exports.CRC_CHUNK_PAGES = 1024;
/** Events per record block (a block is the unit read to answer `event(ordinal)`). */
exports.BLOCK_EVENTS = 32;
/** Entries of the time order between two checkpoints. */
exports.TIME_CHECKPOINT_EVERY = 128;
/** Bytes of one time checkpoint: timestamp f64, ordinal u32, byte offset u32. */
exports.TIME_CHECKPOINT_BYTES = 16;
/** The string columns persisted as sorted tables (ids in the index are positions in them). */
exports.STRING_TABLES = ['type', 'source', 'status', 'schemaVersion', 'aggregate', 'correlation'];
exports.GROUPINGS = ['aggregate', 'correlation', 'type', 'source'];
/** How many top bits choose the bucket of a hash table of `entries` (about 8 entries a bucket). */
function bucketBitsFor(entries) {
    let bits = 0;
    while (bits < 24 && entries / 2 ** bits > 8)
        bits++;
    return bits;
}
function bucketOf(hash, bits) {
    return bits === 0 ? 0 : hash >>> (31 - bits);
}
function fingerprintOf(hash) {
    return hash & 0xffff;
}
/** The timestamp scale that stores every timestamp exactly (1: whole ms, 1000: µs, 1e6: ns), or 0. */
function timestampScaleFor(isExactAt) {
    for (const scale of [1, 1000, 1_000_000])
        if (isExactAt(scale))
            return scale;
    return 0;
}
function scaledExactly(ts, scale) {
    const scaled = ts * scale;
    return Math.abs(scaled) < 2 ** 52 && Math.round(scaled) / scale === ts;
}
//# sourceMappingURL=diskIndexFormat.js.map