"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_CHAIN = exports.MIN_CHAIN = exports.FLOWS = void 0;
exports.drawFlow = drawFlow;
exports.drawChainLength = drawChainLength;
exports.drawStandaloneType = drawStandaloneType;
const eventTypes_1 = require("../model/eventTypes");
/**
 * How events cause one another in a trading system. A correlation chain
 * follows one flow from its start for 2–6 steps; each step's causation_id is
 * the previous step's event_id. Steps land on different aggregates (a tick on
 * `market_data_BTC_USDT` causes an analysis on `strategy_4`, a decision on
 * `trader_17`…), so chains cross aggregates as real ones do.
 */
exports.FLOWS = [
    [eventTypes_1.EventType.MARKET_DATA_RECEIVED, eventTypes_1.EventType.ANALYSIS_COMPLETED, eventTypes_1.EventType.STRATEGY_FORMULATED, eventTypes_1.EventType.TRADE_DECISION_MADE, eventTypes_1.EventType.TRADE_EXECUTED, eventTypes_1.EventType.PERFORMANCE_UPDATE],
    [eventTypes_1.EventType.TRADE_DECISION_MADE, eventTypes_1.EventType.TRADE_EXECUTED, eventTypes_1.EventType.RISK_ALERT, eventTypes_1.EventType.TRADE_DECISION_MADE, eventTypes_1.EventType.TRADE_EXECUTED, eventTypes_1.EventType.PERFORMANCE_UPDATE],
    [eventTypes_1.EventType.RISK_ALERT, eventTypes_1.EventType.TRADE_DECISION_MADE, eventTypes_1.EventType.TRADE_EXECUTED, eventTypes_1.EventType.PERFORMANCE_UPDATE],
    [eventTypes_1.EventType.MODEL_UPDATED, eventTypes_1.EventType.ANALYSIS_COMPLETED, eventTypes_1.EventType.STRATEGY_FORMULATED, eventTypes_1.EventType.TRADE_DECISION_MADE, eventTypes_1.EventType.TRADE_EXECUTED],
    [eventTypes_1.EventType.SYSTEM_ERROR, eventTypes_1.EventType.COMPONENT_STOPPED, eventTypes_1.EventType.COMPONENT_STARTED, eventTypes_1.EventType.SYSTEM_HEALTH_CHECK],
    [eventTypes_1.EventType.CONFIGURATION_CHANGED, eventTypes_1.EventType.COMPONENT_STOPPED, eventTypes_1.EventType.COMPONENT_STARTED, eventTypes_1.EventType.MODEL_UPDATED],
];
const FLOW_WEIGHTS = [0.56, 0.15, 0.1, 0.1, 0.045, 0.045];
/** Shorter chains are commoner; mean about 3.5 events. */
const LENGTHS = [2, 3, 4, 5, 6];
const LENGTH_WEIGHTS = [0.3, 0.25, 0.2, 0.15, 0.1];
/** Events outside any chain: market ticks and housekeeping, with no correlation id. */
const STANDALONE = [eventTypes_1.EventType.MARKET_DATA_RECEIVED, eventTypes_1.EventType.SYSTEM_HEALTH_CHECK, eventTypes_1.EventType.MODEL_UPDATED, eventTypes_1.EventType.SNAPSHOT_CREATED, eventTypes_1.EventType.COMPONENT_STARTED, eventTypes_1.EventType.CONFIGURATION_CHANGED];
const STANDALONE_WEIGHTS = [0.8, 0.12, 0.03, 0.02, 0.015, 0.015];
exports.MIN_CHAIN = 2;
exports.MAX_CHAIN = 6;
function weighted(prng, items, weights) {
    let u = prng.next();
    for (let i = 0; i < items.length - 1; i++) {
        u -= weights[i];
        if (u < 0)
            return items[i];
    }
    return items[items.length - 1];
}
function drawFlow(prng) {
    return weighted(prng, exports.FLOWS, FLOW_WEIGHTS);
}
/** A chain length in [2, min(6, flow length, room)]; room ≥ 2. */
function drawChainLength(prng, flowLength, room) {
    return Math.min(weighted(prng, LENGTHS, LENGTH_WEIGHTS), flowLength, room);
}
function drawStandaloneType(prng) {
    return weighted(prng, STANDALONE, STANDALONE_WEIGHTS);
}
//# sourceMappingURL=chainFlows.js.map