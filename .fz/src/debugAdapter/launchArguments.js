"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LaunchArgumentsError = void 0;
exports.readLaunchArguments = readLaunchArguments;
const foldSetting_1 = require("../engine/model/foldSetting");
/** A configuration that cannot start a session: every problem, by field. */
class LaunchArgumentsError extends Error {
}
exports.LaunchArgumentsError = LaunchArgumentsError;
const KNOWN = new Set(['store', 'aggregateId', 'correlationId', 'since', 'until', 'fromSequence', 'stopOnEntry', 'fold', 'gzipSources', 'follow']);
/** Reads a launch configuration, or throws a LaunchArgumentsError naming each field at fault and what it expects. */
function readLaunchArguments(raw, request) {
    const problems = [];
    const text = (key) => {
        const value = raw[key];
        if (value === undefined)
            return undefined;
        if (typeof value !== 'string' || value === '')
            problems.push(`"${key}": expected a non-empty text, got ${JSON.stringify(value)}`);
        return typeof value === 'string' ? value : undefined;
    };
    const instant = (key) => {
        const value = raw[key];
        if (value === undefined || typeof value === 'number' || (typeof value === 'string' && value !== ''))
            return value;
        problems.push(`"${key}": expected an ISO 8601 time such as "2024-01-15T10:30:00Z" or epoch ms, got ${JSON.stringify(value)}`);
        return undefined;
    };
    const flag = (key, fallback) => {
        const value = raw[key];
        if (value === undefined)
            return fallback;
        if (typeof value !== 'boolean')
            problems.push(`"${key}": expected true or false, got ${JSON.stringify(value)}`);
        return value === true;
    };
    const store = text('store');
    if (raw.store === undefined)
        problems.push('"store": expected the event store folder (holding events/), e.g. "${workspaceFolder}/event_store"');
    const aggregateId = text('aggregateId');
    const correlationId = text('correlationId');
    if (aggregateId !== undefined && correlationId !== undefined)
        problems.push('"aggregateId" and "correlationId": expected one of them, got both');
    const since = instant('since');
    const until = instant('until');
    const fromSequence = raw.fromSequence;
    if (fromSequence !== undefined && (typeof fromSequence !== 'number' || !Number.isInteger(fromSequence))) {
        problems.push(`"fromSequence": expected a whole number, got ${JSON.stringify(fromSequence)}`);
    }
    if (raw.fold !== undefined)
        for (const p of (0, foldSetting_1.foldSettingProblems)(raw.fold))
            problems.push(`"${p.path}": expected ${p.expected}, got ${p.got}`);
    const gzipSources = raw.gzipSources ?? 'sourceReference';
    if (gzipSources !== 'sourceReference' && gzipSources !== 'eventbusUri') {
        problems.push(`"gzipSources": expected "sourceReference" or "eventbusUri", got ${JSON.stringify(gzipSources)}`);
    }
    for (const key of Object.keys(raw)) {
        // VS Code adds its own keys (type, request, name, __sessionId…); anything else is likely a typo.
        if (!KNOWN.has(key) && !['type', 'request', 'name', 'noDebug', 'preLaunchTask', 'postDebugTask', 'internalConsoleOptions'].includes(key) && !key.startsWith('__')) {
            problems.push(`"${key}": unknown setting (expected one of ${[...KNOWN].join(', ')})`);
        }
    }
    if (problems.length > 0)
        throw new LaunchArgumentsError(`eventbus ${request} configuration: ${problems.join('; ')}`);
    return {
        store: store,
        ...(aggregateId !== undefined ? { aggregateId } : {}),
        ...(correlationId !== undefined ? { correlationId } : {}),
        ...(since !== undefined ? { since } : {}),
        ...(until !== undefined ? { until } : {}),
        ...(typeof fromSequence === 'number' ? { fromSequence } : {}),
        stopOnEntry: flag('stopOnEntry', true),
        ...(raw.fold !== undefined ? { fold: raw.fold } : {}),
        gzipSources: gzipSources,
        follow: flag('follow', request === 'attach'),
    };
}
//# sourceMappingURL=launchArguments.js.map