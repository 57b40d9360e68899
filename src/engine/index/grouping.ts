/**
 * Ordinals grouped by an interned column (aggregate, correlation, type,
 * source), in compressed-row form: one Int32Array of members and one of
 * group starts, instead of a JS array per group (270,000 correlations would
 * otherwise be 270,000 arrays). Appends go to a small side map until the
 * next rebuild folds them in.
 */
export class Grouping {
  private starts: Int32Array = new Int32Array(1);
  private members: Int32Array = new Int32Array(0);
  private appended = new Map<number, number[]>();
  private appendedCount = 0;

  /** Builds from `groupOf(ordinal)` for ordinals 0..count-1 (-1 = in no group). */
  rebuild(count: number, groups: number, groupOf: (ordinal: number) => number): void {
    const starts = new Int32Array(groups + 1);
    for (let o = 0; o < count; o++) {
      const g = groupOf(o);
      if (g >= 0) starts[g + 1]++;
    }
    for (let g = 0; g < groups; g++) starts[g + 1] += starts[g];
    const fill = starts.slice(0, groups);
    const members = new Int32Array(starts[groups]);
    for (let o = 0; o < count; o++) {
      const g = groupOf(o);
      if (g >= 0) members[fill[g]++] = o;
    }
    this.starts = starts;
    this.members = members;
    this.appended = new Map();
    this.appendedCount = 0;
  }

  add(group: number, ordinal: number): void {
    if (group < 0) return;
    let list = this.appended.get(group);
    if (!list) this.appended.set(group, (list = []));
    list.push(ordinal);
    this.appendedCount++;
  }

  get pendingAppends(): number {
    return this.appendedCount;
  }

  /** Members of the group in ordinal order. */
  list(group: number): number[] {
    const base = group >= 0 && group + 1 < this.starts.length ? Array.from(this.members.subarray(this.starts[group], this.starts[group + 1])) : [];
    const extra = this.appended.get(group);
    return extra ? base.concat(extra) : base;
  }

  size(group: number): number {
    const base = group >= 0 && group + 1 < this.starts.length ? this.starts[group + 1] - this.starts[group] : 0;
    return base + (this.appended.get(group)?.length ?? 0);
  }

  /** Sorts each base group's slice by `compare` (used to put an aggregate's events in sequence order). */
  sortGroups(compare: (a: number, b: number) => number, isSorted: (slice: Int32Array) => boolean): void {
    for (let g = 0; g + 1 < this.starts.length; g++) {
      const slice = this.members.subarray(this.starts[g], this.starts[g + 1]);
      if (slice.length > 1 && !isSorted(slice)) slice.sort(compare);
    }
  }

  /** For persistence. */
  arrays(): { starts: Int32Array; members: Int32Array } {
    return { starts: this.starts, members: this.members };
  }

  restore(starts: Int32Array, members: Int32Array): void {
    this.starts = starts;
    this.members = members;
    this.appended = new Map();
    this.appendedCount = 0;
  }
}
