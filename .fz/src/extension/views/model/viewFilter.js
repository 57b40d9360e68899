"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PREFIX_LABELS = exports.FILTER_FIELDS = void 0;
exports.isFilterEmpty = isFilterEmpty;
exports.eventFilterOf = eventFilterOf;
exports.withField = withField;
exports.describeFilter = describeFilter;
exports.describeTimeRange = describeTimeRange;
exports.parseTimeRange = parseTimeRange;
/** Which filter fields make sense per view (a snapshot has no type or time in the index). */
exports.FILTER_FIELDS = {
    aggregates: ['prefix', 'types', 'sources', 'time', 'where'],
    correlations: ['prefix', 'types', 'sources', 'time', 'where'],
    eventTypes: ['prefix', 'sources', 'time', 'where'],
    snapshots: ['prefix'],
};
exports.PREFIX_LABELS = {
    aggregates: 'aggregate id',
    correlations: 'correlation id',
    eventTypes: 'event type',
    snapshots: 'aggregate id',
};
function isFilterEmpty(filter) {
    return !filter.prefix && !filter.types?.length && !filter.sources?.length && filter.from === undefined && filter.to === undefined && !filter.where;
}
/** The part of the filter the server applies to events (undefined when none). */
function eventFilterOf(filter) {
    const result = {};
    if (filter.types?.length)
        result.types = filter.types;
    if (filter.sources?.length)
        result.sources = filter.sources;
    if (filter.from !== undefined)
        result.from = filter.from;
    if (filter.to !== undefined)
        result.to = filter.to;
    if (filter.where)
        result.where = filter.where;
    return Object.keys(result).length > 0 ? result : undefined;
}
/** The filter with one field replaced (undefined / empty removes it). */
function withField(filter, field, value) {
    const next = { ...filter };
    if (field === 'prefix')
        next.prefix = typeof value === 'string' && value.length > 0 ? value : undefined;
    if (field === 'where')
        next.where = typeof value === 'string' && value.trim().length > 0 ? value.trim() : undefined;
    if (field === 'types')
        next.types = Array.isArray(value) && value.length > 0 ? value : undefined;
    if (field === 'sources')
        next.sources = Array.isArray(value) && value.length > 0 ? value : undefined;
    if (field === 'time') {
        const range = value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
        next.from = range?.from;
        next.to = range?.to;
    }
    for (const key of Object.keys(next))
        if (next[key] === undefined)
            delete next[key];
    return next;
}
/** The view's description while filtered: `id ^order-1 · type OrderCreated +1 · source api · 01-15 10:00 → now`. */
function describeFilter(filter) {
    const parts = [];
    if (filter.prefix)
        parts.push(`id ${filter.prefix}*`);
    if (filter.types?.length)
        parts.push(`type ${listed(filter.types)}`);
    if (filter.sources?.length)
        parts.push(`source ${listed(filter.sources)}`);
    if (filter.from !== undefined || filter.to !== undefined)
        parts.push(describeTimeRange(filter));
    if (filter.where)
        parts.push(`where ${filter.where.length > 40 ? `${filter.where.slice(0, 39)}…` : filter.where}`);
    return parts.join(' · ');
}
function listed(values) {
    return values.length === 1 ? values[0] : `${values[0]} +${values.length - 1}`;
}
function describeTimeRange(range) {
    const show = (ms, fallback) => (ms === undefined ? fallback : new Date(ms).toISOString().slice(0, 16).replace('T', ' '));
    return `${show(range.from, '…')} → ${show(range.to, '…')}`;
}
const UNIT_MS = { s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/**
 * A time range as typed: `last 2h` / `15m` / `3d` (back from now), or
 * `FROM .. TO` with ISO dates or date-times (either side may be empty; a
 * date alone means the whole UTC day). Empty text clears the range.
 */
function parseTimeRange(text, nowMs) {
    const input = text.trim();
    if (input === '')
        return { range: {} };
    const relative = /^(?:last\s+)?(\d+(?:\.\d+)?)\s*(s|m|min|h|d|w)$/i.exec(input);
    if (relative)
        return { range: { from: nowMs - Number(relative[1]) * UNIT_MS[relative[2].toLowerCase()] } };
    const [fromText, toText, ...rest] = input.split('..').map((s) => s.trim());
    if (rest.length > 0 || toText === undefined) {
        return { error: `expected "last 2h" (s, m, h, d, w) or "FROM .. TO" with ISO dates such as 2024-01-15 or 2024-01-15T10:00, got "${input}"` };
    }
    const from = fromText === '' ? undefined : parseInstant(fromText, 'start');
    const to = toText === '' ? undefined : parseInstant(toText, 'end');
    if (Number.isNaN(from))
        return { error: `"${fromText}" is not an ISO date or date-time (e.g. 2024-01-15 or 2024-01-15T10:00Z)` };
    if (Number.isNaN(to))
        return { error: `"${toText}" is not an ISO date or date-time (e.g. 2024-01-16 or 2024-01-16T18:30Z)` };
    if (from !== undefined && to !== undefined && from > to)
        return { error: `the range starts (${fromText}) after it ends (${toText})` };
    if (from === undefined && to === undefined)
        return { error: 'give at least one end of the range: FROM .., .. TO or FROM .. TO' };
    return { range: { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) } };
}
/** Epoch ms; a date alone is its first or last millisecond (UTC); date-times without a zone are UTC, as the bus writes them. */
function parseInstant(text, end) {
    if (DATE_ONLY.test(text)) {
        const start = Date.parse(`${text}T00:00:00Z`);
        return end === 'start' ? start : start + 86_400_000 - 1;
    }
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text))
        return Number.NaN;
    const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(text) ? text : `${text}Z`;
    return Date.parse(zoned);
}
//# sourceMappingURL=viewFilter.js.map