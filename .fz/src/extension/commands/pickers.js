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
exports.pickAggregate = pickAggregate;
exports.pickCorrelation = pickCorrelation;
exports.pickEventType = pickEventType;
exports.pickSnapshot = pickSnapshot;
exports.aggregateBounds = aggregateBounds;
exports.aggregateSequences = aggregateSequences;
const vscode = __importStar(require("vscode"));
const eventTypes_1 = require("../../engine/model/eventTypes");
const protocol_1 = require("../../shared/protocol");
const pickItems_1 = require("./pickItems");
const searchPick_1 = require("./searchPick");
/** Results per search: enough to scroll, small enough to arrive at once. */
const SEARCH_PAGE = 200;
/** Largest page the server answers (protocol.ts MAX_PAGE). */
const SERVER_PAGE = 10_000;
function pickAggregate(client, store, title) {
    return (0, searchPick_1.pickWithSearch)({
        title,
        placeholder: 'Aggregate id (type the start of it to search)',
        noun: 'aggregate',
        search: async (prefix, token) => {
            const page = await client.sendRequest(protocol_1.AggregatesRequest.type, { store, prefix, limit: SEARCH_PAGE }, token);
            return { items: page.items.map(pickItems_1.aggregateItem), total: page.total };
        },
    });
}
function pickCorrelation(client, store, title) {
    return (0, searchPick_1.pickWithSearch)({
        title,
        placeholder: 'Correlation id (type the start of it to search)',
        noun: 'correlation',
        search: async (prefix, token) => {
            const page = await client.sendRequest(protocol_1.CorrelationsRequest.type, { store, prefix, limit: SEARCH_PAGE }, token);
            return { items: page.items.map(pickItems_1.correlationItem), total: page.total };
        },
    });
}
/**
 * The event type to publish: the store's types and the built-in ones
 * (a list of names, not the store: the client still parses nothing), or
 * whatever new type the user types.
 */
async function pickEventType(client, store) {
    const storeTypes = await client.sendRequest(protocol_1.EventTypesRequest.type, { store });
    return new Promise((resolve) => {
        const pick = vscode.window.createQuickPick();
        pick.title = 'Publish Event: event type';
        pick.placeholder = 'Pick an event type, or type a new one';
        const refill = (typed) => {
            pick.items = (0, pickItems_1.eventTypeItems)(storeTypes, eventTypes_1.BUILT_IN_EVENT_TYPES, typed).map(searchPick_1.toQuickItem);
        };
        refill('');
        let chosen;
        pick.onDidChangeValue(refill);
        pick.onDidAccept(() => {
            const typed = pick.value.trim();
            // With nothing selected, Enter takes the typed text when it can be a type (the list shows why when not).
            const value = pick.selectedItems[0]?.value ?? (typed && (0, pickItems_1.validateEventTypeName)(typed) === undefined ? typed : undefined);
            if (value === undefined)
                return;
            chosen = value;
            pick.hide();
        });
        pick.onDidHide(() => {
            pick.dispose();
            resolve(chosen);
        });
        pick.show();
    });
}
async function pickSnapshot(snapshots, aggregateId) {
    const items = snapshots
        .filter((s) => s.aggregateId === aggregateId)
        .sort((a, b) => b.sequenceNumber - a.sequenceNumber)
        .map((s) => (0, searchPick_1.toQuickItem)((0, pickItems_1.snapshotItem)(s)));
    const picked = await vscode.window.showQuickPick(items, { title: `Restore ${aggregateId} from snapshot`, placeHolder: 'The snapshot to start from' });
    return picked?.value;
}
/** The aggregate's first and last sequence (its events come in sequence order). */
async function aggregateBounds(client, store, aggregateId) {
    const first = await client.sendRequest(protocol_1.AggregateEventsRequest.type, { store, aggregateId, limit: 1 });
    if (first.total === 0 || first.items[0].sequence === null)
        return undefined;
    const last = await client.sendRequest(protocol_1.AggregateEventsRequest.type, { store, aggregateId, offset: first.total - 1, limit: 1 });
    const lastSequence = last.items[0]?.sequence;
    return { first: first.items[0].sequence, last: lastSequence ?? first.items[0].sequence };
}
/** Every sequence the aggregate has, ascending, a page at a time. */
async function aggregateSequences(client, store, aggregateId, token) {
    const sequences = [];
    for (let offset = 0;; offset += SERVER_PAGE) {
        const page = await client.sendRequest(protocol_1.AggregateEventsRequest.type, { store, aggregateId, offset, limit: SERVER_PAGE }, token);
        for (const entry of page.items)
            if (entry.sequence !== null)
                sequences.push(entry.sequence);
        if (offset + page.items.length >= page.total || page.items.length === 0 || token?.isCancellationRequested)
            break;
    }
    return sequences;
}
//# sourceMappingURL=pickers.js.map