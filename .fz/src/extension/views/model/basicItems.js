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
exports.LOAD_MORE_COMMAND = void 0;
exports.loadMoreItem = loadMoreItem;
exports.messageItem = messageItem;
exports.storeItem = storeItem;
exports.statusRowItem = statusRowItem;
const pathNames = __importStar(require("./pathNames"));
const markdown_1 = require("./markdown");
exports.LOAD_MORE_COMMAND = 'eventbus.loadMore';
function loadMoreItem(node, pageSize) {
    const next = Math.min(pageSize, node.total - node.loaded);
    return {
        id: node.key,
        label: 'Load more…',
        description: `${node.loaded.toLocaleString('en')} of ${node.total.toLocaleString('en')} shown · next ${next.toLocaleString('en')}`,
        icon: { id: 'more' },
        collapsible: 'none',
        contextValue: 'loadMore',
        command: { command: exports.LOAD_MORE_COMMAND, title: 'Load More', arguments: [node] },
    };
}
function messageItem(node) {
    return {
        id: node.key,
        label: node.text,
        tooltip: node.text,
        icon: node.severity === 'error' ? { id: 'error', color: 'list.errorForeground' } : { id: 'info' },
        collapsible: 'none',
        contextValue: 'message',
    };
}
/** A store heading (multi-root workspaces): the folder it sits in, its state. */
function storeItem(node) {
    const s = node.status;
    const state = s.state === 'ready' ? `${s.eventCount.toLocaleString('en')} events` : s.state;
    return {
        id: node.key,
        label: pathNames.storeLabel(s.storeRoot, s.folder),
        description: state,
        tooltip: { markdown: (0, markdown_1.lines)([(0, markdown_1.field)('Store', s.storeRoot), (0, markdown_1.field)('Folder', s.folder), (0, markdown_1.field)('State', s.state), ...(s.error ? [(0, markdown_1.field)('Error', s.error)] : [])]) },
        icon: s.state === 'failed' ? { id: 'error', color: 'list.errorForeground' } : { id: 'database' },
        collapsible: 'expanded',
        contextValue: 'store',
    };
}
function statusRowItem(node) {
    return {
        id: node.key,
        label: node.label,
        description: node.value,
        tooltip: node.tooltip ?? `${node.label}: ${node.value}`,
        ...(node.icon ? { icon: node.icon } : {}),
        collapsible: 'none',
        contextValue: 'statusRow',
    };
}
//# sourceMappingURL=basicItems.js.map