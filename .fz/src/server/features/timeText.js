"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.utcText = utcText;
exports.localText = localText;
exports.durationText = durationText;
const timestamp_1 = require("../../engine/model/timestamp");
/** An instant as ISO UTC (microseconds kept when present), or a note when unknown. */
function utcText(epochMs) {
    return Number.isFinite(epochMs) ? (0, timestamp_1.formatTimestamp)(epochMs) : 'unknown time';
}
/**
 * The instant in the server process's time zone, `YYYY-MM-DD HH:MM:SS.mmm UTC+hh:mm (Zone/Name)`:
 * the zone is spelled out because "local" means the machine running the server.
 */
function localText(epochMs) {
    if (!Number.isFinite(epochMs))
        return 'unknown time';
    const date = new Date(Math.floor(epochMs));
    const pad = (n, width = 2) => String(n).padStart(width, '0');
    const offset = -date.getTimezoneOffset();
    const sign = offset >= 0 ? '+' : '-';
    const zone = `UTC${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
    const name = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const clock = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${clock} ${zone}${name ? ` (${name})` : ''}`;
}
/** A duration for people: `850 ms`, `12.345 s`, `3 min 5 s`, `2 h 4 min`, `3 d 1 h`; negative values get a leading minus. */
function durationText(ms) {
    if (!Number.isFinite(ms))
        return 'unknown';
    const sign = ms < 0 ? '-' : '';
    const a = Math.abs(ms);
    if (a < 1000)
        return `${sign}${trimNumber(a, 3)} ms`;
    if (a < 60_000)
        return `${sign}${trimNumber(a / 1000, 3)} s`;
    const s = Math.floor(a / 1000);
    if (a < 3_600_000)
        return `${sign}${Math.floor(s / 60)} min ${s % 60} s`;
    if (a < 86_400_000)
        return `${sign}${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
    return `${sign}${Math.floor(s / 86_400)} d ${Math.floor((s % 86_400) / 3600)} h`;
}
function trimNumber(value, decimals) {
    return String(Number(value.toFixed(decimals)));
}
//# sourceMappingURL=timeText.js.map