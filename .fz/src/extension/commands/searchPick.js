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
exports.pickWithSearch = pickWithSearch;
exports.toQuickItem = toQuickItem;
const vscode = __importStar(require("vscode"));
const pickItems_1 = require("./pickItems");
const errorText_1 = require("../errorText");
/** How long typing must pause before the server is asked again. */
const TYPING_PAUSE_MS = 80;
/**
 * A quick pick over ids the server searches by prefix as the user types,
 * so a store with thousands of aggregates stays instant: the client never
 * holds the whole list. Older answers that arrive late are dropped; the
 * request they belonged to is cancelled.
 */
function pickWithSearch(options) {
    return new Promise((resolve) => {
        const pick = vscode.window.createQuickPick();
        pick.title = options.title;
        pick.placeholder = options.placeholder;
        pick.matchOnDescription = false;
        let generation = 0;
        let pending;
        let timer;
        let settled = false;
        const finish = (value) => {
            if (settled)
                return;
            settled = true;
            resolve(value);
        };
        const load = (prefix) => {
            pending?.cancel();
            pending?.dispose();
            const source = new vscode.CancellationTokenSource();
            pending = source;
            const mine = ++generation;
            pick.busy = true;
            options.search(prefix, source.token).then(({ items, total }) => {
                if (mine !== generation)
                    return;
                const notes = items.length === 0 ? [(0, pickItems_1.noMatchNote)(prefix, options.noun)] : [];
                const more = (0, pickItems_1.moreResultsNote)(items.length, total, prefix);
                pick.items = [...items, ...notes, ...(more ? [more] : [])].map(toQuickItem);
                pick.busy = false;
            }, (error) => {
                if (mine !== generation)
                    return;
                pick.items = [{ label: `$(error) ${(0, errorText_1.editorErrorText)(error)}`, alwaysShow: true }];
                pick.busy = false;
            });
        };
        pick.onDidChangeValue((value) => {
            if (timer)
                clearTimeout(timer);
            timer = setTimeout(() => load(value), TYPING_PAUSE_MS);
        });
        pick.onDidAccept(() => {
            const chosen = pick.selectedItems[0];
            if (!chosen || chosen.value === undefined)
                return;
            finish(chosen.value);
            pick.hide();
        });
        pick.onDidHide(() => {
            if (timer)
                clearTimeout(timer);
            pending?.cancel();
            pending?.dispose();
            pick.dispose();
            finish(undefined);
        });
        load('');
        pick.show();
    });
}
/** Notes stay visible whatever is typed (VS Code's own filter would hide them) and carry no value. */
function toQuickItem(item) {
    return {
        label: item.label,
        ...(item.description !== undefined ? { description: item.description } : {}),
        ...(item.detail !== undefined ? { detail: item.detail } : {}),
        ...(item.note ? { alwaysShow: true, label: `$(info) ${item.label}` } : {}),
        ...(item.value !== undefined ? { value: item.value } : {}),
    };
}
//# sourceMappingURL=searchPick.js.map