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
exports.registerViewCommands = registerViewCommands;
const vscode = __importStar(require("vscode"));
const filterPrompts_1 = require("./filterPrompts");
const viewNames_1 = require("./model/viewNames");
const errorText_1 = require("../errorText");
function isLoadMore(value) {
    return typeof value === 'object' && value !== null && value.kind === 'more';
}
/**
 * Filter, clear, sort (a generic command for the palette that asks which
 * view, and one per view for its title bar, which passes no argument),
 * and "Load more…". Refresh is the one palette command eventbus.refresh.
 */
function registerViewCommands(views, send) {
    const storeOf = (view) => views.registry.stores.length > 0 ? views.treeView(view).selection[0]?.store ?? views.registry.stores[0].storeRoot : undefined;
    const filter = async (view) => {
        const source = views.filterable(view);
        const next = await (0, filterPrompts_1.promptFilter)(view, source.filter, send, storeOf(view));
        if (next)
            views.setFilter(view, next);
    };
    const clear = (view) => views.setFilter(view, {});
    const sort = async (view) => {
        const source = views.filterable(view);
        const next = await (0, filterPrompts_1.promptSort)(view, source.sort);
        if (!next)
            return;
        source.setSort(next);
        views.applyViewState(view);
        views.provider(view).refresh();
    };
    const viewFromArg = async (arg) => ((0, viewNames_1.isFilterableView)(arg) ? arg : (0, filterPrompts_1.pickView)());
    const fail = (error) => void vscode.window.showErrorMessage(`Event Bus: ${(0, errorText_1.editorErrorText)(error)}`);
    const disposables = [
        vscode.commands.registerCommand('eventbus.filterView', async (arg) => {
            const view = await viewFromArg(arg);
            if (view)
                await filter(view).catch(fail);
        }),
        vscode.commands.registerCommand('eventbus.clearFilter', async (arg) => {
            const view = await viewFromArg(arg);
            if (view)
                clear(view);
        }),
        vscode.commands.registerCommand('eventbus.sortView', async (arg) => {
            const view = await viewFromArg(arg);
            if (view)
                await sort(view).catch(fail);
        }),
        vscode.commands.registerCommand('eventbus.loadMore', (node) => {
            if (!isLoadMore(node))
                return;
            const view = viewNames_1.FILTERABLE_VIEWS.find((name) => views.source(name).loadMore(node));
            if (view)
                views.provider(view).refresh(node.parent);
        }),
    ];
    for (const view of viewNames_1.FILTERABLE_VIEWS) {
        disposables.push(vscode.commands.registerCommand((0, viewNames_1.viewCommandId)('filterView', view), () => filter(view).catch(fail)), vscode.commands.registerCommand((0, viewNames_1.viewCommandId)('clearFilter', view), () => clear(view)), vscode.commands.registerCommand((0, viewNames_1.viewCommandId)('sortView', view), () => sort(view).catch(fail)));
    }
    return disposables;
}
//# sourceMappingURL=viewCommands.js.map