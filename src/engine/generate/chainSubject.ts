import type { AggregateUniverse } from './aggregatePools';
import type { Prng } from './prng';

/**
 * What one correlation chain is about: the symbol, trader, portfolio… its
 * events share, so a decision and its execution name the same trader,
 * quantity and price, as they would in a real system.
 */
export interface ChainSubject {
  symbol: number;
  trader: number;
  portfolio: number;
  strategy: number;
  model: number;
  component: number;
  side: 'buy' | 'sell';
  /** Set by the first event that decides a quantity / price; 0 until then. */
  quantity: number;
  price: number;
}

export function drawSubject(prng: Prng, universe: AggregateUniverse): ChainSubject {
  const marketAggregate = universe.marketData.sample(prng);
  return {
    symbol: universe.symbolOf[marketAggregate],
    trader: universe.traders.sample(prng),
    portfolio: universe.portfolios.sample(prng),
    strategy: universe.strategies.sample(prng),
    model: universe.models.sample(prng),
    component: universe.components.sample(prng),
    side: prng.chance(0.5) ? 'buy' : 'sell',
    quantity: 0,
    price: 0,
  };
}
