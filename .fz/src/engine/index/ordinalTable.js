"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OrdinalTable = void 0;
/**
 * An open-addressing hash table from an id's hash to the ordinals holding
 * that id (several ordinals when the id repeats). Each slot keeps the full
 * hash beside the ordinal, so a probe compares ids only for real candidates:
 * looking up a million ids then costs integer compares, not a segment lookup
 * and a byte compare per probe.
 */
class OrdinalTable {
    slots;
    hashes;
    used = 0;
    constructor(expected) {
        let capacity = 16;
        while (capacity < expected * 2)
            capacity *= 2;
        this.slots = new Int32Array(capacity).fill(-1);
        this.hashes = new Int32Array(capacity);
    }
    static restore(slots, hashes, used) {
        const table = new OrdinalTable(0);
        table.slots = slots;
        table.hashes = hashes;
        table.used = used;
        return table;
    }
    get size() {
        return this.used;
    }
    /** For persistence. */
    arrays() {
        return { slots: this.slots, hashes: this.hashes };
    }
    /**
     * Adds the ordinal. Returns how many entries of equal hash it met on the
     * way, their ordinals in `sameHash` (the caller compares ids: duplicates
     * are found while inserting, with no extra pass over the table).
     */
    insert(hash, ordinal, sameHash) {
        if ((this.used + 1) * 2 > this.slots.length)
            this.grow();
        const slots = this.slots;
        const hashes = this.hashes;
        const mask = slots.length - 1;
        let met = 0;
        let slot = hash & mask;
        for (; slots[slot] !== -1; slot = (slot + 1) & mask) {
            if (hashes[slot] === hash && sameHash && met < sameHash.length)
                sameHash[met++] = slots[slot];
        }
        slots[slot] = ordinal;
        hashes[slot] = hash;
        this.used++;
        return met;
    }
    /**
     * The ordinals whose id has this hash (the caller compares the ids),
     * into `out` (cleared first); returns how many. A reused array and no
     * callback: this runs once per event in store-wide checks.
     */
    candidates(hash, out) {
        out.length = 0;
        const slots = this.slots;
        const hashes = this.hashes;
        const mask = slots.length - 1;
        for (let slot = hash & mask; slots[slot] !== -1; slot = (slot + 1) & mask) {
            if (hashes[slot] === hash)
                out.push(slots[slot]);
        }
        return out.length;
    }
    grow() {
        const oldSlots = this.slots;
        const oldHashes = this.hashes;
        this.slots = new Int32Array(oldSlots.length * 2).fill(-1);
        this.hashes = new Int32Array(oldSlots.length * 2);
        for (let k = 0; k < oldSlots.length; k++)
            if (oldSlots[k] !== -1)
                place(this.slots, this.hashes, oldHashes[k], oldSlots[k]);
    }
}
exports.OrdinalTable = OrdinalTable;
function place(slots, hashes, hash, ordinal) {
    const mask = slots.length - 1;
    let slot = hash & mask;
    while (slots[slot] !== -1)
        slot = (slot + 1) & mask;
    slots[slot] = ordinal;
    hashes[slot] = hash;
}
//# sourceMappingURL=ordinalTable.js.map