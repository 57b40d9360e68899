import { StatusRequest, type StoreStatus } from '../../../shared/protocol';
import type { SendRequest } from './requester';

/**
 * The stores the server has open, as StatusRequest last reported them. The
 * views' top level, the status bar and the welcome context key read it.
 */
export class StoreRegistry {
  private current: StoreStatus[] = [];
  private known = false;
  private readonly listeners = new Set<() => void>();
  private inFlight: Promise<void> | undefined;
  private again = false;

  constructor(private readonly send: SendRequest) {}

  get stores(): readonly StoreStatus[] {
    return this.current;
  }

  /** False until the server answered once (the views show "looking for a store" until then). */
  get answered(): boolean {
    return this.known;
  }

  statusOf(store: string): StoreStatus | undefined {
    return this.current.find((s) => s.storeRoot === store);
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /**
   * One store's status as the server sent it unasked (progress while it
   * opens): the server may be too busy indexing to answer a StatusRequest
   * soon, and a store it announces is known from then on.
   */
  applyStatus(status: StoreStatus): void {
    const others = this.current.filter((s) => s.storeRoot !== status.storeRoot);
    this.current = [...others, status].sort((a, b) => (a.storeRoot < b.storeRoot ? -1 : a.storeRoot > b.storeRoot ? 1 : 0));
    this.known = true;
    this.listeners.forEach((listener) => listener());
  }

  /** Asks the server again; calls made while one is running share one follow-up request. */
  refresh(): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    this.inFlight = (async () => {
      try {
        do {
          this.again = false;
          const result = await this.send(StatusRequest.type, {});
          this.current = [...result.stores].sort((a, b) => (a.storeRoot < b.storeRoot ? -1 : a.storeRoot > b.storeRoot ? 1 : 0));
          this.known = true;
          this.listeners.forEach((listener) => listener());
        } while (this.again);
      } finally {
        this.inFlight = undefined;
      }
    })();
    return this.inFlight;
  }
}
