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
const vscode = __importStar(require("vscode"));
const protocol_1 = require("../../shared/protocol");
const aggregatePickItems_1 = require("./aggregatePickItems");
const FIRST_PAGE = 5000;
/**
 * A quick pick of the store's aggregates with their event counts. The first
 * page is filtered by VS Code as the person types; when the store has more
 * aggregates than that page, typing also asks the server by id prefix.
 */
async function pickAggregate(send, store) {
    const scope = store === undefined ? {} : { store };
    const first = await send(protocol_1.AggregatesRequest.type, { ...scope, offset: 0, limit: FIRST_PAGE });
    if (first.total === 0) {
        void vscode.window.showInformationMessage('Event Bus: the store has no aggregates to inspect.');
        return undefined;
    }
    const pick = vscode.window.createQuickPick();
    pick.title = 'Open Time-Travel Inspector';
    pick.placeholder = (0, aggregatePickItems_1.aggregatePickPlaceholder)(first);
    pick.matchOnDescription = false;
    pick.items = (0, aggregatePickItems_1.aggregatePickItems)(first);
    let searching;
    let latestQuery = '';
    if (first.items.length < first.total) {
        pick.onDidChangeValue((value) => {
            latestQuery = value;
            if (searching !== undefined)
                clearTimeout(searching);
            searching = setTimeout(() => {
                pick.busy = true;
                send(protocol_1.AggregatesRequest.type, { ...scope, prefix: value, offset: 0, limit: FIRST_PAGE }).then((page) => {
                    if (value !== latestQuery)
                        return;
                    pick.items = (0, aggregatePickItems_1.aggregatePickItems)(value === '' ? first : page);
                    pick.busy = false;
                }, () => {
                    pick.busy = false;
                });
            }, 150);
        });
    }
    return new Promise((resolve) => {
        pick.onDidAccept(() => {
            resolve(pick.selectedItems[0]?.aggregateId);
            pick.hide();
        });
        pick.onDidHide(() => {
            resolve(undefined);
            pick.dispose();
        });
        pick.show();
    });
}
//# sourceMappingURL=aggregatePick.js.map