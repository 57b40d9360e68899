import { latin1Slice } from './latin1';
import { parseTimestamp } from '../model/timestamp';

/**
 * Epoch ms of an ISO timestamp read straight from bytes (the index parses a
 * million of them; building a string and running a regex each time is a
 * large share of indexing). Handles `YYYY-MM-DDTHH:MM:SS[.frac][Z|±HH:MM]`
 * and naive values; anything else goes through the general parser.
 */
export function parseTimestampBytes(buf: Buffer, start: number, end: number): number {
  const length = end - start;
  if (length < 19 || buf[start + 4] !== 0x2d || buf[start + 7] !== 0x2d || buf[start + 13] !== 0x3a || buf[start + 16] !== 0x3a) {
    return parseTimestamp(latin1Slice(buf, start, end));
  }
  const sep = buf[start + 10];
  if (sep !== 0x54 && sep !== 0x20 && sep !== 0x74) return parseTimestamp(latin1Slice(buf, start, end));
  const year = digits(buf, start, 4);
  const month = digits(buf, start + 5, 2);
  const day = digits(buf, start + 8, 2);
  const hour = digits(buf, start + 11, 2);
  const minute = digits(buf, start + 14, 2);
  const second = digits(buf, start + 17, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
    return Number.NaN;
  }
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
    if (p === fractionStart) return Number.NaN;
  }
  let offsetMs = 0;
  if (p < end) {
    const zone = buf[p];
    if ((zone === 0x5a || zone === 0x7a) && p + 1 === end) {
      // UTC
    } else if ((zone === 0x2b || zone === 0x2d) && (end - p === 6 || end - p === 5 || end - p === 3)) {
      const oh = digits(buf, p + 1, 2);
      const om = end - p === 3 ? 0 : digits(buf, end - 2, 2);
      if (oh < 0 || om < 0) return Number.NaN;
      offsetMs = (zone === 0x2b ? 1 : -1) * (oh * 60 + om) * 60_000;
    } else {
      return parseTimestamp(latin1Slice(buf, start, end));
    }
  }
  const days = daysFromCivil(year, month, day);
  return days * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + fraction - offsetMs;
}

function digits(buf: Buffer, at: number, count: number): number {
  let value = 0;
  for (let i = 0; i < count; i++) {
    const c = buf[at + i] - 0x30;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
