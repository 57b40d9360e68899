"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.aggregateFor = aggregateFor;
exports.sourceFor = sourceFor;
exports.tagsFor = tagsFor;
const eventTypes_1 = require("../model/eventTypes");
/** Which aggregate an event of this type lands on, given what its chain is about. */
function aggregateFor(type, subject, universe, prng) {
    switch (type) {
        case eventTypes_1.EventType.MARKET_DATA_RECEIVED:
            return universe.marketData.members[subject.symbol];
        case eventTypes_1.EventType.ANALYSIS_COMPLETED:
        case eventTypes_1.EventType.STRATEGY_FORMULATED:
            return subject.strategy;
        case eventTypes_1.EventType.TRADE_DECISION_MADE:
        case eventTypes_1.EventType.TRADE_EXECUTED:
            return subject.trader;
        case eventTypes_1.EventType.RISK_ALERT:
            return prng.chance(0.1) ? universe.riskEngine : subject.portfolio;
        case eventTypes_1.EventType.PERFORMANCE_UPDATE:
            return subject.portfolio;
        case eventTypes_1.EventType.MODEL_UPDATED:
            return subject.model;
        case eventTypes_1.EventType.SNAPSHOT_CREATED:
            return universe.eventBus;
        default:
            return subject.component;
    }
}
const FIXED_SOURCES = {
    [eventTypes_1.EventType.MARKET_DATA_RECEIVED]: 'MarketDataProvider',
    [eventTypes_1.EventType.ANALYSIS_COMPLETED]: 'Analyst',
    [eventTypes_1.EventType.STRATEGY_FORMULATED]: 'StrategyEngine',
    [eventTypes_1.EventType.TRADE_DECISION_MADE]: 'TradingBot',
    [eventTypes_1.EventType.TRADE_EXECUTED]: 'Exchange',
    [eventTypes_1.EventType.RISK_ALERT]: 'RiskManager',
    [eventTypes_1.EventType.PERFORMANCE_UPDATE]: 'Reporter',
    [eventTypes_1.EventType.MODEL_UPDATED]: 'ModelTrainer',
    [eventTypes_1.EventType.SYSTEM_HEALTH_CHECK]: 'HealthMonitor',
    [eventTypes_1.EventType.CONFIGURATION_CHANGED]: 'ConfigManager',
    [eventTypes_1.EventType.SNAPSHOT_CREATED]: 'EventBus',
};
/** The publishing component: fixed per type, or the failing/restarting component itself. */
function sourceFor(type, componentSource) {
    return FIXED_SOURCES[type] ?? componentSource;
}
const STRATEGY_TAGS = ['momentum', 'mean_reversion', 'breakout', 'arbitrage'];
/** `tags` as JSON text: the environment always, plus a type-specific tag. */
function tagsFor(type, style, prng) {
    const c = style.comma;
    const k = style.colon;
    const base = `"env"${k}"production"`;
    switch (type) {
        case eventTypes_1.EventType.TRADE_DECISION_MADE:
        case eventTypes_1.EventType.TRADE_EXECUTED:
        case eventTypes_1.EventType.STRATEGY_FORMULATED:
            return `{${base}${c}"strategy"${k}"${prng.pick(STRATEGY_TAGS)}"}`;
        case eventTypes_1.EventType.RISK_ALERT:
        case eventTypes_1.EventType.SYSTEM_ERROR:
            return `{${base}${c}"priority"${k}"high"}`;
        default:
            return `{${base}}`;
    }
}
//# sourceMappingURL=typeRouting.js.map