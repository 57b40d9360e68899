"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseTimestampBytes = parseTimestampBytes;
const latin1_1 = require("./latin1");
const timestamp_1 = require("../model/timestamp");
/**
 * Epoch ms of an ISO timestamp read straight from bytes (the index parses a
 * million of them; building a string and running a regex each time is a
 * large share of indexing). Handles `YYYY-MM-DDTHH:MM:SS[.frac][Z|±HH:MM]`
 * and naive values; anything else goes through the general parser.
 */
function parseTimestampBytes(buf, start, end) {
    const length = end - start;
    if (length < 19 || buf[start + 4] !== 0x2d || buf[start + 7] !== 0x2d || buf[start + 13] !== 0x3a || buf[start + 16] !== 0x3a) {
        return (0, timestamp_1.parseTimestamp)((0, latin1_1.latin1Slice)(buf, start, end));
    }
    const sep = buf[start + 10];
    if (sep !== 0x54 && sep !== 0x20 && sep !== 0x74)
        return (0, timestamp_1.parseTimestamp)((0, latin1_1.latin1Slice)(buf, start, end));
    const high = twoDigits(buf, start);
    const low = twoDigits(buf, start + 2);
    const year = high < 0 || low < 0 ? -1 : high * 100 + low;
    const month = twoDigits(buf, start + 5);
    const day = twoDigits(buf, start + 8);
    const hour = twoDigits(buf, start + 11);
    const minute = twoDigits(buf, start + 14);
    const second = twoDigits(buf, start + 17);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
        return Number.NaN;
    }
    // A store's timestamps come day after day: the day number is computed once per date.
    const dateKey = (year * 100 + month) * 100 + day;
    if (dateKey !== lastDateKey) {
        if (day > daysInMonth(year, month))
            return Number.NaN;
        lastDays = daysFromCivil(year, month, day);
        lastDateKey = dateKey;
    }
    const days = lastDays;
    let p = start + 19;
    let fraction = 0;
    if (p < end && buf[p] === 0x2e) {
        p++;
        let scale = 1000;
        const fractionStart = p;
        while (p < end && buf[p] >= 0x30 && buf[p] <= 0x39) {
            scale /= 10;
            fraction += (buf[p] - 0x30) * scale;
            p++;
        }
        if (p === fractionStart)
            return Number.NaN;
    }
    let offsetMs = 0;
    if (p < end) {
        const zone = buf[p];
        if ((zone === 0x5a || zone === 0x7a) && p + 1 === end) {
            // UTC
        }
        else if ((zone === 0x2b || zone === 0x2d) && (end - p === 6 || end - p === 5 || end - p === 3)) {
            const oh = twoDigits(buf, p + 1);
            const om = end - p === 3 ? 0 : twoDigits(buf, end - 2);
            if (oh < 0 || om < 0)
                return Number.NaN;
            offsetMs = (zone === 0x2b ? 1 : -1) * (oh * 60 + om) * 60_000;
        }
        else {
            return (0, timestamp_1.parseTimestamp)((0, latin1_1.latin1Slice)(buf, start, end));
        }
    }
    return days * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + fraction - offsetMs;
}
let lastDateKey = -1;
let lastDays = 0;
/** The value of two ASCII digits at `at`, or -1. */
function twoDigits(buf, at) {
    const tens = buf[at] - 0x30;
    const ones = buf[at + 1] - 0x30;
    if (tens < 0 || tens > 9 || ones < 0 || ones > 9)
        return -1;
    return tens * 10 + ones;
}
function daysInMonth(year, month) {
    if (month === 2)
        return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
    return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
function daysFromCivil(year, month, day) {
    const y = month <= 2 ? year - 1 : year;
    const era = Math.floor(y / 400);
    const yoe = y - era * 400;
    const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
    const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
}
//# sourceMappingURL=byteTimestamp.js.map