"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Grouping = void 0;
/**
 * Ordinals grouped by an interned column (aggregate, correlation, type,
 * source), in compressed-row form: one Int32Array of members and one of
 * group starts, instead of a JS array per group (270,000 correlations would
 * otherwise be 270,000 arrays). Appends go to a small side map until the
 * next rebuild folds them in.
 */
class Grouping {
    starts = new Int32Array(1);
    members = new Int32Array(0);
    appended = new Map();
    appendedCount = 0;
    /** Builds from group ids held in consecutive column chunks (one per file): ordinal = chunk base + position. */
    rebuild(chunks, counts, groups) {
        const starts = new Int32Array(groups + 1);
        for (let k = 0; k < chunks.length; k++) {
            const chunk = chunks[k];
            for (let i = 0, n = counts[k]; i < n; i++) {
                const g = chunk[i];
                if (g >= 0)
                    starts[g + 1]++;
            }
        }
        for (let g = 0; g < groups; g++)
            starts[g + 1] += starts[g];
        const fill = starts.slice(0, groups);
        const members = new Int32Array(starts[groups]);
        let ordinal = 0;
        for (let k = 0; k < chunks.length; k++) {
            const chunk = chunks[k];
            for (let i = 0, n = counts[k]; i < n; i++, ordinal++) {
                const g = chunk[i];
                if (g >= 0)
                    members[fill[g]++] = ordinal;
            }
        }
        this.starts = starts;
        this.members = members;
        this.appended = new Map();
        this.appendedCount = 0;
    }
    add(group, ordinal) {
        if (group < 0)
            return;
        let list = this.appended.get(group);
        if (!list)
            this.appended.set(group, (list = []));
        list.push(ordinal);
        this.appendedCount++;
    }
    get pendingAppends() {
        return this.appendedCount;
    }
    /** Members of the group in ordinal order. */
    list(group) {
        const base = group >= 0 && group + 1 < this.starts.length ? Array.from(this.members.subarray(this.starts[group], this.starts[group + 1])) : [];
        const extra = this.appended.get(group);
        return extra ? base.concat(extra) : base;
    }
    size(group) {
        const base = group >= 0 && group + 1 < this.starts.length ? this.starts[group + 1] - this.starts[group] : 0;
        return base + (this.appended.get(group)?.length ?? 0);
    }
    /**
     * Orders each base group by `key[ordinal]` (an aggregate's events by
     * sequence number), NaN keys last, ties in ordinal order. `chunks` and
     * `counts` are what the groups were built from. Groups already in order
     * (the usual case) are only checked, in one pass in ordinal order: reading
     * the keys group by group instead would jump all over them.
     */
    sortGroupsBy(key, chunks, counts) {
        const groups = this.starts.length - 1;
        const last = new Float64Array(groups);
        // 0: no member yet, 1: in order so far, 2: out of order.
        const state = new Uint8Array(groups);
        let ordinal = 0;
        for (let k = 0; k < chunks.length; k++) {
            const chunk = chunks[k];
            for (let i = 0, n = counts[k]; i < n; i++, ordinal++) {
                const g = chunk[i];
                if (g < 0 || g >= groups)
                    continue;
                const value = key[ordinal];
                if (state[g] === 1 && !(last[g] <= value))
                    state[g] = 2;
                else if (state[g] === 0)
                    state[g] = Number.isNaN(value) ? 2 : 1;
                last[g] = value;
            }
        }
        const members = this.members;
        for (let g = 0; g < groups; g++) {
            if (state[g] !== 2)
                continue;
            members.subarray(this.starts[g], this.starts[g + 1]).sort((a, b) => compareKeys(key[a], key[b]) || a - b);
        }
    }
    /** For persistence. */
    arrays() {
        return { starts: this.starts, members: this.members };
    }
    restore(starts, members) {
        this.starts = starts;
        this.members = members;
        this.appended = new Map();
        this.appendedCount = 0;
    }
}
exports.Grouping = Grouping;
function compareKeys(a, b) {
    if (a === b)
        return 0;
    if (Number.isNaN(a))
        return Number.isNaN(b) ? 0 : 1;
    if (Number.isNaN(b))
        return -1;
    return a - b;
}
//# sourceMappingURL=grouping.js.map