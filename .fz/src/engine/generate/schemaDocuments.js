"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TRADE_EXECUTED_MIGRATION = void 0;
exports.schemaDocuments = schemaDocuments;
const eventTypes_1 = require("../model/eventTypes");
const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';
const str = (description, extra = {}) => ({ type: 'string', description, ...extra });
const num = (description, extra = {}) => ({ type: 'number', description, ...extra });
const int = (description, extra = {}) => ({ type: 'integer', description, ...extra });
const oneOf = (description, values) => ({ type: 'string', description, enum: [...values] });
const SYMBOL = str('Exchange ticker without separator, e.g. BTCUSDT', { minLength: 2 });
const CONFIDENCE = num('Confidence between 0 and 1', { minimum: 0, maximum: 1 });
const COMPONENT = str('Name of the system component, e.g. order_router');
const TRADE_EXECUTED_1_0 = {
    title: 'Trade executed',
    description: 'An order fill reported by the exchange.',
    required: ['symbol', 'side', 'quantity', 'price', 'order_id', 'fee'],
    properties: {
        symbol: SYMBOL,
        side: oneOf('Direction of the fill', ['buy', 'sell']),
        quantity: num('Filled quantity in base units', { exclusiveMinimum: 0 }),
        price: num('Average fill price in quote units', { exclusiveMinimum: 0 }),
        order_id: str('Exchange order id', { pattern: '^ord_[0-9a-f]+$' }),
        fee: num('Fee paid, in quote units', { minimum: 0 }),
    },
};
const { order_id: orderId, ...tradeExecutedCommon } = TRADE_EXECUTED_1_0.properties;
const TRADE_EXECUTED_1_1 = {
    title: 'Trade executed',
    description: 'An order fill reported by the exchange. 1.1 names the venue and calls the order id exchange_order_id.',
    required: ['symbol', 'side', 'quantity', 'price', 'exchange_order_id', 'fee', 'venue'],
    properties: {
        ...tradeExecutedCommon,
        exchange_order_id: { ...orderId, description: 'Exchange order id (order_id in 1.0)' },
        venue: str('Trading venue that filled the order; "unknown" for events migrated from 1.0'),
    },
};
const SCHEMAS_1_0 = {
    [eventTypes_1.EventType.MARKET_DATA_RECEIVED]: {
        title: 'Market data received',
        description: 'A price tick for one symbol from a market data provider.',
        required: ['symbol', 'price', 'volume', 'bid', 'ask'],
        properties: {
            symbol: SYMBOL,
            price: num('Last traded price', { exclusiveMinimum: 0 }),
            volume: num('Volume traded since the previous tick', { minimum: 0 }),
            bid: num('Best bid', { exclusiveMinimum: 0 }),
            ask: num('Best ask', { exclusiveMinimum: 0 }),
            exchange: oneOf('Where the tick came from', ['binance', 'coinbase', 'kraken', 'bybit']),
        },
    },
    [eventTypes_1.EventType.ANALYSIS_COMPLETED]: {
        title: 'Analysis completed',
        description: 'The result of one analysis run over recent market data.',
        required: ['symbol', 'analysis_type', 'signal', 'confidence'],
        properties: {
            symbol: SYMBOL,
            analysis_type: oneOf('Kind of analysis', ['technical', 'sentiment', 'onchain', 'volatility']),
            signal: oneOf('What the analysis suggests', ['bullish', 'bearish', 'neutral']),
            confidence: CONFIDENCE,
            indicators: {
                type: 'object',
                description: 'Indicator values behind the signal',
                properties: { rsi: num('Relative strength index', { minimum: 0, maximum: 100 }), macd: num('MACD'), sma_20: num('20-period simple moving average') },
            },
        },
    },
    [eventTypes_1.EventType.STRATEGY_FORMULATED]: {
        title: 'Strategy formulated',
        description: 'A strategy proposes a position with entry, target and stop.',
        required: ['strategy_id', 'symbol', 'strategy_type', 'direction'],
        properties: {
            strategy_id: str('Aggregate id of the strategy'),
            symbol: SYMBOL,
            strategy_type: oneOf('Strategy family', ['momentum', 'mean_reversion', 'breakout', 'arbitrage', 'market_making']),
            direction: oneOf('Position direction', ['long', 'short']),
            entry_price: num('Planned entry price', { exclusiveMinimum: 0 }),
            target_price: num('Take-profit price', { exclusiveMinimum: 0 }),
            stop_loss: num('Stop-loss price', { exclusiveMinimum: 0 }),
            confidence: CONFIDENCE,
        },
    },
    [eventTypes_1.EventType.TRADE_DECISION_MADE]: {
        title: 'Trade decision made',
        description: 'A trading bot decides to buy, sell or hold.',
        required: ['symbol', 'action', 'quantity'],
        properties: {
            decision_id: str('Id of the decision'),
            symbol: SYMBOL,
            action: oneOf('What to do', ['buy', 'sell', 'hold']),
            quantity: num('Quantity in base units', { minimum: 0 }),
            price: num('Limit price', { exclusiveMinimum: 0 }),
            reason: str('Why, in words'),
            confidence: CONFIDENCE,
        },
    },
    [eventTypes_1.EventType.TRADE_EXECUTED]: TRADE_EXECUTED_1_0,
    [eventTypes_1.EventType.RISK_ALERT]: {
        title: 'Risk alert',
        description: 'A risk limit was crossed.',
        required: ['alert_type', 'severity', 'message'],
        properties: {
            alert_type: oneOf('Which limit', ['drawdown', 'exposure', 'volatility', 'position_limit', 'margin_call', 'liquidity']),
            severity: oneOf('How bad', ['low', 'medium', 'high', 'critical']),
            message: str('Human-readable alert'),
            metric_value: num('Measured value'),
            threshold: num('Configured limit'),
            symbol: SYMBOL,
        },
    },
    [eventTypes_1.EventType.PERFORMANCE_UPDATE]: {
        title: 'Performance update',
        description: 'Portfolio performance metrics.',
        required: ['portfolio_id', 'total_value', 'pnl'],
        properties: {
            portfolio_id: str('Aggregate id of the portfolio'),
            total_value: num('Portfolio value in USD', { minimum: 0 }),
            pnl: num('Profit and loss in USD'),
            pnl_percent: num('Profit and loss in percent'),
            sharpe_ratio: num('Sharpe ratio'),
            max_drawdown: num('Maximum drawdown in percent', { minimum: 0 }),
            win_rate: num('Share of winning trades', { minimum: 0, maximum: 1 }),
            open_positions: int('Open positions', { minimum: 0 }),
        },
    },
    [eventTypes_1.EventType.MODEL_UPDATED]: {
        title: 'Model updated',
        description: 'A prediction model was retrained or replaced.',
        required: ['model_id', 'model_type', 'model_version'],
        properties: {
            model_id: str('Aggregate id of the model'),
            model_type: oneOf('Model family', ['lstm', 'transformer', 'xgboost', 'random_forest', 'linear']),
            model_version: str('Semantic version of the model', { pattern: '^\\d+\\.\\d+\\.\\d+$' }),
            accuracy: num('Validation accuracy', { minimum: 0, maximum: 1 }),
            loss: num('Validation loss', { minimum: 0 }),
            training_samples: int('Samples trained on', { minimum: 0 }),
        },
    },
    [eventTypes_1.EventType.SYSTEM_ERROR]: {
        title: 'System error',
        description: 'An error captured as an event.',
        required: ['error_type', 'message', 'component'],
        properties: {
            error_type: str('Exception class name'),
            message: str('Error message'),
            component: COMPONENT,
            stack_trace: { type: ['string', 'null'], description: 'Python traceback, when captured' },
        },
    },
    [eventTypes_1.EventType.COMPONENT_STARTED]: {
        title: 'Component started',
        description: 'A component of the system came up.',
        required: ['component'],
        properties: {
            component: COMPONENT,
            version: str('Component version'),
            pid: int('Process id', { minimum: 1 }),
            config_hash: str('Hash of the configuration it started with'),
        },
    },
    [eventTypes_1.EventType.COMPONENT_STOPPED]: {
        title: 'Component stopped',
        description: 'A component of the system went down.',
        required: ['component', 'reason'],
        properties: {
            component: COMPONENT,
            reason: oneOf('Why it stopped', ['shutdown', 'restart', 'error', 'maintenance']),
            uptime_seconds: num('Seconds it was up', { minimum: 0 }),
        },
    },
    [eventTypes_1.EventType.SYSTEM_HEALTH_CHECK]: {
        title: 'System health check',
        description: 'Periodic health of one component.',
        required: ['component', 'status'],
        properties: {
            component: COMPONENT,
            status: oneOf('Health', ['healthy', 'degraded', 'unhealthy']),
            cpu_percent: num('CPU use in percent', { minimum: 0, maximum: 100 }),
            memory_mb: num('Resident memory in MB', { minimum: 0 }),
            queue_size: int('Events waiting', { minimum: 0 }),
            latency_ms: num('Processing latency in ms', { minimum: 0 }),
        },
    },
    [eventTypes_1.EventType.CONFIGURATION_CHANGED]: {
        title: 'Configuration changed',
        description: 'A configuration key changed at run time.',
        required: ['key', 'new_value'],
        properties: {
            key: str('Dotted configuration key'),
            old_value: { description: 'Value before the change' },
            new_value: { description: 'Value after the change' },
            changed_by: str('Who changed it'),
        },
    },
    [eventTypes_1.EventType.SNAPSHOT_CREATED]: {
        title: 'Snapshot created',
        description: 'The bus wrote a snapshot of an aggregate.',
        required: ['aggregate_id', 'sequence_number'],
        properties: {
            snapshot_id: str('Id of the snapshot'),
            aggregate_id: str('Aggregate the snapshot is of'),
            sequence_number: int('Sequence number the snapshot is at', { minimum: 0 }),
            event_count: int('Events folded into the snapshot', { minimum: 0 }),
        },
    },
};
function toDocument(type, version, schema) {
    return {
        $schema: DRAFT_07,
        $id: `eventbus://schemas/${type}/${version}`,
        title: `${schema.title} (${version})`,
        description: schema.description,
        type: 'object',
        required: [...schema.required],
        properties: schema.properties,
    };
}
exports.TRADE_EXECUTED_MIGRATION = {
    description: 'trade_executed 1.0 -> 1.1: order_id is now exchange_order_id, and venue is required (unknown for old events).',
    operations: [
        { op: 'rename', from: 'order_id', to: 'exchange_order_id' },
        { op: 'set_default', path: 'venue', value: 'unknown' },
    ],
};
/** Every schema and migration file of a generated store. */
function schemaDocuments() {
    const files = Object.entries(SCHEMAS_1_0).map(([type, schema]) => ({
        path: `schemas/${type}/1.0.schema.json`,
        document: toDocument(type, '1.0', schema),
    }));
    files.push({ path: `schemas/${eventTypes_1.EventType.TRADE_EXECUTED}/1.1.schema.json`, document: toDocument(eventTypes_1.EventType.TRADE_EXECUTED, '1.1', TRADE_EXECUTED_1_1) });
    files.push({ path: `schemas/${eventTypes_1.EventType.TRADE_EXECUTED}/1.0-to-1.1.migration.json`, document: exports.TRADE_EXECUTED_MIGRATION });
    return files;
}
//# sourceMappingURL=schemaDocuments.js.map