"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Found by the line fuzz (h-fuzz): the index's scanner read an integer of
 * more than 15 digits (sequence_number, retry_count) by accumulating
 * `value * 10 + digit`, which rounds at every step beyond 2^53, so the index
 * and the event body (JSON.parse) disagreed on the event's sequence number.
 * h-scan fixed it in envelopeScanner.ts (readInteger); this pins it.
 */
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const fuzzOracle_1 = require("../helpers/fuzzOracle");
for (const digits of ['12345678901234567890', '123456789012345678901234567890', '99999999999999999999999']) {
    (0, node_test_1.test)(`an integer of ${digits.length} digits reads as JSON.parse reads it (${digits})`, () => {
        const line = Buffer.from(`{"event_type": "a", "data": {}, "metadata": {"sequence_number": ${digits}, "retry_count": ${digits}}}`);
        const scanned = (0, fuzzOracle_1.scanLine)(line);
        strict_1.default.equal(scanned.sequenceNumber, JSON.parse(digits));
        strict_1.default.equal(scanned.retryCount, JSON.parse(digits));
    });
}
//# sourceMappingURL=fuzzScannerNumbers.unit.spec.js.map