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
exports.pickAggregateEvent = pickAggregateEvent;
const vscode = __importStar(require("vscode"));
const protocol_1 = require("../../shared/protocol");
const eventPickItems_1 = require("./eventPickItems");
const PAGE = 10_000;
/** Every event of the aggregate (paged from the server), in sequence order. */
async function aggregateEntries(client, store, aggregateId, token) {
    const entries = [];
    for (let offset = 0;; offset += PAGE) {
        const page = await client.sendRequest(protocol_1.EventsQueryRequest.type, { ...(store !== undefined ? { store } : {}), aggregateId, offset, limit: PAGE }, token);
        entries.push(...page.items);
        if (entries.length >= page.total || page.items.length === 0)
            return entries;
    }
}
/**
 * "Pick the event, then see the state": a searchable list of the aggregate's
 * events (type, time, source, by sequence, newest first). Resolves with the
 * chosen sequence, undefined when cancelled or the aggregate has none.
 */
async function pickAggregateEvent(client, store, aggregateId, title) {
    const items = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Reading the events of ${aggregateId}` }, (_p, token) => aggregateEntries(client, store, aggregateId, token).then(eventPickItems_1.eventPickItems));
    if (items.length === 0) {
        void vscode.window.showWarningMessage(`Event Bus: ${aggregateId} has no events with a sequence number to rebuild at.`);
        return undefined;
    }
    const picked = await vscode.window.showQuickPick(items, {
        title,
        placeHolder: `The state of ${aggregateId} after which event? Type to search by sequence, type, time or source`,
        matchOnDescription: true,
        matchOnDetail: true,
    });
    return picked?.sequence;
}
//# sourceMappingURL=eventPick.js.map