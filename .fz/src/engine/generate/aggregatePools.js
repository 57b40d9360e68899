"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.COMPONENTS = void 0;
exports.aggregateCountFor = aggregateCountFor;
exports.buildAggregateUniverse = buildAggregateUniverse;
const BASES = [
    ['BTC', 43_000], ['ETH', 2_300], ['SOL', 95], ['BNB', 310], ['XRP', 0.62], ['ADA', 0.55], ['DOGE', 0.085],
    ['AVAX', 36], ['DOT', 7.4], ['LINK', 15], ['MATIC', 0.85], ['LTC', 70], ['ATOM', 10], ['UNI', 6.5],
    ['ARB', 1.8], ['OP', 3.2], ['NEAR', 3.4], ['APT', 9], ['FIL', 5.6], ['TRX', 0.11], ['XLM', 0.12],
    ['ETC', 24], ['INJ', 35], ['AAVE', 105], ['SUI', 1.2], ['SEI', 0.6], ['TIA', 14], ['RUNE', 5.2],
    ['MKR', 1_900], ['ALGO', 0.19],
];
const QUOTES = [
    ['USDT', 1], ['USDC', 1], ['USD', 1], ['EUR', 0.92], ['GBP', 0.79], ['JPY', 148], ['BTC', 1 / 43_000], ['ETH', 1 / 2_300],
];
/** Busiest first: the head of the component pool is the market data feed, not the risk engine (which also gets risk alerts). */
exports.COMPONENTS = [
    'market_data_feed', 'order_router', 'execution_engine', 'event_bus',
    'risk_engine', 'portfolio_manager', 'model_trainer', 'config_service',
];
function buildSymbols(count) {
    const symbols = [];
    for (const [quote, rate] of QUOTES) {
        for (const [base, price] of BASES) {
            if (symbols.length >= count)
                return symbols;
            if (base === quote)
                continue;
            symbols.push({ pair: `${base}_${quote}`, ticker: `${base}${quote}`, basePrice: price * rate });
        }
    }
    return symbols;
}
/** Zipf–Mandelbrot exponent: a bit above 1, so even a pool of 20 has a clear head and tail. */
const ZIPF_EXPONENT = 1.3;
function makePool(members) {
    const size = members.length;
    const q = Math.max(0.3, size * 0.03);
    const cumulative = new Float64Array(size);
    let total = 0;
    for (let k = 0; k < size; k++) {
        total += Math.pow(k + 1 + q, -ZIPF_EXPONENT);
        cumulative[k] = total;
    }
    for (let k = 0; k < size; k++)
        cumulative[k] /= total;
    const memberArray = Int32Array.from(members);
    return {
        members: memberArray,
        sample(prng) {
            const u = prng.next();
            let lo = 0;
            let hi = size - 1;
            while (lo < hi) {
                const mid = (lo + hi) >>> 1;
                if (cumulative[mid] > u)
                    hi = mid;
                else
                    lo = mid + 1;
            }
            return memberArray[lo];
        },
    };
}
/** About one aggregate per 1,000 events (at least 100, so small stores still show the skew). */
function aggregateCountFor(events) {
    return Math.max(100, Math.round(events / 1000));
}
function buildAggregateUniverse(events) {
    const total = aggregateCountFor(events);
    // Pools sized by the share of events their types get (see chainFlows.ts),
    // so the head of every pool is about as large: the busiest aggregate holds
    // about 1% of a large store.
    const rest = Math.max(6, total - exports.COMPONENTS.length);
    const symbols = buildSymbols(Math.min(BASES.length * QUOTES.length - 1, Math.max(3, Math.round(rest * 0.24))));
    const ids = [];
    const symbolOfList = [];
    const range = (prefix, count) => {
        const members = [];
        for (let i = 1; i <= count; i++) {
            members.push(ids.length);
            ids.push(`${prefix}${i}`);
            symbolOfList.push(-1);
        }
        return members;
    };
    const marketMembers = symbols.map((symbol, i) => {
        ids.push(`market_data_${symbol.pair}`);
        symbolOfList.push(i);
        return ids.length - 1;
    });
    // Large systems run several instances of a component (`order_router_2`).
    const componentCount = Math.max(exports.COMPONENTS.length, Math.round(rest * 0.06));
    const componentMembers = Array.from({ length: componentCount }, (_, i) => {
        const base = exports.COMPONENTS[i % exports.COMPONENTS.length];
        const instance = Math.floor(i / exports.COMPONENTS.length);
        ids.push(instance === 0 ? base : `${base}_${instance + 1}`);
        symbolOfList.push(-1);
        return ids.length - 1;
    });
    const traderMembers = range('trader_', Math.max(1, Math.round(rest * 0.26)));
    const portfolioMembers = range('portfolio_', Math.max(1, Math.round(rest * 0.09)));
    const strategyMembers = range('strategy_', Math.max(1, Math.round(rest * 0.3)));
    const modelMembers = range('model_', Math.max(1, Math.round(rest * 0.05)));
    return {
        ids,
        symbols,
        symbolOf: Int32Array.from(symbolOfList),
        marketData: makePool(marketMembers),
        traders: makePool(traderMembers),
        portfolios: makePool(portfolioMembers),
        strategies: makePool(strategyMembers),
        models: makePool(modelMembers),
        components: makePool(componentMembers),
        riskEngine: componentMembers[exports.COMPONENTS.indexOf('risk_engine')],
        eventBus: componentMembers[exports.COMPONENTS.indexOf('event_bus')],
    };
}
//# sourceMappingURL=aggregatePools.js.map