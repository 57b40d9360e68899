"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.formatRelativeTime = formatRelativeTime;
exports.formatEventTime = formatEventTime;
exports.formatStepDuration = formatStepDuration;
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;
const STEPS = [
    [MINUTE, SECOND, 's'],
    [HOUR, MINUTE, 'min'],
    [DAY, HOUR, 'h'],
    [MONTH, DAY, 'day'],
    [YEAR, MONTH, 'mo'],
    [Number.POSITIVE_INFINITY, YEAR, 'yr'],
];
/**
 * "3 min ago", "2 days ago", "in 5 h" (a clock ahead of ours), "just now";
 * empty for an unknown time. Whole units, rounded down, so the text never
 * claims more time than passed.
 */
function formatRelativeTime(thenMs, nowMs) {
    if (thenMs === null || !Number.isFinite(thenMs))
        return '';
    const delta = nowMs - thenMs;
    const size = Math.abs(delta);
    if (size < 5 * SECOND)
        return 'just now';
    const [, unit, name] = STEPS.find(([limit]) => size < limit) ?? STEPS[STEPS.length - 1];
    const count = Math.floor(size / unit);
    const label = name === 'day' && count !== 1 ? 'days' : name;
    return delta >= 0 ? `${count} ${label} ago` : `in ${count} ${label}`;
}
/**
 * A row's time: relative while it is recent ("3 min ago"), the absolute
 * UTC time once it is more than a day away, so the rows of a historical
 * store tell their events apart instead of all reading "2 yr ago".
 */
function formatEventTime(thenMs, nowMs) {
    if (thenMs === null || !Number.isFinite(thenMs))
        return '';
    if (Math.abs(nowMs - thenMs) < DAY)
        return formatRelativeTime(thenMs, nowMs);
    return `${new Date(thenMs).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
/** `+12 ms`, `+1.5 s`, `+3 min`, `+2 h` for the time a causation step took; `-…` when the effect is stamped before its cause. */
function formatStepDuration(ms) {
    if (ms === null || !Number.isFinite(ms))
        return '';
    const sign = ms < 0 ? '-' : '+';
    const size = Math.abs(ms);
    if (size < SECOND)
        return `${sign}${Math.round(size)} ms`;
    if (size < MINUTE)
        return `${sign}${trimmed(size / SECOND)} s`;
    if (size < HOUR)
        return `${sign}${trimmed(size / MINUTE)} min`;
    if (size < DAY)
        return `${sign}${trimmed(size / HOUR)} h`;
    return `${sign}${trimmed(size / DAY)} d`;
}
function trimmed(value) {
    return value >= 10 ? String(Math.round(value)) : String(Math.round(value * 10) / 10);
}
//# sourceMappingURL=relativeTime.js.map