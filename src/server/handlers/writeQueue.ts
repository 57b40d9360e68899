/**
 * Writes to one store run one at a time: a publish, a cleanup and a
 * migration each take the store's writer lock (or remove files under it),
 * and two at once from the same server would only fail each other.
 */
export class WriteQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(storeRoot: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(storeRoot) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    const tail = next.catch(() => undefined);
    this.tails.set(storeRoot, tail);
    void tail.then(() => {
      if (this.tails.get(storeRoot) === tail) this.tails.delete(storeRoot);
    });
    return next;
  }
}
