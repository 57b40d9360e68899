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
exports.REVEAL_IN_AGGREGATES_COMMAND = void 0;
exports.isRevealEventArgs = isRevealEventArgs;
exports.revealEventInAggregates = revealEventInAggregates;
const vscode = __importStar(require("vscode"));
const commands_1 = require("../../shared/commands");
const protocol_1 = require("../../shared/protocol");
const viewFilter_1 = require("./model/viewFilter");
exports.REVEAL_IN_AGGREGATES_COMMAND = commands_1.RevealInAggregatesCommand.id;
function isRevealEventArgs(value) {
    if (typeof value !== 'object' || value === null)
        return false;
    const { eventId, store } = value;
    return typeof eventId === 'string' && eventId.length > 0 && (store === undefined || typeof store === 'string');
}
/**
 * Selects an event's row in the Aggregates view, however many pages in:
 * the server says where the event sits under the view's filter and sort,
 * the view loads that many pages, then VS Code reveals the row. An event
 * the filter hides is said so, and its aggregate is revealed if shown.
 */
async function revealEventInAggregates(views, send, args) {
    const source = views.aggregates;
    const filter = (0, viewFilter_1.eventFilterOf)(source.filter);
    // The views key their rows by store root (the first store when the event names none).
    const store = args.store ?? views.registry.stores[0]?.storeRoot;
    const place = await send(protocol_1.EventPlaceRequest.type, {
        ...(store !== undefined ? { store } : {}),
        eventId: args.eventId,
        ...(source.filter.prefix ? { prefix: source.filter.prefix } : {}),
        ...(filter ? { filter } : {}),
        sort: source.sort,
    });
    if (!place) {
        void vscode.window.showWarningMessage(`Event Bus: no event with id ${args.eventId} in the store.`);
        return;
    }
    if (place.aggregateId === null) {
        void vscode.window.showInformationMessage(`Event Bus: event ${args.eventId} has no aggregate_id, so it is in no row of the Aggregates view.`);
        return;
    }
    if (place.groupIndex === -1) {
        void vscode.window.showInformationMessage(`Event Bus: the Aggregates view's filter hides aggregate ${place.aggregateId} (clear the filter to see event ${args.eventId}).`);
        return;
    }
    const provider = views.provider('aggregates');
    source.wantGroups(store, place.groupIndex + 1);
    const aggregateId = place.aggregateId;
    const group = await provider.findRoot(store, (node) => node.kind === 'group' && node.summary.key === aggregateId);
    if (!group || group.kind !== 'group')
        throw new Error(`aggregate ${aggregateId} is not in the Aggregates view after loading ${place.groupIndex + 1} rows`);
    let target = group;
    if (place.eventIndex >= 0) {
        source.wantEvents(group, place.eventIndex + 1);
        const children = await provider.getChildren(group);
        target = children.find((node) => node.kind === 'event' && node.entry.eventId === args.eventId) ?? group;
    }
    else {
        void vscode.window.showInformationMessage(`Event Bus: the Aggregates view's filter hides event ${args.eventId}; its aggregate is selected.`);
    }
    // VS Code holds the rows it listed before: the longer lists must reach it before the reveal.
    provider.refresh();
    await views.treeView('aggregates').reveal(target, { select: true, focus: false });
}
//# sourceMappingURL=revealEvent.js.map