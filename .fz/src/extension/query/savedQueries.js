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
exports.SAVED_QUERIES_SETTING = void 0;
exports.savedQueries = savedQueries;
exports.saveQuery = saveQuery;
const vscode = __importStar(require("vscode"));
const queryViewProtocol_1 = require("../../shared/queryViewProtocol");
exports.SAVED_QUERIES_SETTING = 'savedQueries';
/** The workspace's saved queries (`eventbus.savedQueries`); malformed entries are skipped, not fatal. */
function savedQueries() {
    const value = vscode.workspace.getConfiguration('eventbus').get(exports.SAVED_QUERIES_SETTING, []);
    return Array.isArray(value) ? value.filter(queryViewProtocol_1.isSavedQuery) : [];
}
/** Asks a name and stores the query in the workspace settings (the same name replaces the old one). */
async function saveQuery(text) {
    if (text.trim() === '') {
        void vscode.window.showInformationMessage('Event Bus: type a query first, then save it.');
        return undefined;
    }
    const name = await vscode.window.showInputBox({
        title: 'Save Query',
        prompt: `A name for: ${text.length > 60 ? `${text.slice(0, 59)}…` : text}`,
        validateInput: (value) => (value.trim() === '' ? 'Give the query a name' : undefined),
    });
    if (name === undefined)
        return undefined;
    const saved = { name: name.trim(), query: text.trim() };
    const others = savedQueries().filter((q) => q.name !== saved.name);
    await vscode.workspace.getConfiguration('eventbus').update(exports.SAVED_QUERIES_SETTING, [...others, saved], vscode.ConfigurationTarget.Workspace);
    return saved;
}
//# sourceMappingURL=savedQueries.js.map