"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BUILT_IN_EVENT_TYPES = exports.EventType = void 0;
exports.isBuiltInEventType = isBuiltInEventType;
/**
 * The guide's fourteen event types. On disk an event type is the lower-case
 * value; any other string is an equally valid user-defined type, so code must
 * never narrow `event_type` to this list.
 */
exports.EventType = {
    MARKET_DATA_RECEIVED: 'market_data_received',
    ANALYSIS_COMPLETED: 'analysis_completed',
    STRATEGY_FORMULATED: 'strategy_formulated',
    TRADE_DECISION_MADE: 'trade_decision_made',
    TRADE_EXECUTED: 'trade_executed',
    RISK_ALERT: 'risk_alert',
    PERFORMANCE_UPDATE: 'performance_update',
    MODEL_UPDATED: 'model_updated',
    SYSTEM_ERROR: 'system_error',
    COMPONENT_STARTED: 'component_started',
    COMPONENT_STOPPED: 'component_stopped',
    SYSTEM_HEALTH_CHECK: 'system_health_check',
    CONFIGURATION_CHANGED: 'configuration_changed',
    SNAPSHOT_CREATED: 'snapshot_created',
};
exports.BUILT_IN_EVENT_TYPES = Object.freeze(Object.values(exports.EventType));
function isBuiltInEventType(type) {
    return exports.BUILT_IN_EVENT_TYPES.includes(type);
}
//# sourceMappingURL=eventTypes.js.map