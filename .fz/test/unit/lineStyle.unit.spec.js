"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const event_1 = require("../../src/engine/model/event");
const rawData_1 = require("../../src/engine/model/rawData");
const timestampStyle_1 = require("../../src/engine/model/timestampStyle");
const timestamp_1 = require("../../src/engine/model/timestamp");
const jsonSpans_1 = require("../../src/engine/store/jsonSpans");
const jsonRespace_1 = require("../../src/engine/store/jsonRespace");
const lineStyle_1 = require("../../src/engine/store/lineStyle");
/**
 * Python 3.7–3.10's datetime.fromisoformat accepts exactly what isoformat()
 * writes: no `Z`, a fraction of 3 or 6 digits, an offset as ±HH:MM.
 */
const PY310_FROMISOFORMAT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d{3}|\.\d{6})?([+-]\d{2}:\d{2}(:\d{2}(\.\d{6})?)?)?$/;
const PYTHON_LINE = '{"event_type": "trade_executed", "data": {"price": 50000.0, "note": "d\\u00e9j\\u00e0"}, "metadata": {"event_id": "e1", "version": "1.0.0", "schema_version": "1.0", "timestamp": "2024-01-15T10:30:00.123456", "source": "bot", "correlation_id": null, "causation_id": null, "aggregate_id": "t", "sequence_number": 1, "retry_count": 0, "status": "completed", "tags": {}}}';
(0, node_test_1.describe)('timestamps in the store\'s style', () => {
    (0, node_test_1.it)('writes what Python 3.10 fromisoformat reads, for naive and +00:00 stores, every fraction', () => {
        const naive = (0, timestampStyle_1.detectTimestampStyle)(['2024-01-15T10:30:00.123456', '2024-01-15T10:30:01']);
        const offset = (0, timestampStyle_1.detectTimestampStyle)(['2024-01-15T10:30:00.123456+00:00']);
        strict_1.default.deepEqual([naive.zone, naive.fractionDigits, naive.omitZeroFraction], ['naive', 6, true]);
        for (const ms of [Date.UTC(2024, 0, 15, 10, 30), Date.UTC(2024, 0, 15, 10, 30) + 0.001, Date.UTC(2024, 0, 15, 23, 59, 59) + 999.999, Date.UTC(2024, 0, 15) + 5]) {
            for (const style of [naive, offset]) {
                const text = (0, timestampStyle_1.formatInStyle)(ms, style);
                strict_1.default.match(text, PY310_FROMISOFORMAT, text);
                strict_1.default.equal((0, timestamp_1.parseTimestamp)(text), ms, `${text} is the same instant`);
            }
        }
        strict_1.default.equal((0, timestampStyle_1.formatInStyle)(Date.UTC(2024, 0, 15, 10, 30), naive), '2024-01-15T10:30:00', 'isoformat() leaves a zero fraction out');
        strict_1.default.equal((0, timestampStyle_1.formatInStyle)(Date.UTC(2024, 0, 15, 10, 30) + 1.5, offset), '2024-01-15T10:30:00.001500+00:00');
        const z = (0, timestampStyle_1.detectTimestampStyle)(['2024-01-15T10:30:00.123Z']);
        strict_1.default.equal((0, timestampStyle_1.formatInStyle)(Date.UTC(2024, 0, 15, 10, 30) + 7, z), '2024-01-15T10:30:00.007Z');
        strict_1.default.equal((0, timestampStyle_1.pythonIsoformat)('2024-01-15T10:30:00.120Z'), '2024-01-15T10:30:00.120000+00:00');
        strict_1.default.equal((0, timestampStyle_1.pythonIsoformat)('2024-01-15T10:30:00.000'), '2024-01-15T10:30:00');
    });
});
(0, node_test_1.describe)('lines in the store\'s style', () => {
    (0, node_test_1.it)('detects json.dumps spelling and writes a new line the way Python would, numbers as given', () => {
        const style = (0, lineStyle_1.detectLineStyle)([PYTHON_LINE]);
        strict_1.default.deepEqual(style.spelling, jsonRespace_1.PYTHON_SPELLING);
        strict_1.default.equal(style.timestamp.zone, 'naive');
        const event = (0, rawData_1.attachRawData)((0, event_1.createEvent)('trade_executed', { quantity: 1, id: 12345678901234567000, note: 'é' }, { timestamp: '2024-01-16T08:00:00.250Z', source: 'cli', event_id: 'e2' }), '{"quantity":1.0,"id":12345678901234567890,"note":"é"}');
        const line = (0, lineStyle_1.serializeEventInStyle)(event, style);
        strict_1.default.match(line, /^\{"event_type": "trade_executed", "data": \{"quantity": 1\.0, "id": 12345678901234567890, "note": "\\u00e9"\}, "metadata": \{"event_id": "e2", /);
        strict_1.default.match(line, /"timestamp": "2024-01-16T08:00:00\.250000"/);
        strict_1.default.equal((0, jsonSpans_1.topLevelMemberText)(line, 'data'), '{"quantity": 1.0, "id": 12345678901234567890, "note": "\\u00e9"}');
    });
    (0, node_test_1.it)('gives a new store the guide\'s compact form and keeps strings and escapes exact', () => {
        const event = (0, event_1.createEvent)('t', { s: 'a, b: "c"' }, { timestamp: '2024-01-16T08:00:00.123456Z', event_id: 'e' });
        const line = (0, lineStyle_1.serializeEventInStyle)(event, lineStyle_1.NEW_STORE_LINE_STYLE);
        strict_1.default.match(line, /^\{"event_type":"t","data":\{"s":"a, b: \\"c\\""\},"metadata":\{"event_id":"e",/);
        strict_1.default.deepEqual(JSON.parse(line), JSON.parse(JSON.stringify(event)));
        strict_1.default.equal((0, jsonRespace_1.respaceJson)('{"a" :[1.0 , 2e3],"b":{}}', jsonRespace_1.PYTHON_SPELLING), '{"a": [1.0, 2e3], "b": {}}');
    });
});
//# sourceMappingURL=lineStyle.unit.spec.js.map