"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CONFIG_KEYS = exports.CONFIG_RULES = exports.DEFAULT_CONFIG = exports.STORE_AGREEMENT_RULES = exports.DEFAULT_STORE_AGREEMENT = void 0;
exports.isNameList = isNameList;
exports.describeRule = describeRule;
exports.satisfiesRule = satisfiesRule;
const nestingDepth_1 = require("../model/nestingDepth");
const foldSetting_1 = require("../model/foldSetting");
exports.DEFAULT_STORE_AGREEMENT = Object.freeze({
    fold: 'auto',
    event_types: Object.freeze([]),
    statuses: Object.freeze([]),
    time_order_tolerance_ms: 1000,
    max_nesting_depth: nestingDepth_1.DEFAULT_MAX_NESTING_DEPTH,
});
/** A value as a config message shows it: its JSON, cut short. */
function shownValue(value) {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
/** A list of non-empty strings (the store's own vocabulary). */
function isNameList(value) {
    return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.length > 0);
}
/** What is wrong with a store-agreement value, or undefined. */
exports.STORE_AGREEMENT_RULES = Object.freeze({
    fold: {
        expected: '"auto", "shallow", "deep" or {"mode", "bookkeeping"?, "reducers"?, "fallback"?, "projection"?}',
        problem: (value) => {
            const problems = (0, foldSetting_1.foldSettingProblems)(value);
            return problems.length === 0 ? undefined : problems.map((p) => `${p.path}: expected ${p.expected}, got ${p.got}`).join('; ');
        },
    },
    event_types: {
        expected: 'a list of names (non-empty strings)',
        problem: (value) => (isNameList(value) ? undefined : shownValue(value)),
    },
    statuses: {
        expected: 'a list of names (non-empty strings)',
        problem: (value) => (isNameList(value) ? undefined : shownValue(value)),
    },
    time_order_tolerance_ms: {
        expected: 'a number of milliseconds >= 0',
        problem: (value) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? undefined : JSON.stringify(value) ?? 'nothing'),
    },
    max_nesting_depth: {
        expected: `an integer from 1 to ${nestingDepth_1.MAX_NESTING_DEPTH_CEILING}`,
        problem: (value) => (Number.isInteger(value) && value >= 1 && value <= nestingDepth_1.MAX_NESTING_DEPTH_CEILING ? undefined : JSON.stringify(value) ?? 'nothing'),
    },
});
const GUIDE_DEFAULTS = {
    processing_interval: 1,
    max_history: 1000,
    enable_persistence: true,
    enable_snapshots: true,
    snapshot_frequency: 100,
    storage_path: 'event_store',
    max_retry_count: 3,
    batch_size: 100,
    event_ttl_days: 30,
    compression_enabled: true,
    schema_validation: true,
    audit_trail: true,
    correlation_tracking: true,
    metrics_enabled: true,
    health_check_interval: 60,
};
exports.DEFAULT_CONFIG = Object.freeze({ ...GUIDE_DEFAULTS, ...exports.DEFAULT_STORE_AGREEMENT });
const positiveSeconds = { kind: 'number', integer: false, min: 0, exclusiveMin: true };
const count = (min) => ({ kind: 'number', integer: true, min, exclusiveMin: false });
const flag = { kind: 'boolean' };
exports.CONFIG_RULES = Object.freeze({
    processing_interval: positiveSeconds,
    max_history: count(0),
    enable_persistence: flag,
    enable_snapshots: flag,
    snapshot_frequency: count(1),
    storage_path: { kind: 'string', nonEmpty: true },
    max_retry_count: count(0),
    batch_size: count(1),
    event_ttl_days: count(1),
    compression_enabled: flag,
    schema_validation: flag,
    audit_trail: flag,
    correlation_tracking: flag,
    metrics_enabled: flag,
    health_check_interval: positiveSeconds,
});
/** The guide's keys (also VS Code's `eventbus.bus.*` settings). */
exports.CONFIG_KEYS = Object.freeze(Object.keys(GUIDE_DEFAULTS));
function describeRule(rule) {
    switch (rule.kind) {
        case 'boolean':
            return 'true or false';
        case 'string':
            return 'a non-empty string';
        case 'number': {
            const what = rule.integer ? 'an integer' : 'a number';
            return `${what} ${rule.exclusiveMin ? '>' : '>='} ${rule.min}`;
        }
    }
}
function satisfiesRule(rule, value) {
    switch (rule.kind) {
        case 'boolean':
            return typeof value === 'boolean';
        case 'string':
            return typeof value === 'string' && value.length > 0;
        case 'number':
            return (typeof value === 'number' &&
                Number.isFinite(value) &&
                (!rule.integer || Number.isInteger(value)) &&
                (rule.exclusiveMin ? value > rule.min : value >= rule.min));
    }
}
//# sourceMappingURL=busConfig.js.map