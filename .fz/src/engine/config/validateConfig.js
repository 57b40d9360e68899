"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WRAPPER_KEY = void 0;
exports.validateConfig = validateConfig;
const closeMatches_1 = require("../model/closeMatches");
const describeValue_1 = require("../schema/describeValue");
const jsonPosition_1 = require("../schema/jsonPosition");
const busConfig_1 = require("./busConfig");
const configError_1 = require("./configError");
/** The guide nests the block under "event_bus"; the flat form is accepted too. */
exports.WRAPPER_KEY = 'event_bus';
/** Editors add "$schema" for completion; it is allowed and ignored. */
const IGNORED_KEYS = new Set(['$schema']);
/**
 * The full configuration from a partial one (flat keys, or wrapped in
 * "event_bus"), defaults filled in. Every problem is collected and thrown as
 * one ConfigError: unknown keys (with a "did you mean" when one is close)
 * and values of the wrong type or range.
 */
function validateConfig(value, source = {}) {
    const name = source.name ?? 'configuration';
    const positions = source.text !== undefined ? new jsonPosition_1.JsonFilePositions(source.text) : undefined;
    const at = (path) => (positions ? positions.keyPosition(path) : {});
    if (!isPlainObject(value)) {
        throw new configError_1.ConfigError(name, [{ expected: `an object of event bus settings`, got: (0, describeValue_1.kindOf)(value), ...at([]) }]);
    }
    const problems = [];
    let block = value;
    let prefix = [];
    if (exports.WRAPPER_KEY in value) {
        for (const key of Object.keys(value)) {
            if (key !== exports.WRAPPER_KEY && !IGNORED_KEYS.has(key)) {
                problems.push({ key, expected: `only "${exports.WRAPPER_KEY}" at the top level when it is used`, got: `"${key}"`, ...at([key]) });
            }
        }
        const inner = value[exports.WRAPPER_KEY];
        if (!isPlainObject(inner)) {
            throw new configError_1.ConfigError(name, [...problems, { key: exports.WRAPPER_KEY, expected: 'an object of event bus settings', got: (0, describeValue_1.kindOf)(inner), ...at([exports.WRAPPER_KEY]) }]);
        }
        block = inner;
        prefix = [exports.WRAPPER_KEY];
    }
    const config = { ...busConfig_1.DEFAULT_CONFIG };
    for (const [key, setting] of Object.entries(block)) {
        if (IGNORED_KEYS.has(key) && prefix.length === 0)
            continue;
        if (Object.prototype.hasOwnProperty.call(busConfig_1.STORE_AGREEMENT_RULES, key)) {
            const rule = busConfig_1.STORE_AGREEMENT_RULES[key];
            const problem = rule.problem(setting);
            if (problem !== undefined)
                problems.push({ key, expected: rule.expected, got: problem, ...at([...prefix, key]) });
            else
                config[key] = setting;
            continue;
        }
        if (!Object.prototype.hasOwnProperty.call(busConfig_1.CONFIG_RULES, key)) {
            const close = closestKey(key);
            problems.push({
                key,
                expected: close ? `a known key (did you mean "${close}"?)` : `one of the known keys: ${busConfig_1.CONFIG_KEYS.join(', ')}`,
                got: `unknown key "${key}"`,
                ...at([...prefix, key]),
            });
            continue;
        }
        const rule = busConfig_1.CONFIG_RULES[key];
        if (!(0, busConfig_1.satisfiesRule)(rule, setting)) {
            problems.push({ key, expected: (0, busConfig_1.describeRule)(rule), got: (0, describeValue_1.kindOf)(setting), ...at([...prefix, key]) });
            continue;
        }
        config[key] = setting;
    }
    if (problems.length > 0)
        throw new configError_1.ConfigError(name, problems);
    return Object.freeze(config);
}
function isPlainObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
/** A known key within two edits (typos, or camelCase for snake_case), if any. */
function closestKey(key) {
    const normalized = key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().replace(/-/g, '_');
    let best;
    let bestDistance = 3;
    for (const known of busConfig_1.CONFIG_KEYS) {
        const distance = known === normalized ? 0 : (0, closeMatches_1.editDistance)(normalized, known);
        if (distance < bestDistance) {
            best = known;
            bestDistance = distance;
        }
    }
    return best;
}
//# sourceMappingURL=validateConfig.js.map