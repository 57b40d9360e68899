import { EventType as T } from '../model/eventTypes';
import type { Prng } from './prng';

/**
 * How events cause one another in a trading system. A correlation chain
 * follows one flow from its start for 2–6 steps; each step's causation_id is
 * the previous step's event_id. Steps land on different aggregates (a tick on
 * `market_data_BTC_USDT` causes an analysis on `strategy_4`, a decision on
 * `trader_17`…), so chains cross aggregates as real ones do.
 */
export const FLOWS: readonly (readonly string[])[] = [
  [T.MARKET_DATA_RECEIVED, T.ANALYSIS_COMPLETED, T.STRATEGY_FORMULATED, T.TRADE_DECISION_MADE, T.TRADE_EXECUTED, T.PERFORMANCE_UPDATE],
  [T.TRADE_DECISION_MADE, T.TRADE_EXECUTED, T.RISK_ALERT, T.TRADE_DECISION_MADE, T.TRADE_EXECUTED, T.PERFORMANCE_UPDATE],
  [T.RISK_ALERT, T.TRADE_DECISION_MADE, T.TRADE_EXECUTED, T.PERFORMANCE_UPDATE],
  [T.MODEL_UPDATED, T.ANALYSIS_COMPLETED, T.STRATEGY_FORMULATED, T.TRADE_DECISION_MADE, T.TRADE_EXECUTED],
  [T.SYSTEM_ERROR, T.COMPONENT_STOPPED, T.COMPONENT_STARTED, T.SYSTEM_HEALTH_CHECK],
  [T.CONFIGURATION_CHANGED, T.COMPONENT_STOPPED, T.COMPONENT_STARTED, T.MODEL_UPDATED],
];
const FLOW_WEIGHTS = [0.56, 0.15, 0.1, 0.1, 0.045, 0.045];

/** Shorter chains are commoner; mean about 3.5 events. */
const LENGTHS = [2, 3, 4, 5, 6];
const LENGTH_WEIGHTS = [0.3, 0.25, 0.2, 0.15, 0.1];

/** Events outside any chain: market ticks and housekeeping, with no correlation id. */
const STANDALONE = [T.MARKET_DATA_RECEIVED, T.SYSTEM_HEALTH_CHECK, T.MODEL_UPDATED, T.SNAPSHOT_CREATED, T.COMPONENT_STARTED, T.CONFIGURATION_CHANGED];
const STANDALONE_WEIGHTS = [0.8, 0.12, 0.03, 0.02, 0.015, 0.015];

export const MIN_CHAIN = 2;
export const MAX_CHAIN = 6;

function weighted<T>(prng: Prng, items: readonly T[], weights: readonly number[]): T {
  let u = prng.next();
  for (let i = 0; i < items.length - 1; i++) {
    u -= weights[i];
    if (u < 0) return items[i];
  }
  return items[items.length - 1];
}

export function drawFlow(prng: Prng): readonly string[] {
  return weighted(prng, FLOWS, FLOW_WEIGHTS);
}

/** A chain length in [2, min(6, flow length, room)]; room ≥ 2. */
export function drawChainLength(prng: Prng, flowLength: number, room: number): number {
  return Math.min(weighted(prng, LENGTHS, LENGTH_WEIGHTS), flowLength, room);
}

export function drawStandaloneType(prng: Prng): string {
  return weighted(prng, STANDALONE, STANDALONE_WEIGHTS);
}
