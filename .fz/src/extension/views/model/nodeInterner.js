"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NodeInterner = void 0;
/**
 * One object per key: TreeView.reveal and onDidChangeTreeData.fire(node)
 * find elements by identity, so a refresh copies new data into the object
 * VS Code already holds. Forget everything when the view's meaning changes
 * (a filter, a reopened store).
 */
class NodeInterner {
    nodes = new Map();
    intern(node) {
        const known = this.nodes.get(node.key);
        if (known && known.kind === node.kind) {
            for (const key of Object.keys(known))
                if (!(key in node))
                    delete known[key];
            Object.assign(known, node);
            return known;
        }
        this.nodes.set(node.key, node);
        return node;
    }
    get(key) {
        return this.nodes.get(key);
    }
    clear() {
        this.nodes.clear();
    }
    get size() {
        return this.nodes.size;
    }
}
exports.NodeInterner = NodeInterner;
//# sourceMappingURL=nodeInterner.js.map