/**
 * Rebuilt states by sequence, most recently used kept. Holds promises so two
 * views asking for the same sequence at once share one rebuild; a failed
 * rebuild is forgotten so that asking again retries.
 */
export class StateCache<T> {
  private readonly entries = new Map<number, Promise<T>>();

  constructor(
    private readonly fetch: (sequence: number) => Promise<T>,
    private readonly capacity = 64,
  ) {}

  get(sequence: number): Promise<T> {
    const cached = this.entries.get(sequence);
    if (cached) {
      // Re-insert: a Map iterates in insertion order, so the oldest use is first.
      this.entries.delete(sequence);
      this.entries.set(sequence, cached);
      return cached;
    }
    const loading = this.fetch(sequence);
    this.entries.set(sequence, loading);
    loading.catch(() => {
      if (this.entries.get(sequence) === loading) this.entries.delete(sequence);
    });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as number;
      this.entries.delete(oldest);
    }
    return loading;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}
