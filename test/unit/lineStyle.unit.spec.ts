import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEvent } from '../../src/engine/model/event';
import { attachRawData } from '../../src/engine/model/rawData';
import { detectTimestampStyle, formatInStyle, pythonIsoformat } from '../../src/engine/model/timestampStyle';
import { parseTimestamp } from '../../src/engine/model/timestamp';
import { topLevelMemberText } from '../../src/engine/store/jsonSpans';
import { PYTHON_SPELLING, respaceJson } from '../../src/engine/store/jsonRespace';
import { detectLineStyle, NEW_STORE_LINE_STYLE, serializeEventInStyle } from '../../src/engine/store/lineStyle';

/**
 * Python 3.7–3.10's datetime.fromisoformat accepts exactly what isoformat()
 * writes: no `Z`, a fraction of 3 or 6 digits, an offset as ±HH:MM.
 */
const PY310_FROMISOFORMAT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d{3}|\.\d{6})?([+-]\d{2}:\d{2}(:\d{2}(\.\d{6})?)?)?$/;

const PYTHON_LINE =
  '{"event_type": "trade_executed", "data": {"price": 50000.0, "note": "d\\u00e9j\\u00e0"}, "metadata": {"event_id": "e1", "version": "1.0.0", "schema_version": "1.0", "timestamp": "2024-01-15T10:30:00.123456", "source": "bot", "correlation_id": null, "causation_id": null, "aggregate_id": "t", "sequence_number": 1, "retry_count": 0, "status": "completed", "tags": {}}}';

describe('timestamps in the store\'s style', () => {
  it('writes what Python 3.10 fromisoformat reads, for naive and +00:00 stores, every fraction', () => {
    const naive = detectTimestampStyle(['2024-01-15T10:30:00.123456', '2024-01-15T10:30:01'])!;
    const offset = detectTimestampStyle(['2024-01-15T10:30:00.123456+00:00'])!;
    assert.deepEqual([naive.zone, naive.fractionDigits, naive.omitZeroFraction], ['naive', 6, true]);
    for (const ms of [Date.UTC(2024, 0, 15, 10, 30), Date.UTC(2024, 0, 15, 10, 30) + 0.001, Date.UTC(2024, 0, 15, 23, 59, 59) + 999.999, Date.UTC(2024, 0, 15) + 5]) {
      for (const style of [naive, offset]) {
        const text = formatInStyle(ms, style);
        assert.match(text, PY310_FROMISOFORMAT, text);
        assert.equal(parseTimestamp(text), ms, `${text} is the same instant`);
      }
    }
    assert.equal(formatInStyle(Date.UTC(2024, 0, 15, 10, 30), naive), '2024-01-15T10:30:00', 'isoformat() leaves a zero fraction out');
    assert.equal(formatInStyle(Date.UTC(2024, 0, 15, 10, 30) + 1.5, offset), '2024-01-15T10:30:00.001500+00:00');
    const z = detectTimestampStyle(['2024-01-15T10:30:00.123Z'])!;
    assert.equal(formatInStyle(Date.UTC(2024, 0, 15, 10, 30) + 7, z), '2024-01-15T10:30:00.007Z');
    assert.equal(pythonIsoformat('2024-01-15T10:30:00.120Z'), '2024-01-15T10:30:00.120000+00:00');
    assert.equal(pythonIsoformat('2024-01-15T10:30:00.000'), '2024-01-15T10:30:00');
  });
});

describe('lines in the store\'s style', () => {
  it('detects json.dumps spelling and writes a new line the way Python would, numbers as given', () => {
    const style = detectLineStyle([PYTHON_LINE])!;
    assert.deepEqual(style.spelling, PYTHON_SPELLING);
    assert.equal(style.timestamp.zone, 'naive');
    const event = attachRawData(
      createEvent('trade_executed', { quantity: 1, id: 12345678901234567000, note: 'é' }, { timestamp: '2024-01-16T08:00:00.250Z', source: 'cli', event_id: 'e2' }),
      '{"quantity":1.0,"id":12345678901234567890,"note":"é"}',
    );
    const line = serializeEventInStyle(event, style);
    assert.match(line, /^\{"event_type": "trade_executed", "data": \{"quantity": 1\.0, "id": 12345678901234567890, "note": "\\u00e9"\}, "metadata": \{"event_id": "e2", /);
    assert.match(line, /"timestamp": "2024-01-16T08:00:00\.250000"/);
    assert.equal(topLevelMemberText(line, 'data'), '{"quantity": 1.0, "id": 12345678901234567890, "note": "\\u00e9"}');
  });

  it('gives a new store the guide\'s compact form and keeps strings and escapes exact', () => {
    const event = createEvent('t', { s: 'a, b: "c"' }, { timestamp: '2024-01-16T08:00:00.123456Z', event_id: 'e' });
    const line = serializeEventInStyle(event, NEW_STORE_LINE_STYLE);
    assert.match(line, /^\{"event_type":"t","data":\{"s":"a, b: \\"c\\""\},"metadata":\{"event_id":"e",/);
    assert.deepEqual(JSON.parse(line), JSON.parse(JSON.stringify(event)));
    assert.equal(respaceJson('{"a" :[1.0 , 2e3],"b":{}}', PYTHON_SPELLING), '{"a": [1.0, 2e3], "b": {}}');
  });
});
