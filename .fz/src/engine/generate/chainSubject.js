"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.drawSubject = drawSubject;
function drawSubject(prng, universe) {
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
//# sourceMappingURL=chainSubject.js.map