"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FILTER_USAGE = void 0;
exports.filterOfOptions = filterOfOptions;
const args_1 = require("./args");
const output_1 = require("./output");
exports.FILTER_USAGE = `  --aggregate A     only events of aggregate A (then in sequence order)
  --correlation C   only events of correlation C
  --type T          only events of type T
  --source S        only events published by S
  --since ISO       at or after this time
  --until ISO       at or before this time
  --from N          sequence number N or later
  --to N            sequence number N or earlier`;
/** The filter options as the engine's one filter (engine/query); a window given backwards is a usage error. */
function filterOfOptions(values) {
    const since = (0, args_1.timestampOption)('since', values.since);
    const until = (0, args_1.timestampOption)('until', values.until);
    const fromSequenceNumber = (0, args_1.integerOption)('from', values.from);
    const toSequenceNumber = (0, args_1.integerOption)('to', values.to);
    if (since !== undefined && until !== undefined && since > until)
        throw new output_1.UsageError(`--since ${values.since} is after --until ${values.until}`);
    if (fromSequenceNumber !== undefined && toSequenceNumber !== undefined && fromSequenceNumber > toSequenceNumber) {
        throw new output_1.UsageError(`--from ${fromSequenceNumber} is after --to ${toSequenceNumber}`);
    }
    return {
        ...(values.aggregate !== undefined ? { aggregateIds: [values.aggregate] } : {}),
        ...(values.correlation !== undefined ? { correlationIds: [values.correlation] } : {}),
        ...(values.type !== undefined ? { eventTypes: [values.type] } : {}),
        ...(values.source !== undefined ? { sources: [values.source] } : {}),
        ...(since !== undefined ? { since } : {}),
        ...(until !== undefined ? { until } : {}),
        ...(fromSequenceNumber !== undefined ? { fromSequenceNumber } : {}),
        ...(toSequenceNumber !== undefined ? { toSequenceNumber } : {}),
    };
}
//# sourceMappingURL=eventFilters.js.map