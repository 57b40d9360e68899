"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PAYLOAD_BUILDERS = exports.VENUES = void 0;
exports.componentName = componentName;
exports.componentSource = componentSource;
const aggregatePools_1 = require("./aggregatePools");
const jsonStyle_1 = require("./jsonStyle");
const prng_1 = require("./prng");
const EXCHANGES = ['binance', 'coinbase', 'kraken', 'bybit'];
const ANALYSIS_TYPES = ['technical', 'sentiment', 'onchain', 'volatility'];
const SIGNALS = ['bullish', 'bearish', 'neutral'];
const STRATEGY_TYPES = ['momentum', 'mean_reversion', 'breakout', 'arbitrage', 'market_making'];
const REASONS = [
    'signal confirmed by volume',
    'mean reversion entry',
    'breakout above resistance',
    'take profit reached',
    'stop loss triggered',
    'rebalancing portfolio',
];
const ALERT_TYPES = ['drawdown', 'exposure', 'volatility', 'position_limit', 'margin_call', 'liquidity'];
const SEVERITIES = ['low', 'medium', 'high', 'critical'];
const MODEL_TYPES = ['lstm', 'transformer', 'xgboost', 'random_forest', 'linear'];
const ERROR_TYPES = ['ConnectionError', 'TimeoutError', 'ValidationError', 'RateLimitError', 'KeyError'];
const STOP_REASONS = ['shutdown', 'restart', 'error', 'maintenance'];
const HEALTH = ['healthy', 'healthy', 'healthy', 'healthy', 'degraded', 'unhealthy'];
const CONFIG_KEYS = [
    ['processing_interval', () => 1],
    ['batch_size', () => 100],
    ['max_retry_count', () => 3],
    ['snapshot_frequency', () => 100],
    ['health_check_interval', () => 60],
];
exports.VENUES = ['binance', 'coinbase', 'kraken', 'bybit', 'okx'];
function decimalsFor(price) {
    if (price >= 100)
        return 2;
    if (price >= 1)
        return 4;
    if (price >= 0.01)
        return 6;
    return 8;
}
function price(ctx, subject) {
    return subject.price > 0 ? subject.price : ctx.prices[subject.symbol];
}
/** One market tick moves the symbol's price by a small random step. */
function tick(ctx, symbol) {
    const base = ctx.universe.symbols[symbol].basePrice;
    let next = ctx.prices[symbol] * (1 + (ctx.prng.next() - 0.5) * 0.002);
    // Pull back toward the base level so a long store does not drift off to zero.
    next += (base - next) * 0.001;
    ctx.prices[symbol] = next;
    return next;
}
function quantity(prng, atPrice) {
    const notional = 50 + prng.next() * prng.next() * 20_000;
    const q = notional / atPrice;
    return q >= 100 ? Math.round(q) : (0, jsonStyle_1.round)(q, q >= 1 ? 3 : 6);
}
function pascal(component) {
    return component.replace(/(^|_)([a-z])/g, (_, __, c) => c.toUpperCase());
}
function componentName(ctx, subject) {
    return ctx.universe.ids[subject.component] ?? aggregatePools_1.COMPONENTS[0];
}
const sourceNames = new Map();
/** `order_router` -> `OrderRouter`: the name a component publishes under (cached: called per event). */
function componentSource(name) {
    let source = sourceNames.get(name);
    if (source === undefined)
        sourceNames.set(name, (source = pascal(name)));
    return source;
}
const marketDataReceived = (ctx, subject) => {
    const { style: s, prng } = ctx;
    const p = tick(ctx, subject.symbol);
    const d = decimalsFor(p);
    const spread = p * (0.00005 + prng.next() * 0.0003);
    const volume = (0, jsonStyle_1.round)(prng.next() * prng.next() * 500 * (1000 / Math.max(1, Math.sqrt(p))), 4);
    const c = s.comma;
    const k = s.colon;
    return `{"symbol"${k}${s.str(ctx.universe.symbols[subject.symbol].ticker)}${c}"price"${k}${(0, jsonStyle_1.decimal)(s, p, d)}${c}"volume"${k}${(0, jsonStyle_1.decimal)(s, volume, 4)}${c}"bid"${k}${(0, jsonStyle_1.decimal)(s, p - spread / 2, d)}${c}"ask"${k}${(0, jsonStyle_1.decimal)(s, p + spread / 2, d)}${c}"exchange"${k}"${prng.pick(EXCHANGES)}"}`;
};
const analysisCompleted = (ctx, subject) => {
    const { style: s, prng } = ctx;
    const c = s.comma;
    const k = s.colon;
    const p = price(ctx, subject);
    const d = decimalsFor(p);
    return `{"symbol"${k}${s.str(ctx.universe.symbols[subject.symbol].ticker)}${c}"analysis_type"${k}"${prng.pick(ANALYSIS_TYPES)}"${c}"signal"${k}"${subject.side === 'buy' ? 'bullish' : prng.pick(SIGNALS)}"${c}"confidence"${k}${(0, jsonStyle_1.decimal)(s, 0.4 + prng.next() * 0.6, 3)}${c}"indicators"${k}{"rsi"${k}${(0, jsonStyle_1.decimal)(s, prng.float(15, 85), 2)}${c}"macd"${k}${(0, jsonStyle_1.decimal)(s, (prng.next() - 0.5) * p * 0.01, d)}${c}"sma_20"${k}${(0, jsonStyle_1.decimal)(s, p * (0.97 + prng.next() * 0.06), d)}}}`;
};
const strategyFormulated = (ctx, subject) => {
    const { style: s, prng } = ctx;
    const c = s.comma;
    const k = s.colon;
    const p = price(ctx, subject);
    const d = decimalsFor(p);
    const long = subject.side === 'buy';
    return `{"strategy_id"${k}${s.str(ctx.universe.ids[subject.strategy])}${c}"symbol"${k}${s.str(ctx.universe.symbols[subject.symbol].ticker)}${c}"strategy_type"${k}"${prng.pick(STRATEGY_TYPES)}"${c}"direction"${k}"${long ? 'long' : 'short'}"${c}"entry_price"${k}${(0, jsonStyle_1.decimal)(s, p, d)}${c}"target_price"${k}${(0, jsonStyle_1.decimal)(s, p * (long ? 1.03 : 0.97), d)}${c}"stop_loss"${k}${(0, jsonStyle_1.decimal)(s, p * (long ? 0.98 : 1.02), d)}${c}"confidence"${k}${(0, jsonStyle_1.decimal)(s, 0.5 + prng.next() * 0.5, 3)}}`;
};
const tradeDecisionMade = (ctx, subject) => {
    const { style: s, prng } = ctx;
    const c = s.comma;
    const k = s.colon;
    const p = price(ctx, subject);
    subject.price = (0, jsonStyle_1.round)(p, decimalsFor(p));
    subject.quantity = quantity(prng, p);
    return `{"decision_id"${k}"dec_${(0, prng_1.prngHex)(prng, 12)}"${c}"symbol"${k}${s.str(ctx.universe.symbols[subject.symbol].ticker)}${c}"action"${k}"${subject.side}"${c}"quantity"${k}${(0, jsonStyle_1.decimal)(s, subject.quantity, 6)}${c}"price"${k}${(0, jsonStyle_1.decimal)(s, subject.price, 8)}${c}"reason"${k}"${prng.pick(REASONS)}"${c}"confidence"${k}${(0, jsonStyle_1.decimal)(s, 0.5 + prng.next() * 0.5, 3)}}`;
};
const tradeExecuted = (ctx, subject, schemaVersion) => {
    const { style: s, prng } = ctx;
    const c = s.comma;
    const k = s.colon;
    const p = price(ctx, subject);
    const d = decimalsFor(p);
    const q = subject.quantity > 0 ? subject.quantity : quantity(prng, p);
    // Fills slip a little from the decided price.
    const fill = (0, jsonStyle_1.round)(p * (1 + (prng.next() - 0.5) * 0.001), d);
    const fee = (0, jsonStyle_1.round)(q * fill * 0.001, 8);
    // 1.1 renamed order_id and added venue (see schemaDocuments.ts and its migration).
    const v10 = schemaVersion === '1.0';
    const venue = v10 ? '' : `${c}"venue"${k}"${prng.pick(exports.VENUES)}"`;
    return `{"symbol"${k}${s.str(ctx.universe.symbols[subject.symbol].ticker)}${c}"side"${k}"${subject.side}"${c}"quantity"${k}${(0, jsonStyle_1.decimal)(s, q, 6)}${c}"price"${k}${(0, jsonStyle_1.decimal)(s, fill, 8)}${c}"${v10 ? 'order_id' : 'exchange_order_id'}"${k}"ord_${(0, prng_1.prngHex)(prng, 16)}"${c}"fee"${k}${(0, jsonStyle_1.decimal)(s, fee, 8)}${venue}}`;
};
const riskAlert = (ctx, subject) => {
    const { style: s, prng } = ctx;
    const c = s.comma;
    const k = s.colon;
    const alert = prng.pick(ALERT_TYPES);
    const threshold = (0, jsonStyle_1.round)(prng.float(2, 20), 2);
    const value = (0, jsonStyle_1.round)(threshold * prng.float(1.01, 1.6), 2);
    // Python writes the dash as \u2014: readers must handle both non-ASCII and escapes.
    const message = `${alert.replace('_', ' ')} ${value} exceeds limit ${threshold} — reducing exposure`;
    return `{"alert_type"${k}"${alert}"${c}"severity"${k}"${prng.pick(SEVERITIES)}"${c}"message"${k}${s.str(message)}${c}"metric_value"${k}${(0, jsonStyle_1.decimal)(s, value, 2)}${c}"threshold"${k}${(0, jsonStyle_1.decimal)(s, threshold, 2)}${c}"symbol"${k}${s.str(ctx.universe.symbols[subject.symbol].ticker)}}`;
};
const performanceUpdate = (ctx, subject) => {
    const { style: s, prng } = ctx;
    const c = s.comma;
    const k = s.colon;
    const total = (0, jsonStyle_1.round)(prng.float(10_000, 2_000_000), 2);
    const pnlPercent = (0, jsonStyle_1.round)((prng.next() - 0.45) * 8, 3);
    return `{"portfolio_id"${k}${s.str(ctx.universe.ids[subject.portfolio])}${c}"total_value"${k}${(0, jsonStyle_1.decimal)(s, total, 2)}${c}"pnl"${k}${(0, jsonStyle_1.decimal)(s, (total * pnlPercent) / 100, 2)}${c}"pnl_percent"${k}${(0, jsonStyle_1.decimal)(s, pnlPercent, 3)}${c}"sharpe_ratio"${k}${(0, jsonStyle_1.decimal)(s, prng.float(-0.5, 3), 3)}${c}"max_drawdown"${k}${(0, jsonStyle_1.decimal)(s, prng.float(0.5, 25), 2)}${c}"win_rate"${k}${(0, jsonStyle_1.decimal)(s, prng.float(0.35, 0.7), 3)}${c}"open_positions"${k}${prng.int(0, 25)}}`;
};
const modelUpdated = (ctx, subject) => {
    const { style: s, prng } = ctx;
    const c = s.comma;
    const k = s.colon;
    return `{"model_id"${k}${s.str(ctx.universe.ids[subject.model])}${c}"model_type"${k}"${prng.pick(MODEL_TYPES)}"${c}"model_version"${k}"${prng.int(1, 4)}.${prng.int(0, 12)}.${prng.int(0, 30)}"${c}"accuracy"${k}${(0, jsonStyle_1.decimal)(s, prng.float(0.51, 0.78), 4)}${c}"loss"${k}${(0, jsonStyle_1.decimal)(s, prng.float(0.05, 0.9), 5)}${c}"training_samples"${k}${prng.int(10_000, 5_000_000)}}`;
};
function stackTrace(component, errorType, line) {
    return ('Traceback (most recent call last):\n' +
        `  File "/app/src/${component}/handler.py", line ${line}, in handle\n` +
        '    result = await self._process(event)\n' +
        `  File "/app/src/${component}/client.py", line ${line + 57}, in _process\n` +
        '    raise ' +
        errorType +
        '("upstream did not answer")\n' +
        `${errorType}: upstream did not answer`);
}
const systemError = (ctx, subject) => {
    const { style: s, prng } = ctx;
    const c = s.comma;
    const k = s.colon;
    const component = componentName(ctx, subject);
    const errorType = prng.pick(ERROR_TYPES);
    const trace = prng.chance(0.7) ? s.str(stackTrace(component, errorType, prng.int(20, 400))) : 'null';
    return `{"error_type"${k}"${errorType}"${c}"message"${k}${s.str(`${errorType} in ${component}: upstream did not answer within ${prng.int(1, 30)}s`)}${c}"component"${k}${s.str(component)}${c}"stack_trace"${k}${trace}}`;
};
const componentStarted = (ctx, subject) => {
    const { style: s, prng } = ctx;
    const c = s.comma;
    const k = s.colon;
    return `{"component"${k}${s.str(componentName(ctx, subject))}${c}"version"${k}"2.${prng.int(0, 9)}.${prng.int(0, 20)}"${c}"pid"${k}${prng.int(1000, 65_000)}${c}"config_hash"${k}"${(0, prng_1.prngHex)(prng, 12)}"}`;
};
const componentStopped = (ctx, subject) => {
    const { style: s, prng } = ctx;
    const c = s.comma;
    const k = s.colon;
    return `{"component"${k}${s.str(componentName(ctx, subject))}${c}"reason"${k}"${prng.pick(STOP_REASONS)}"${c}"uptime_seconds"${k}${(0, jsonStyle_1.decimal)(s, prng.float(30, 900_000), 1)}}`;
};
const systemHealthCheck = (ctx, subject) => {
    const { style: s, prng } = ctx;
    const c = s.comma;
    const k = s.colon;
    return `{"component"${k}${s.str(componentName(ctx, subject))}${c}"status"${k}"${prng.pick(HEALTH)}"${c}"cpu_percent"${k}${(0, jsonStyle_1.decimal)(s, prng.float(1, 95), 1)}${c}"memory_mb"${k}${(0, jsonStyle_1.decimal)(s, prng.float(80, 4096), 1)}${c}"queue_size"${k}${prng.int(0, 250)}${c}"latency_ms"${k}${(0, jsonStyle_1.decimal)(s, prng.next() * prng.next() * 120, 2)}}`;
};
const configurationChanged = (ctx) => {
    const { style: s, prng } = ctx;
    const c = s.comma;
    const k = s.colon;
    const [key, base] = prng.pick(CONFIG_KEYS);
    const old = base() * prng.int(1, 4);
    return `{"key"${k}"event_bus.${key}"${c}"old_value"${k}${old}${c}"new_value"${k}${old * 2}${c}"changed_by"${k}"${prng.pick(['ops', 'deploy-bot', 'admin'])}"}`;
};
const snapshotCreated = (ctx, subject) => {
    const { style: s, prng } = ctx;
    const c = s.comma;
    const k = s.colon;
    const sequence = prng.int(1, 1000) * 100;
    return `{"snapshot_id"${k}"snap_${(0, prng_1.prngHex)(prng, 12)}"${c}"aggregate_id"${k}${s.str(ctx.universe.ids[subject.trader])}${c}"sequence_number"${k}${sequence}${c}"event_count"${k}${sequence}}`;
};
exports.PAYLOAD_BUILDERS = {
    market_data_received: marketDataReceived,
    analysis_completed: analysisCompleted,
    strategy_formulated: strategyFormulated,
    trade_decision_made: tradeDecisionMade,
    trade_executed: tradeExecuted,
    risk_alert: riskAlert,
    performance_update: performanceUpdate,
    model_updated: modelUpdated,
    system_error: systemError,
    component_started: componentStarted,
    component_stopped: componentStopped,
    system_health_check: systemHealthCheck,
    configuration_changed: configurationChanged,
    snapshot_created: snapshotCreated,
};
//# sourceMappingURL=payloads.js.map