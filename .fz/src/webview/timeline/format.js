"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.formatDuration = formatDuration;
exports.formatTime = formatTime;
exports.formatCount = formatCount;
exports.markTooltipRows = markTooltipRows;
exports.bucketTooltipRows = bucketTooltipRows;
function formatDuration(ms) {
    if (!Number.isFinite(ms))
        return '?';
    const sign = ms < 0 ? '−' : '';
    const abs = Math.abs(ms);
    if (abs < 1)
        return `${sign}${abs.toFixed(2)} ms`;
    if (abs < 1000)
        return `${sign}${Math.round(abs)} ms`;
    if (abs < 60_000)
        return `${sign}${(abs / 1000).toFixed(abs < 10_000 ? 2 : 1)} s`;
    if (abs < 3_600_000)
        return `${sign}${Math.floor(abs / 60_000)} min ${Math.round((abs % 60_000) / 1000)} s`;
    if (abs < 86_400_000)
        return `${sign}${Math.floor(abs / 3_600_000)} h ${Math.round((abs % 3_600_000) / 60_000)} min`;
    return `${sign}${(abs / 86_400_000).toFixed(1)} d`;
}
/** `2024-01-15 10:20:30.123Z` (UTC, to the ms). */
function formatTime(ms) {
    if (!Number.isFinite(ms))
        return '(no time)';
    return new Date(ms).toISOString().replace('T', ' ');
}
function formatCount(n) {
    return n.toLocaleString('en-US');
}
/** Label/value rows of a mark's tooltip; the page puts them in text nodes. */
function markTooltipRows(mark) {
    const rows = [
        ['type', mark.type],
        ['time', formatTime(mark.timestampMs)],
        ['aggregate', mark.aggregateId ?? '(none)'],
        ['event id', mark.eventId],
        ['correlation', mark.correlationId ?? '(none)'],
    ];
    if (mark.status !== undefined)
        rows.push(['status', mark.status]);
    if (mark.retryCount)
        rows.push(['retries', String(mark.retryCount)]);
    return rows;
}
function bucketTooltipRows(lane, count, from, to) {
    return [
        ['lane', lane],
        ['events', formatCount(count)],
        ['from', formatTime(from)],
        ['to', formatTime(to)],
    ];
}
//# sourceMappingURL=format.js.map