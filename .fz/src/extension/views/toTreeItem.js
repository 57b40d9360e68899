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
exports.toTreeItem = toTreeItem;
const vscode = __importStar(require("vscode"));
const COLLAPSIBLE = {
    none: vscode.TreeItemCollapsibleState.None,
    collapsed: vscode.TreeItemCollapsibleState.Collapsed,
    expanded: vscode.TreeItemCollapsibleState.Expanded,
};
/** The one place a row's data becomes a TreeItem. */
function toTreeItem(model) {
    const item = new vscode.TreeItem(model.label, COLLAPSIBLE[model.collapsible]);
    item.id = model.id;
    if (model.description !== undefined)
        item.description = model.description;
    if (model.tooltip !== undefined) {
        // Values inside are escaped by the model; no HTML, no command links.
        item.tooltip = typeof model.tooltip === 'string' ? model.tooltip : new vscode.MarkdownString(model.tooltip.markdown, false);
    }
    if (model.icon)
        item.iconPath = new vscode.ThemeIcon(model.icon.id, model.icon.color ? new vscode.ThemeColor(model.icon.color) : undefined);
    if (model.contextValue !== undefined)
        item.contextValue = model.contextValue;
    if (model.command)
        item.command = { command: model.command.command, title: model.command.title, arguments: model.command.arguments ? [...model.command.arguments] : undefined };
    return item;
}
//# sourceMappingURL=toTreeItem.js.map