"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ByteInterner = void 0;
exports.hashBytes = hashBytes;
/**
 * Gives each distinct string (aggregate ids, correlation ids, types…) a small
 * integer, looking it up by its UTF-8 bytes so that the hot indexing loop
 * builds a JS string only the first time a value is seen.
 */
class ByteInterner {
    /** Decoded strings by id; filled lazily after a restore (decoding 270,000 ids up front costs more than reopening). */
    decoded = [];
    count = 0;
    slots = new Int32Array(1024).fill(-1);
    hashes = new Int32Array(512);
    pool = Buffer.alloc(16 * 1024);
    poolView = viewOf(this.pool);
    poolUsed = 0;
    starts = new Int32Array(512);
    ends = new Int32Array(512);
    /** Everything needed to rebuild the interner without re-hashing (for the persisted index). */
    exportState() {
        return {
            count: this.count,
            slots: this.slots,
            hashes: this.hashes.subarray(0, this.count),
            pool: this.pool.subarray(0, this.poolUsed),
            starts: this.starts.subarray(0, this.count),
            ends: this.ends.subarray(0, this.count),
        };
    }
    static fromState(state) {
        const interner = new ByteInterner();
        const count = state.count;
        interner.count = count;
        interner.decoded = new Array(count);
        interner.slots = Int32Array.from(state.slots);
        interner.hashes = grow(state.hashes, Math.max(count * 2, 16));
        interner.starts = grow(state.starts, Math.max(count * 2, 16));
        interner.ends = grow(state.ends, Math.max(count * 2, 16));
        interner.pool = Buffer.alloc(Math.max(state.pool.length * 2, 1024));
        interner.pool.set(state.pool);
        interner.poolView = viewOf(interner.pool);
        interner.poolUsed = state.pool.length;
        return interner;
    }
    get size() {
        return this.count;
    }
    /** The string with this id (ids come from `intern`). */
    stringOf(id) {
        let text = this.decoded[id];
        if (text === undefined) {
            if (id < 0 || id >= this.count)
                throw new RangeError(`no interned string ${id}`);
            text = this.pool.toString('utf8', this.starts[id], this.ends[id]);
            this.decoded[id] = text;
        }
        return text;
    }
    /** Every string in id order. */
    allStrings() {
        const all = new Array(this.count);
        for (let id = 0; id < this.count; id++)
            all[id] = this.stringOf(id);
        return all;
    }
    /**
     * The id of the string whose UTF-8 bytes are `buf[start, end)`. The string
     * itself is only built when asked for (`stringOf`): most of a store's
     * correlation ids are never displayed.
     */
    internBytes(buf, start, end) {
        const hash = internHash(buf, start, end);
        const mask = this.slots.length - 1;
        let slot = hash & mask;
        for (;;) {
            const id = this.slots[slot];
            if (id === -1)
                break;
            if (this.hashes[id] === hash && this.sameBytes(id, buf, start, end))
                return id;
            slot = (slot + 1) & mask;
        }
        return this.add(hash, slot, buf, start, end);
    }
    /**
     * `internBytes` for the indexing loop: `view` is a DataView over `buf`, so
     * that hashing and comparing read four bytes at a time (same ids, same
     * hashes as `internBytes`).
     */
    internSpan(buf, view, start, end) {
        const length = end - start;
        if (length < 8)
            return this.internBytes(buf, start, end);
        const hash = wordHash(view, start, end, buf[start]);
        const mask = this.slots.length - 1;
        let slot = hash & mask;
        for (;;) {
            const id = this.slots[slot];
            if (id === -1)
                break;
            if (this.hashes[id] === hash && this.sameWords(id, view, start, end))
                return id;
            slot = (slot + 1) & mask;
        }
        return this.add(hash, slot, buf, start, end);
    }
    /**
     * Makes room for `count` strings of about `bytesEach` bytes in all, so that
     * filling up to there never rehashes (a rehash re-places every id at a
     * random slot: for a quarter of a million correlation ids that is paid
     * again at each doubling).
     */
    reserve(count, bytesEach) {
        if (count <= this.count)
            return;
        let slots = this.slots.length;
        while (count * 2 > slots)
            slots *= 2;
        if (slots > this.slots.length) {
            this.slots = new Int32Array(slots);
            this.rehashInto(this.slots);
        }
        if (count > this.hashes.length) {
            this.hashes = grow(this.hashes, count);
            this.starts = grow(this.starts, count);
            this.ends = grow(this.ends, count);
        }
        const poolBytes = Math.ceil(count * bytesEach);
        if (poolBytes > this.pool.length) {
            const bigger = Buffer.alloc(poolBytes);
            this.pool.copy(bigger, 0, 0, this.poolUsed);
            this.pool = bigger;
            this.poolView = viewOf(bigger);
        }
    }
    /** Average bytes per string so far. */
    get averageBytes() {
        return this.count > 0 ? this.poolUsed / this.count : 0;
    }
    intern(text) {
        const bytes = Buffer.from(text, 'utf8');
        return this.internBytes(bytes, 0, bytes.length);
    }
    /** The id of `text` if it was interned, else -1. */
    lookup(text) {
        const bytes = Buffer.from(text, 'utf8');
        const hash = internHash(bytes, 0, bytes.length);
        const mask = this.slots.length - 1;
        let slot = hash & mask;
        for (;;) {
            const id = this.slots[slot];
            if (id === -1)
                return -1;
            if (this.hashes[id] === hash && this.sameBytes(id, bytes, 0, bytes.length))
                return id;
            slot = (slot + 1) & mask;
        }
    }
    add(hash, slot, buf, start, end) {
        const id = this.count++;
        if (id >= this.hashes.length) {
            this.hashes = grow(this.hashes, id * 2);
            this.starts = grow(this.starts, id * 2);
            this.ends = grow(this.ends, id * 2);
        }
        const length = end - start;
        if (this.poolUsed + length > this.pool.length) {
            const bigger = Buffer.alloc(Math.max(this.pool.length * 2, this.poolUsed + length));
            this.pool.copy(bigger, 0, 0, this.poolUsed);
            this.pool = bigger;
            this.poolView = viewOf(bigger);
        }
        // A byte loop, not `set(subarray)`: ids are short, and a view object per new id is garbage by the hundred thousand.
        const pool = this.pool;
        for (let i = 0, at = this.poolUsed; i < length; i++)
            pool[at + i] = buf[start + i];
        this.hashes[id] = hash;
        this.starts[id] = this.poolUsed;
        this.ends[id] = this.poolUsed + length;
        this.poolUsed += length;
        this.slots[slot] = id;
        if ((id + 1) * 2 > this.slots.length)
            this.rehash();
        return id;
    }
    sameBytes(id, buf, start, end) {
        const from = this.starts[id];
        if (this.ends[id] - from !== end - start)
            return false;
        const pool = this.pool;
        // From the end: ids that differ mostly differ there.
        for (let i = end - 1, j = this.ends[id] - 1; i >= start; i--, j--)
            if (buf[i] !== pool[j])
                return false;
        return true;
    }
    /** `sameBytes` four bytes at a time (`end - start` is at least 8): the last word overlaps the one before it. */
    sameWords(id, view, start, end) {
        const from = this.starts[id];
        const length = end - start;
        if (this.ends[id] - from !== length)
            return false;
        const pool = this.poolView;
        const last = length - 4;
        for (let i = last; i > 0; i -= 4)
            if (view.getInt32(start + i, true) !== pool.getInt32(from + i, true))
                return false;
        return view.getInt32(start, true) === pool.getInt32(from, true);
    }
    rehash() {
        this.slots = new Int32Array(this.slots.length * 2);
        this.rehashInto(this.slots);
    }
    rehashInto(slots) {
        slots.fill(-1);
        const mask = slots.length - 1;
        for (let id = 0; id < this.count; id++) {
            let slot = this.hashes[id] & mask;
            while (slots[slot] !== -1)
                slot = (slot + 1) & mask;
            slots[slot] = id;
        }
    }
}
exports.ByteInterner = ByteInterner;
/** FNV-1a, 31 bits. */
function hashBytes(buf, start, end) {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) {
        hash ^= buf[i];
        hash = Math.imul(hash, 0x01000193);
    }
    return hash & 0x7fffffff;
}
/**
 * Hash of the length, the first byte and the last 8 bytes: ids differ at
 * their ends (counters, random UUID tails), and equality is checked on the
 * full bytes anyway, so hashing every byte of a 36-byte id buys nothing.
 */
