"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REFERENCES_CAP = void 0;
exports.references = references;
const eventLocations_1 = require("./eventLocations");
const eventLineTokens_1 = require("./eventLineTokens");
/** A references list longer than this is no help to anyone and costs the client dearly. */
exports.REFERENCES_CAP = 5000;
/**
 * Find references on an id value, in store order, at most `cap`:
 * correlation_id -> every event of the correlation; aggregate_id -> every
 * event of the aggregate; event_id / causation_id -> the event and every
 * event it directly caused.
 */
function references(ctx, lineText, position, options = {}) {
    const token = (0, eventLineTokens_1.tokenAt)(lineText, position.character);
    if (typeof token.value !== 'string' || !token.range)
        return [];
    const ordinals = referencedOrdinals(ctx, token.field, token.value, options.includeDeclaration ?? true);
    const cap = options.cap ?? exports.REFERENCES_CAP;
    return [...ordinals]
        .sort((a, b) => a - b)
        .slice(0, cap)
        .map((o) => (0, eventLocations_1.locationOfOrdinal)(ctx, o));
}
function referencedOrdinals(ctx, field, value, includeDeclaration) {
    const index = ctx.engine.index;
    switch (field) {
        case 'correlation_id':
            return index.ordinalsOfCorrelation(value);
        case 'aggregate_id':
            return index.ordinalsOfAggregate(value);
        case 'event_id':
        case 'causation_id': {
            const effects = index.ordinalsCausedBy(value);
            return includeDeclaration ? [...index.ordinalsOfEventId(value), ...effects] : effects;
        }
        default:
            return [];
    }
}
//# sourceMappingURL=references.js.map