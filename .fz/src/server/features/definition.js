"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.definition = definition;
const eventLocations_1 = require("./eventLocations");
const eventLineTokens_1 = require("./eventLineTokens");
/**
 * Go to definition on an id value: causation_id -> the causing event's line
 * (in whichever file of the store it is), correlation_id -> the first event
 * of the correlation, aggregate_id -> the aggregate's first event. Null when
 * the id names nothing in the store.
 */
function definition(ctx, lineText, position) {
    const token = (0, eventLineTokens_1.tokenAt)(lineText, position.character);
    if (typeof token.value !== 'string' || !token.range)
        return null;
    const index = ctx.engine.index;
    let ordinal;
    switch (token.field) {
        case 'causation_id':
            ordinal = (0, eventLocations_1.ordinalOfEventId)(ctx, token.value);
            break;
        case 'correlation_id':
            ordinal = index.ordinalsOfCorrelation(token.value)[0];
            break;
        case 'aggregate_id':
            ordinal = index.ordinalsOfAggregate(token.value)[0];
            break;
        default:
            return null;
    }
    return ordinal === undefined ? null : (0, eventLocations_1.locationOfOrdinal)(ctx, ordinal);
}
//# sourceMappingURL=definition.js.map