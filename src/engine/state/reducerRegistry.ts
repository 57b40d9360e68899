import { defaultReducer } from './defaultReducer';
import type { Reducer, ReducerSet } from './stateTypes';

/**
 * Reducers per event type. Register the types your application folds
 * specially; every other type goes through the default deep-merge reducer.
 */
export class ReducerRegistry implements ReducerSet {
  private readonly byType = new Map<string, Reducer>();

  constructor(readonly fallback: Reducer = defaultReducer) {}

  /** Registers (or replaces) the reducer for a type; returns a function that removes it. */
  register<S>(eventType: string, reducer: Reducer<S>): () => void {
    const stored = reducer as Reducer;
    this.byType.set(eventType, stored);
    return () => {
      if (this.byType.get(eventType) === stored) this.byType.delete(eventType);
    };
  }

  reducerFor(eventType: string): Reducer | undefined {
    return this.byType.get(eventType);
  }

  get registeredTypes(): readonly string[] {
    return [...this.byType.keys()];
  }
}

/** A registry from a plain `{ type: reducer }` table. */
export function reducersFrom(table: Readonly<Record<string, Reducer>>, fallback?: Reducer): ReducerRegistry {
  const registry = new ReducerRegistry(fallback);
  for (const [type, reducer] of Object.entries(table)) registry.register(type, reducer);
  return registry;
}
