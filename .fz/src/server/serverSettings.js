"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.resolveSettings = resolveSettings;
exports.sameBus = sameBus;
exports.needsReopen = needsReopen;
exports.sameSeverity = sameSeverity;
exports.resolveAgainst = resolveAgainst;
const path = __importStar(require("node:path"));
const busConfig_1 = require("../engine/config/busConfig");
const codes_1 = require("../engine/validate/codes");
const settings_1 = require("../shared/settings");
const SEVERITY_VALUES = ['error', 'warning', 'information', 'hint', 'off'];
const SEQUENCE_MODES = ['auto', 'global', 'aggregate'];
/**
 * Reads whatever the client sent (it may be anything: user JSON) into
 * resolved settings. Unusable values fall back to defaults, and each one is
 * described in `warnings` so the server can log it instead of failing.
 */
function resolveSettings(raw) {
    const warnings = [];
    const input = isRecord(raw) ? raw : {};
    const text = (key) => {
        const value = input[key];
        if (value === undefined || value === null || value === '')
            return undefined;
        if (typeof value === 'string')
            return value;
        warnings.push(`eventbus.${key}: expected a string, got ${typeof value}; using the default`);
        return undefined;
    };
    let sequenceMode = 'auto';
    if (input.sequenceMode !== undefined) {
        if (SEQUENCE_MODES.includes(input.sequenceMode))
            sequenceMode = input.sequenceMode;
        else
            warnings.push(`eventbus.sequenceMode: expected auto, global or aggregate, got ${JSON.stringify(input.sequenceMode)}; using auto`);
    }
    const severity = {};
    if (isRecord(input.severity)) {
        for (const [key, value] of Object.entries(input.severity)) {
            const code = key.toUpperCase();
            if (!codes_1.ALL_CODES.includes(code)) {
                warnings.push(`eventbus.severity.${key}: not a finding code (expected EB001 to EB026); ignored`);
            }
            else if (!SEVERITY_VALUES.includes(value)) {
                warnings.push(`eventbus.severity.${key}: expected ${SEVERITY_VALUES.join(', ')}, got ${JSON.stringify(value)}; ignored`);
            }
            else {
                severity[code] = value;
            }
        }
    }
    else if (input.severity !== undefined) {
        warnings.push('eventbus.severity: expected an object such as {"EB011": "off"}; ignored');
    }
    return {
        settings: {
            projectionsEnabled: projectionsEnabledOf(input, warnings),
            bus: busOverridesOf(input.bus, warnings),
            storePath: text('storePath'),
            eventFileGlob: text('eventFileGlob') ?? settings_1.DEFAULT_EVENT_FILE_GLOB,
            schemasPath: text('schemasPath'),
            sequenceMode,
            severity,
            maxProblemsPerFile: maxProblemsPerFileOf(input.maxProblemsPerFile, warnings),
        },
        warnings,
    };
}
function maxProblemsPerFileOf(value, warnings) {
    if (value === undefined || value === null)
        return settings_1.DEFAULT_MAX_PROBLEMS_PER_FILE;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1)
        return value;
    warnings.push(`eventbus.maxProblemsPerFile: expected an integer >= 1, got ${JSON.stringify(value)}; using ${settings_1.DEFAULT_MAX_PROBLEMS_PER_FILE}`);
    return settings_1.DEFAULT_MAX_PROBLEMS_PER_FILE;
}
/**
 * `projectionsEnabled`, or `projections.enabled` as VS Code nests the dotted
 * setting when a client forwards the raw section.
 */
function projectionsEnabledOf(input, warnings) {
    const nested = input.projections;
    const value = input.projectionsEnabled ?? (isRecord(nested) ? nested.enabled : undefined);
    if (value === undefined || value === null)
        return false;
    if (typeof value === 'boolean')
        return value;
    warnings.push(`eventbus.projections.enabled: expected true or false, got ${JSON.stringify(value)}; using false`);
    return false;
}
/** The bus keys that pass the config file's rules; each bad one is a warning, never fatal. */
function busOverridesOf(raw, warnings) {
    if (raw === undefined || raw === null)
        return {};
    if (!isRecord(raw)) {
        warnings.push('eventbus.bus: expected an object of bus keys such as {"max_retry_count": 5}; ignored');
        return {};
    }
    const bus = {};
    for (const [key, value] of Object.entries(raw)) {
        if (value === undefined || value === null)
            continue;
        if (!Object.prototype.hasOwnProperty.call(busConfig_1.CONFIG_RULES, key)) {
            warnings.push(`eventbus.bus.${key}: not a bus key (expected one of ${Object.keys(busConfig_1.CONFIG_RULES).join(', ')}); ignored`);
            continue;
        }
        const rule = busConfig_1.CONFIG_RULES[key];
        if (!(0, busConfig_1.satisfiesRule)(rule, value)) {
            warnings.push(`eventbus.bus.${key}: expected ${(0, busConfig_1.describeRule)(rule)}, got ${JSON.stringify(value)}; ignored`);
            continue;
        }
        bus[key] = value;
    }
    return bus;
}
/** The bus keys of two settings are the same. */
function sameBus(a, b) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys)
        if (a[key] !== b[key])
            return false;
    return true;
}
/** Settings that need the store reopened when they change (the rest only re-publish). */
function needsReopen(a, b) {
    return a.storePath !== b.storePath || a.schemasPath !== b.schemasPath || a.sequenceMode !== b.sequenceMode;
}
function sameSeverity(a, b) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys)
        if (a[key] !== b[key])
            return false;
    return true;
}
/** A setting path against the folder it belongs to. */
function resolveAgainst(folder, setting) {
    return path.resolve(folder, setting);
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
//# sourceMappingURL=serverSettings.js.map