"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.AS_WRITTEN_EVENT_LIMIT = void 0;
exports.stateAsWritten = stateAsWritten;
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const jsonSpans_1 = require("../store/jsonSpans");
const unsafeNumbers_1 = require("./unsafeNumbers");
const snapshotTypes_1 = require("../model/snapshotTypes");
/** Beyond this many events since the snapshot, the state is shown as computed (reading every line would stall the view). */
exports.AS_WRITTEN_EVENT_LIMIT = 5000;
/**
 * A rebuilt state with each number spelled as the store wrote it (`1.0`,
 * every digit of a 20-digit integer): the spelling of the last event (or
 * the starting snapshot) that put a number with that value at that path;
 * computed numbers (counts, increments) stay as computed. Undefined when
 * nothing is spelled otherwise, for `system` (a summary, not the events'
 * values), or past AS_WRITTEN_EVENT_LIMIT events.
 */
async function stateAsWritten(engine, state, range) {
    if (range.aggregateId === snapshotTypes_1.SYSTEM_AGGREGATE)
        return undefined;
    const ordinals = engine.index
        .ordinalsOfAggregate(range.aggregateId)
        .filter((ordinal) => {
        const sequence = engine.index.event(ordinal).sequenceNumber;
        return sequence > range.fromSequenceNumber && sequence <= range.toSequenceNumber;
    })
        .sort((a, b) => engine.index.event(a).sequenceNumber - engine.index.event(b).sequenceNumber);
    if (ordinals.length > exports.AS_WRITTEN_EVENT_LIMIT)
        return undefined;
    const texts = new Map();
    if (range.fromSnapshot !== null) {
        const snapshotText = await node_fs_1.promises.readFile(path.join(engine.root, range.fromSnapshot), 'utf8').catch(() => undefined);
        const stateText = snapshotText === undefined ? undefined : (0, jsonSpans_1.topLevelMemberText)(snapshotText, 'state');
        if (stateText !== undefined)
            for (const [at, text] of (0, jsonSpans_1.numberTexts)(stateText))
                texts.set(at, text);
    }
    for (const ordinal of ordinals) {
        const dataText = (0, jsonSpans_1.topLevelMemberText)(await engine.readLine(ordinal), 'data');
        if (dataText !== undefined)
            for (const [at, text] of (0, jsonSpans_1.numberTexts)(dataText))
                texts.set(at, text);
    }
    const spellings = spellingsIn(state, texts);
    if (Object.keys(spellings).length === 0)
        return undefined;
    return { text: (0, jsonSpans_1.stringifyKeepingNumbers)(state, texts, { indent: 2 }), spellings };
}
/** The numbers of `state` whose text in `texts` (same path, same value) is not how JavaScript prints them, by JSON pointer. */
function spellingsIn(state, texts) {
    const spellings = {};
    const pending = [[state, []]];
    for (let job = pending.pop(); job !== undefined; job = pending.pop()) {
        const [value, keys] = job;
        if (typeof value === 'number') {
            const text = texts.get(keys.join(jsonSpans_1.KEY_SEPARATOR));
            if (text !== undefined && Number(text) === value && text !== String(value))
                spellings[(0, unsafeNumbers_1.jsonPointer)(keys)] = text;
        }
        else if (Array.isArray(value))
            value.forEach((item, i) => pending.push([item, [...keys, String(i)]]));
        else if (value !== null && typeof value === 'object')
            for (const [key, item] of Object.entries(value))
                pending.push([item, [...keys, key]]);
    }
    return spellings;
}
//# sourceMappingURL=stateAsWritten.js.map