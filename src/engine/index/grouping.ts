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

  /** Builds from group ids held in consecutive column chunks (one per file): ordinal = chunk base + position. */
  rebuild(chunks: readonly Int32Array[], counts: readonly number[], groups: number): void {
    const starts = new Int32Array(groups + 1);
    for (let k = 0; k < chunks.length; k++) {
      const chunk = chunks[k];
      for (let i = 0, n = counts[k]; i < n; i++) {
        const g = chunk[i];
        if (g >= 0) starts[g + 1]++;
      }
    }
    for (let g = 0; g < groups; g++) starts[g + 1] += starts[g];
    const fill = starts.slice(0, groups);
    const members = new Int32Array(starts[groups]);
    let ordinal = 0;
    for (let k = 0; k < chunks.length; k++) {
      const chunk = chunks[k];
      for (let i = 0, n = counts[k]; i < n; i++, ordinal++) {
        const g = chunk[i];
        if (g >= 0) members[fill[g]++] = ordinal;
      }
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

  /**
   * Orders each base group by `key(ordinal)` (an aggregate's events by
   * sequence number), NaN keys last, ties in ordinal order. Groups already in
   * order (the usual case) are only checked.
   */
  sortGroupsBy(key: Float64Array): void {
    const members = this.members;
    for (let g = 0; g + 1 < this.starts.length; g++) {
      const from = this.starts[g];
      const to = this.starts[g + 1];
      let sorted = true;
      for (let k = from + 1; k < to; k++) {
        if (!(key[members[k - 1]] <= key[members[k]])) {
          sorted = false;
          break;
        }
      }
      if (sorted) continue;
      members.subarray(from, to).sort((a, b) => compareKeys(key[a], key[b]) || a - b);
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

function compareKeys(a: number, b: number): number {
  if (a === b) return 0;
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
  if (Number.isNaN(b)) return -1;
  return a - b;
}
