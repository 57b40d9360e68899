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
exports.registerTrustContext = registerTrustContext;
exports.ensureTrusted = ensureTrusted;
const vscode = __importStar(require("vscode"));
const writeProtocol_1 = require("../../shared/writeProtocol");
const commandIds_1 = require("./commandIds");
/**
 * Keeps the `eventbus.trusted` context key equal to the workspace's trust
 * (menus hide writing commands while it is false). Trust can only be
 * granted while the window is open, never revoked without a reload.
 */
function registerTrustContext(context) {
    const update = () => void vscode.commands.executeCommand('setContext', commandIds_1.TRUSTED_CONTEXT_KEY, vscode.workspace.isTrusted);
    update();
    context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(update));
}
/**
 * The real gate for writes (the server's check only backs it up): in an
 * untrusted workspace the command says why and does nothing.
 */
function ensureTrusted(action) {
    if (vscode.workspace.isTrusted)
        return true;
    void vscode.window.showWarningMessage(`Event Bus: ${action} ${writeProtocol_1.UNTRUSTED_WRITE_MESSAGE}. Trust this workspace to use it.`, 'Manage Workspace Trust').then((choice) => {
        if (choice)
            void vscode.commands.executeCommand('workbench.trust.manage');
    });
    return false;
}
//# sourceMappingURL=trust.js.map