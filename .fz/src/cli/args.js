"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FILTER_OPTIONS = exports.JSON_OPTION = exports.COMMON_OPTIONS = void 0;
exports.parseCommandArgs = parseCommandArgs;
exports.integerOption = integerOption;
exports.timestampOption = timestampOption;
exports.required = required;
exports.choiceOption = choiceOption;
const node_util_1 = require("node:util");
const timestamp_1 = require("../engine/model/timestamp");
const output_1 = require("./output");
/** Options every subcommand takes. */
exports.COMMON_OPTIONS = {
    store: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
};
exports.JSON_OPTION = { json: { type: 'boolean' } };
/** Filters shared by `events` and `tail`. */
exports.FILTER_OPTIONS = {
    aggregate: { type: 'string' },
    correlation: { type: 'string' },
    type: { type: 'string' },
    source: { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
};
/**
 * node:util parseArgs in strict mode, with its errors turned into one-line
 * usage errors (`unknown option '--x'`, `option '--store' needs a value`).
 */
function parseCommandArgs(argv, options, allowPositionals = false) {
    try {
        const parsed = (0, node_util_1.parseArgs)({ args: [...argv], options, allowPositionals, strict: true });
        return { values: parsed.values, positionals: parsed.positionals };
    }
    catch (error) {
        throw new output_1.UsageError(describeParseError(error));
    }
}
function describeParseError(error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = error.code;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
        const option = /'([^']+)'/.exec(message)?.[1];
        return option ? `unknown option '${option}'` : message.split('.')[0];
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
        const option = /'(--?[^' ]+)/.exec(message)?.[1];
        return option && /argument missing/.test(message) ? `option '${option.split(' ')[0]}' needs a value` : message.split('\n')[0];
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
        const extra = /'([^']+)'/.exec(message)?.[1];
        return extra ? `unexpected argument '${extra}'` : 'unexpected argument';
    }
    return message.split('\n')[0];
}
/** A whole number option (`--limit 10`), or undefined when absent. */
function integerOption(name, text, min = 0) {
    if (text === undefined)
        return undefined;
    if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(Number(text)) || Number(text) < min) {
        throw new output_1.UsageError(`--${name} must be a whole number${min > 0 ? ` of at least ${min}` : min === 0 ? ' (0 or more)' : ''}, got "${text}"`);
    }
    return Number(text);
}
/** An ISO 8601 timestamp option as epoch ms, or undefined when absent. */
function timestampOption(name, text) {
    if (text === undefined)
        return undefined;
    const ms = (0, timestamp_1.parseTimestamp)(text);
    if (Number.isNaN(ms))
        throw new output_1.UsageError(`--${name} must be an ISO 8601 timestamp like 2024-01-15T10:30:00Z, got "${text}"`);
    return ms;
}
/** A required option: a usage error naming it when missing. */
function required(name, value) {
    if (value === undefined || value === '')
        throw new output_1.UsageError(`--${name} is required`);
    return value;
}
/** One of a fixed set of words. */
function choiceOption(name, text, choices) {
    if (text === undefined)
        return undefined;
    if (!choices.includes(text)) {
        throw new output_1.UsageError(`--${name} must be one of ${choices.join(', ')}, got "${text}"`);
    }
    return text;
}
//# sourceMappingURL=args.js.map