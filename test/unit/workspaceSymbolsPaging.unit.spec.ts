import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SymbolKind } from 'vscode-languageserver-protocol';
import type { StoreIndex } from '../../src/engine/model/indexTypes';
import type { StoreEngine } from '../../src/engine/storeEngineTypes';
import type { FeatureContext } from '../../src/server/features/featureContext';
import { workspaceSymbols } from '../../src/server/features/workspaceSymbols';
import { type FeatureStore, openFeatureStore } from './featuresTestStore';

/** The store's context with an index that refuses to list every key or to be read event by event past `eventReads`. */
function pagingOnly(ctx: FeatureContext, eventReads: number): { ctx: FeatureContext; reads: () => number } {
  let reads = 0;
  const index = new Proxy(ctx.engine.index, {
    get(target, key, receiver) {
      if (key === 'aggregateIds' || key === 'correlationIds') {
        return () => {
          throw new Error(`${String(key)}() lists every key of the store`);
        };
      }
      if (key === 'event') {
        return (ordinal: number) => {
          if (++reads > eventReads) throw new Error(`more than ${eventReads} events read for one query`);
          return target.event(ordinal);
        };
      }
      const value = Reflect.get(target, key, receiver) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) as StoreIndex;
  const engine = new Proxy(ctx.engine, { get: (target, key, receiver) => (key === 'index' ? index : Reflect.get(target, key, receiver)) }) as StoreEngine;
  return { ctx: { ...ctx, engine, uriOf: ctx.uriOf }, reads: () => reads };
}

describe('workspace symbols page from the index', () => {
  let store: FeatureStore;
  before(async () => {
    store = await openFeatureStore();
  });
  after(async () => store.close());

  it('aggregates and correlations by the start of their id come from the sorted tables, without listing every key', () => {
    const index = store.ctx.engine.index;
    const { ctx } = pagingOnly(store.ctx, Number.POSITIVE_INFINITY);
    const traders = workspaceSymbols(ctx, 'trader_');
    const expected = index.aggregateIds().filter((id) => id.startsWith('trader_')).sort();
    assert.deepEqual(traders.filter((s) => s.kind === SymbolKind.Class).map((s) => s.name), expected);
    const correlation = index.correlationIds()[0];
    const byStart = workspaceSymbols(ctx, correlation.slice(0, 8).toUpperCase());
    assert.ok(byStart.some((s) => s.kind === SymbolKind.Namespace && s.name === correlation), 'a correlation is found by the start of its id, in the other case');
  });

  it('a whole event id is looked up, not searched for: a handful of events read', () => {
    const index = store.ctx.engine.index;
    const target = index.event(Math.floor(index.eventCount / 2));
    const { ctx, reads } = pagingOnly(store.ctx, 10);
    const found = workspaceSymbols(ctx, target.eventId);
    assert.ok(found.some((s) => s.kind === SymbolKind.Event && s.name === target.eventId));
    assert.ok(reads() <= 10);
  });
});
