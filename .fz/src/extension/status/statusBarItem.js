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
exports.SHOW_STATUS_COMMAND = void 0;
exports.registerStatusBarItem = registerStatusBarItem;
const vscode = __importStar(require("vscode"));
const statusBarText_1 = require("./statusBarText");
exports.SHOW_STATUS_COMMAND = 'eventbus.showStatus';
/**
 * `● live · 1,234,567 events · 3 errors` on the left of the status bar,
 * following the store registry (updated on every store change); hidden
 * without a store. Clicking it opens the Status view.
 */
function registerStatusBarItem(registry) {
    const item = vscode.window.createStatusBarItem('eventbus.status', vscode.StatusBarAlignment.Left, 10);
    item.name = 'Event Bus';
    item.command = exports.SHOW_STATUS_COMMAND;
    const update = () => {
        const model = (0, statusBarText_1.statusBarModel)(registry.stores);
        if (!model.visible) {
            item.hide();
            return;
        }
        item.text = model.text;
        item.tooltip = new vscode.MarkdownString(model.tooltip, true);
        item.backgroundColor = model.background ? new vscode.ThemeColor(model.background) : undefined;
        item.show();
    };
    update();
    const subscription = registry.onDidChange(update);
    return vscode.Disposable.from(item, subscription);
}
//# sourceMappingURL=statusBarItem.js.map