function internHash(buf, start, end) {
    const length = end - start;
    if (length < 8)
        return hashBytes(buf, start, end);
    let hash = Math.imul(length ^ (buf[start] << 8), 0x9e3779b1);
    const tail = end - 8;
    hash ^= buf[tail] | (buf[tail + 1] << 8) | (buf[tail + 2] << 16) | (buf[tail + 3] << 24);
    hash = Math.imul(hash, 0x85ebca6b);
    hash ^= buf[tail + 4] | (buf[tail + 5] << 8) | (buf[tail + 6] << 16) | (buf[tail + 7] << 24);
    hash = Math.imul(hash ^ (hash >>> 15), 0xc2b2ae35);
    return (hash ^ (hash >>> 13)) & 0x7fffffff;
}
/** `internHash` for 8 bytes or more, reading the tail as two little-endian words (the same value). */
function wordHash(view, start, end, first) {
    const length = end - start;
    let hash = Math.imul(length ^ (first << 8), 0x9e3779b1);
    hash ^= view.getInt32(end - 8, true);
    hash = Math.imul(hash, 0x85ebca6b);
    hash ^= view.getInt32(end - 4, true);
    hash = Math.imul(hash ^ (hash >>> 15), 0xc2b2ae35);
    return (hash ^ (hash >>> 13)) & 0x7fffffff;
}
function viewOf(buf) {
    return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
}
function grow(array, size) {
    const bigger = new Int32Array(Math.max(size, 16, array.length));
    bigger.set(array);
    return bigger;
}
//# sourceMappingURL=byteInterner.js.map