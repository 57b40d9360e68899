"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SequenceStream = void 0;
exports.checkSequenceRun = checkSequenceRun;
/**
 * EB014-EB016 over one run of sequence numbers: the whole store in store
 * order (global mode) or one aggregate's events in store order (aggregate
 * mode). Sound against reordering:
 *  - a gap is a number truly absent from the run (between its smallest and
 *    largest number), reported once, at the first event after the hole; a
 *    number merely written later is a regression, not a gap;
 *  - a duplicate is reported at every repeat after the first;
 *  - a regression is a number lower than one seen before it.
 * Numbers before the run's smallest are never gaps: TTL cleanup removes the
 * oldest days. Non-integers are skipped (EB006 reports them).
 *
 * `sequences[i]` is the number of `ordinals[i]`.
 */
function checkSequenceRun(index, ordinals, sequences, scope, wanted, issues) {
    let count = 0;
    for (let i = 0; i < ordinals.length; i++)
        if (Number.isInteger(sequences[i]))
            count++;
    const sorted = new Float64Array(count);
    for (let i = 0, j = 0; i < ordinals.length; i++)
        if (Number.isInteger(sequences[i]))
            sorted[j++] = sequences[i];
    const reporter = new RunReporter(index, shapeOfSorted(sorted.sort()), scope, wanted, issues);
    for (let i = 0; i < ordinals.length; i++)
        reporter.visit(ordinals[i], sequences[i]);
}
/** Bits kept per number at most, beside a floor: numbers spread thinner than this are sorted as a column instead. */
const BITS_PER_EVENT = 8;
const MIN_BITS = 1 << 20;
/**
 * The same rules over the whole store in store order (global mode), fed a
 * stretch at a time: the first pass (`visit`) keeps a bit per number
 * between the smallest and the largest (2.5 MB for 10 million events), not
 * a number per event, and reports regressions as it goes; only when the
 * numbers repeat or leave holes does `finish` walk the stretches once more
 * to report those where they are. Numbers spread too thin for bits (a range
 * above 8 per event) are sorted as a column in two more walks.
 */
