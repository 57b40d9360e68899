/** The last `capacity` items, oldest dropped first; O(1) per push, no array shifting. */
export class HistoryRing<T> {
  private readonly items: (T | undefined)[];
  private next = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    this.items = new Array<T | undefined>(Math.max(0, Math.floor(capacity)));
  }

  push(item: T): void {
    const capacity = this.items.length;
    if (capacity === 0) return;
    this.items[this.next] = item;
    this.next = this.next + 1 === capacity ? 0 : this.next + 1;
    if (this.count < capacity) this.count++;
  }

  get size(): number {
    return this.count;
  }

  /** Oldest first; at most `limit` of the newest items when given. */
  toArray(limit = this.count): T[] {
    const take = Math.max(0, Math.min(limit, this.count));
    const capacity = this.items.length;
    const result = new Array<T>(take);
    let index = (this.next - take + capacity) % capacity;
    for (let i = 0; i < take; i++) {
      result[i] = this.items[index] as T;
      index = index + 1 === capacity ? 0 : index + 1;
    }
    return result;
  }
}
