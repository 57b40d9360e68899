"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const jsonSpans_1 = require("../../src/engine/store/jsonSpans");
(0, node_test_1.describe)('stringifyKeepingNumbers: a value written back with the numbers of the text it came from', () => {
    const text = '{"quantity": 1.0, "ticket": 12345678901234567890, "legs": [2.50, 3]}';
    (0, node_test_1.it)('spells each unchanged number as written, indented for an event document when asked', () => {
        const value = JSON.parse(text);
        strict_1.default.equal((0, jsonSpans_1.stringifyKeepingNumbers)(value, (0, jsonSpans_1.numberTexts)(text)), '{"quantity":1.0,"ticket":12345678901234567890,"legs":[2.50,3]}');
        strict_1.default.equal((0, jsonSpans_1.stringifyKeepingNumbers)(value, (0, jsonSpans_1.numberTexts)(text), { indent: 2 }), '{\n  "quantity": 1.0,\n  "ticket": 12345678901234567890,\n  "legs": [\n    2.50,\n    3\n  ]\n}');
    });
    (0, node_test_1.it)('keeps the spelling of a value a rename moved, and writes a changed value as computed', () => {
        const { ticket, ...rest } = JSON.parse(text);
        const renamed = { ...rest, quantity: 2, exchange_ticket: ticket };
        strict_1.default.equal((0, jsonSpans_1.stringifyKeepingNumbers)(renamed, (0, jsonSpans_1.numberTexts)(text), { spellMovedValues: true }), '{"quantity":2,"legs":[2.50,3],"exchange_ticket":12345678901234567890}');
        // A computed state asks for paths only: a count equal to a written 1.0 elsewhere stays a count.
        strict_1.default.equal((0, jsonSpans_1.stringifyKeepingNumbers)({ count: 1 }, (0, jsonSpans_1.numberTexts)(text)), '{"count":1}');
    });
    (0, node_test_1.it)('guesses no spelling for a moved value the text spelled two ways', () => {
        const twoWays = '{"a": 1.0, "b": 1}';
        strict_1.default.equal((0, jsonSpans_1.stringifyKeepingNumbers)({ c: 1 }, (0, jsonSpans_1.numberTexts)(twoWays), { spellMovedValues: true }), '{"c":1}');
    });
});
//# sourceMappingURL=jsonSpans.unit.spec.js.map