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
exports.ExplorerViews = exports.PAGE_SIZE_SETTING = void 0;
const vscode = __importStar(require("vscode"));
const viewNames_1 = require("./model/viewNames");
const groupedSource_1 = require("./sources/groupedSource");
const correlationsSource_1 = require("./sources/correlationsSource");
const snapshotsSource_1 = require("./sources/snapshotsSource");
const statusSource_1 = require("./sources/statusSource");
const treeProvider_1 = require("./treeProvider");
exports.PAGE_SIZE_SETTING = 'pageSize';
const DEFAULT_PAGE_SIZE = 200;
function pageSize() {
    const value = vscode.workspace.getConfiguration('eventbus').get(exports.PAGE_SIZE_SETTING, DEFAULT_PAGE_SIZE);
    return Number.isFinite(value) && value > 0 ? Math.min(10_000, Math.floor(value)) : DEFAULT_PAGE_SIZE;
}
/** The five tree views, their sources and providers, created once. */
class ExplorerViews {
    registry;
    aggregates;
    correlations;
    eventTypes;
    snapshots;
    status;
    parts = new Map();
    disposables = [];
    filterChanged = new vscode.EventEmitter();
    /** A person changed a view's filter (not fired for filters set by setFilter with `announce` false). */
    onDidChangeFilter = this.filterChanged.event;
    constructor(send, registry, log) {
        this.registry = registry;
        const options = { send, pageSize };
        this.aggregates = new groupedSource_1.AggregatesSource(options);
        this.correlations = new correlationsSource_1.CorrelationsSource(options);
        this.eventTypes = new groupedSource_1.EventTypesSource(options);
        this.snapshots = new snapshotsSource_1.SnapshotsSource(options);
        this.status = new statusSource_1.StatusSource(send, (store) => registry.statusOf(store));
        const sources = {
            aggregates: this.aggregates,
            correlations: this.correlations,
            eventTypes: this.eventTypes,
            snapshots: this.snapshots,
            status: this.status,
        };
        for (const name of viewNames_1.VIEW_NAMES) {
            const provider = new treeProvider_1.SourceTreeProvider(sources[name], registry, log);
            const treeView = vscode.window.createTreeView((0, viewNames_1.viewId)(name), { treeDataProvider: provider, showCollapseAll: name !== 'status' });
            this.parts.set(name, { source: sources[name], provider, treeView });
            this.disposables.push(provider, treeView);
        }
        for (const name of viewNames_1.FILTERABLE_VIEWS)
            this.applyViewState(name);
    }
    /** The line above every view while a store opens (undefined clears it). */
    showOpening(message) {
        for (const { treeView } of this.parts.values())
            if (treeView.message !== message)
                treeView.message = message;
    }
    filterable(name) {
        return this[name];
    }
    provider(name) {
        return this.get(name).provider;
    }
    treeView(name) {
        return this.get(name).treeView;
    }
    source(name) {
        return this.get(name).source;
    }
    isVisible(name) {
        return this.get(name).treeView.visible;
    }
    /** Sets a view's filter and shows it: the description, the clear button, a fresh top level. */
    setFilter(view, filter, announce = true) {
        this.filterable(view).setFilter(filter);
        this.applyViewState(view);
        this.provider(view).refresh();
        if (announce)
            this.filterChanged.fire({ view, filter });
    }
    /** After a filter or sort change: the description, the clear button's context key, a fresh top level. */
    applyViewState(name) {
        const source = this.filterable(name);
        this.treeView(name).description = source.description() || undefined;
        void vscode.commands.executeCommand('setContext', (0, viewNames_1.filteredContextKey)(name), source.isFiltered());
    }
    refreshAll() {
        for (const { provider } of this.parts.values())
            provider.refresh();
    }
    dispose() {
        this.disposables.forEach((d) => d.dispose());
        this.filterChanged.dispose();
    }
    get(name) {
        const parts = this.parts.get(name);
        if (!parts)
            throw new Error(`no view named ${name}`);
        return parts;
    }
}
exports.ExplorerViews = ExplorerViews;
//# sourceMappingURL=explorerViews.js.map