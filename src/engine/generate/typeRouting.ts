import { EventType as T } from '../model/eventTypes';
import type { AggregateUniverse } from './aggregatePools';
import type { ChainSubject } from './chainSubject';
import type { JsonStyle } from './jsonStyle';
import type { Prng } from './prng';

/** Which aggregate an event of this type lands on, given what its chain is about. */
export function aggregateFor(type: string, subject: ChainSubject, universe: AggregateUniverse, prng: Prng): number {
  switch (type) {
    case T.MARKET_DATA_RECEIVED:
      return universe.marketData.members[subject.symbol];
    case T.ANALYSIS_COMPLETED:
    case T.STRATEGY_FORMULATED:
      return subject.strategy;
    case T.TRADE_DECISION_MADE:
    case T.TRADE_EXECUTED:
      return subject.trader;
    case T.RISK_ALERT:
      return prng.chance(0.1) ? universe.riskEngine : subject.portfolio;
    case T.PERFORMANCE_UPDATE:
      return subject.portfolio;
    case T.MODEL_UPDATED:
      return subject.model;
    case T.SNAPSHOT_CREATED:
      return universe.eventBus;
    default:
      return subject.component;
  }
}

const FIXED_SOURCES: Readonly<Record<string, string>> = {
  [T.MARKET_DATA_RECEIVED]: 'MarketDataProvider',
  [T.ANALYSIS_COMPLETED]: 'Analyst',
  [T.STRATEGY_FORMULATED]: 'StrategyEngine',
  [T.TRADE_DECISION_MADE]: 'TradingBot',
  [T.TRADE_EXECUTED]: 'Exchange',
  [T.RISK_ALERT]: 'RiskManager',
  [T.PERFORMANCE_UPDATE]: 'Reporter',
  [T.MODEL_UPDATED]: 'ModelTrainer',
  [T.SYSTEM_HEALTH_CHECK]: 'HealthMonitor',
  [T.CONFIGURATION_CHANGED]: 'ConfigManager',
  [T.SNAPSHOT_CREATED]: 'EventBus',
};

/** The publishing component: fixed per type, or the failing/restarting component itself. */
export function sourceFor(type: string, componentSource: string): string {
  return FIXED_SOURCES[type] ?? componentSource;
}

const STRATEGY_TAGS = ['momentum', 'mean_reversion', 'breakout', 'arbitrage'] as const;

/** `tags` as JSON text: the environment always, plus a type-specific tag. */
export function tagsFor(type: string, style: JsonStyle, prng: Prng): string {
  const c = style.comma;
  const k = style.colon;
  const base = `"env"${k}"production"`;
  switch (type) {
    case T.TRADE_DECISION_MADE:
    case T.TRADE_EXECUTED:
    case T.STRATEGY_FORMULATED:
      return `{${base}${c}"strategy"${k}"${prng.pick(STRATEGY_TAGS)}"}`;
    case T.RISK_ALERT:
    case T.SYSTEM_ERROR:
      return `{${base}${c}"priority"${k}"high"}`;
    default:
      return `{${base}}`;
  }
}
