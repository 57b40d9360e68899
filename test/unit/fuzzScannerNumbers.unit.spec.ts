/**
 * Found by the line fuzz (h-fuzz): the index's scanner read an integer of
 * more than 15 digits (sequence_number, retry_count) by accumulating
 * `value * 10 + digit`, which rounds at every step beyond 2^53, so the index
 * and the event body (JSON.parse) disagreed on the event's sequence number.
 * h-scan fixed it in envelopeScanner.ts (readInteger); this pins it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanLine } from '../helpers/fuzzOracle';

for (const digits of ['12345678901234567890', '123456789012345678901234567890', '99999999999999999999999']) {
  test(`an integer of ${digits.length} digits reads as JSON.parse reads it (${digits})`, () => {
    const line = Buffer.from(`{"event_type": "a", "data": {}, "metadata": {"sequence_number": ${digits}, "retry_count": ${digits}}}`);
    const scanned = scanLine(line);
    assert.equal(scanned.sequenceNumber, JSON.parse(digits) as number);
    assert.equal(scanned.retryCount, JSON.parse(digits) as number);
  });
}