class SequenceStream {
    index;
    wanted;
    issues;
    seen = new GrowingBits();
    again = new GrowingBits();
    count = 0;
    repeats = 0;
    sparse = false;
    regressions = [];
    online;
    constructor(index, wanted, issues) {
        this.index = index;
        this.wanted = wanted;
        this.issues = issues;
        // Repeats are not known yet on the first walk: it reports regressions only (a repeat is skipped, as a later walk would).
        this.online = new RunReporter(index, { isDuplicated: () => false, gapBefore: undefined }, null, { gap: false, duplicate: false, regression: wanted.regression }, this.regressions);
    }
    visit(from, sequences) {
        if (this.sparse)
            return;
        for (let k = 0; k < sequences.length; k++) {
            const sequence = sequences[k];
            if (!Number.isInteger(sequence))
                continue;
            this.count++;
            if (this.seen.has(sequence)) {
                this.again.set(sequence, this.limit());
                this.repeats++;
                continue;
            }
            if (!this.seen.set(sequence, this.limit())) {
                this.sparse = true;
                return;
            }
            this.online.visit(from + k, sequence);
        }
    }
    /** Reports what needs the whole run known, walking `stretches()` again when there is any. */
    *finish(stretches) {
        if (this.sparse) {
            yield* this.sortedWalks(stretches);
            return;
        }
        this.issues.push(...this.regressions);
        const gapBefore = this.wanted.gap ? this.seen.gapsBefore() : undefined;
        const dupes = this.repeats > 0 && this.wanted.duplicate;
        if (!dupes && (gapBefore === undefined || gapBefore.size === 0))
            return;
        const shape = { isDuplicated: (sequence) => this.again.has(sequence), gapBefore };
        const reporter = new RunReporter(this.index, shape, null, { ...this.wanted, regression: false }, this.issues);
        for (const { from, sequences } of stretches()) {
            for (let k = 0; k < sequences.length; k++)
                reporter.visit(from + k, sequences[k]);
            yield;
        }
    }
    limit() {
        return Math.max(MIN_BITS, BITS_PER_EVENT * this.count);
    }
    *sortedWalks(stretches) {
        let count = 0;
        for (const { sequences } of stretches()) {
            for (let k = 0; k < sequences.length; k++)
                if (Number.isInteger(sequences[k]))
                    count++;
            yield;
        }
        const sorted = new Float64Array(count);
        let j = 0;
        for (const { sequences } of stretches()) {
            for (let k = 0; k < sequences.length; k++)
                if (Number.isInteger(sequences[k]))
                    sorted[j++] = sequences[k];
            yield;
        }
        const reporter = new RunReporter(this.index, shapeOfSorted(sorted.sort()), null, this.wanted, this.issues);
        for (const { from, sequences } of stretches()) {
            for (let k = 0; k < sequences.length; k++)
                reporter.visit(from + k, sequences[k]);
            yield;
        }
    }
}
exports.SequenceStream = SequenceStream;
/** A set of integers as bits over the range seen so far, grown (by doubling) as numbers outside it come. */
class GrowingBits {
    /** The number of bit 0 (a multiple of 8). */
    low = 0;
    bytes = new Uint8Array(0);
    has(n) {
        const bit = n - this.low;
        if (bit < 0 || bit >= this.bytes.length * 8)
            return false;
        return (this.bytes[bit >> 3] & (1 << (bit & 7))) !== 0;
    }
    /** False (nothing set) when holding `n` would take more than `maxBits`. */
    set(n, maxBits) {
        let bit = n - this.low;
        if (this.bytes.length === 0 || bit < 0 || bit >= this.bytes.length * 8) {
            if (!this.grow(n, maxBits))
                return false;
            bit = n - this.low;
        }
        this.bytes[bit >> 3] |= 1 << (bit & 7);
        return true;
    }
    grow(n, maxBits) {
        const empty = this.bytes.length === 0;
        const low = empty ? n : Math.min(this.low, n);
        const high = empty ? n + 1 : Math.max(this.low + this.bytes.length * 8, n + 1);
        if (high - low > maxBits)
            return false;
        // Room on the side that grew (doubling), so a rising counter reallocates log(n) times.
        const span = Math.max(high - low, Math.min(maxBits, Math.max(2 * this.bytes.length * 8, 1024)));
        const start = Math.floor((!empty && n < this.low ? Math.min(low, high - span) : low) / 8) * 8;
        const bytes = new Uint8Array(Math.ceil((Math.max(high, start + span) - start) / 8) + 1);
        if (!empty)
            bytes.set(this.bytes, (this.low - start) / 8);
        this.low = start;
        this.bytes = bytes;
        return true;
    }
    /** For each number that follows a hole in the set: the hole. */
    gapsBefore() {
        const gaps = new Map();
        let previous = Number.NaN;
        for (let byte = 0; byte < this.bytes.length; byte++) {
            if (this.bytes[byte] === 0)
                continue;
            for (let b = 0; b < 8; b++) {
                if (!(this.bytes[byte] & (1 << b)))
                    continue;
                const n = this.low + byte * 8 + b;
                if (n - previous > 1)
                    gaps.set(n, { from: previous + 1, to: n - 1 });
                previous = n;
            }
        }
        return gaps;
    }
}
function shapeOfSorted(sorted) {
    let duplicated;
    let gapBefore;
    for (let i = 1; i < sorted.length; i++) {
        if (sorted[i] === sorted[i - 1])
            (duplicated ??= new Set()).add(sorted[i]);
        else if (sorted[i] - sorted[i - 1] > 1)
            (gapBefore ??= new Map()).set(sorted[i], { from: sorted[i - 1] + 1, to: sorted[i] - 1 });
    }
    return { isDuplicated: (sequence) => duplicated?.has(sequence) ?? false, gapBefore };
}
/** Walks a run in store order and reports what its shape says is wrong at each event. */
class RunReporter {
    index;
    shape;
    scope;
    wanted;
    issues;
    where;
    firstAt = new Map();
    highest = Number.NEGATIVE_INFINITY;
    highestOrdinal = -1;
    constructor(index, shape, scope, wanted, issues) {
        this.index = index;
        this.shape = shape;
        this.scope = scope;
        this.wanted = wanted;
        this.issues = issues;
        this.where = scope === null ? 'bus-wide' : `in aggregate ${scope}`;
    }
    visit(ordinal, sequence) {
        if (!Number.isInteger(sequence))
            return;
        const { index, scope, wanted, issues, where } = this;
        if (this.shape.isDuplicated(sequence)) {
            const first = this.firstAt.get(sequence);
            if (first !== undefined) {
                if (wanted.duplicate) {
                    const firstEvent = index.event(first);
                    issues.push({
                        ordinal,
                        code: 'EB015',
                        field: 'sequence_number',
                        message: `duplicate sequence number ${sequence} ${where} (first at ${firstEvent.file}:${firstEvent.line})`,
                        data: { sequenceNumber: sequence, aggregateId: scope, firstFile: firstEvent.file, firstLine: firstEvent.line },
                    });
                }
                return;
            }
            this.firstAt.set(sequence, ordinal);
        }
        if (sequence < this.highest && wanted.regression) {
            const before = index.event(this.highestOrdinal);
            issues.push({
                ordinal,
                code: 'EB016',
                field: 'sequence_number',
                message: `sequence number ${sequence} ${where} comes after ${this.highest} (${before.file}:${before.line}): it goes back`,
                data: { sequenceNumber: sequence, aggregateId: scope, previous: this.highest },
            });
        }
        const gap = this.shape.gapBefore?.get(sequence);
        if (gap !== undefined && wanted.gap) {
            this.shape.gapBefore?.delete(sequence);
            const missing = gap.to - gap.from + 1;
            const range = missing === 1 ? `${gap.from} is` : `${gap.from}..${gap.to} (${missing} numbers) are`;
            issues.push({
                ordinal,
                code: 'EB014',
                field: 'sequence_number',
                message: `sequence gap ${where}: ${range} missing before ${sequence}`,
                data: { aggregateId: scope, missingFrom: gap.from, missingTo: gap.to },
            });
        }
        if (sequence > this.highest) {
            this.highest = sequence;
            this.highestOrdinal = ordinal;
        }
    }
}
//# sourceMappingURL=sequenceRules.js.map