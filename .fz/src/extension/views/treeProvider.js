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
exports.SourceTreeProvider = void 0;
const vscode = __importStar(require("vscode"));
const basicItems_1 = require("./model/basicItems");
const storeProgress_1 = require("./model/storeProgress");
const nodeInterner_1 = require("./model/nodeInterner");
const toTreeItem_1 = require("./toTreeItem");
const errorText_1 = require("../errorText");
/**
 * The thin adapter from a TreeSource to VS Code: a store heading per store
 * when the workspace has several, errors shown as a row instead of a
 * silent empty view.
 */
class SourceTreeProvider {
    source;
    registry;
    log;
    changed = new vscode.EventEmitter();
    onDidChangeTreeData = this.changed.event;
    storeNodes = new nodeInterner_1.NodeInterner();
    constructor(source, registry, log) {
        this.source = source;
        this.registry = registry;
        this.log = log;
    }
    /** Re-asks VS Code for `node`'s children (the whole view when undefined). */
    refresh(node) {
        this.changed.fire(node);
    }
    getTreeItem(node) {
        if (node.kind === 'store')
            return (0, toTreeItem_1.toTreeItem)((0, basicItems_1.storeItem)(node));
        return (0, toTreeItem_1.toTreeItem)(this.source.item(node, Date.now()));
    }
    getParent(node) {
        return node.parent;
    }
    async getChildren(node) {
        try {
            if (node) {
                if (node.kind !== 'store')
                    return await this.source.children(node);
                const status = this.registry.statusOf(node.store);
                return status && (0, storeProgress_1.isIndexing)(status) ? [this.indexingRow(status, node)] : await this.source.roots(node.store, node);
            }
            const stores = this.registry.stores;
            if (stores.length === 0)
                return [];
            // While the index is built a request would wait for it: say how far it is instead.
            if (stores.length === 1)
                return (0, storeProgress_1.isIndexing)(stores[0]) ? [this.indexingRow(stores[0], undefined)] : await this.source.roots(stores[0].storeRoot, undefined);
            return stores.map((status) => this.storeNodes.intern({ kind: 'store', key: `store|${status.storeRoot}`, store: status.storeRoot, parent: undefined, status }));
        }
        catch (error) {
            const text = (0, errorText_1.editorErrorText)(error);
            this.log(`${this.source.view} view: ${text}`);
            return [{ kind: 'message', key: `${node?.key ?? ''}/error`, store: node?.store, parent: node, text: `Could not list: ${text}`, severity: 'error' }];
        }
    }
    indexingRow(status, parent) {
        return { kind: 'message', key: `indexing|${status.storeRoot}`, store: status.storeRoot, parent, text: (0, storeProgress_1.indexingRowText)(status), severity: 'info' };
    }
    /** The top-level node with this key suffix in `store` (for reveal), fetching the top level if needed. */
    async findRoot(store, matches) {
        let level = await this.getChildren(undefined);
        const heading = level.find((n) => n.kind === 'store' && n.store === store);
        if (heading)
            level = await this.getChildren(heading);
        return level.find(matches);
    }
    dispose() {
        this.changed.dispose();
    }
}
exports.SourceTreeProvider = SourceTreeProvider;
//# sourceMappingURL=treeProvider.js.map