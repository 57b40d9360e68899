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
exports.withCancellableProgress = withCancellableProgress;
exports.reportFailure = reportFailure;
const vscode = __importStar(require("vscode"));
const cancellable_1 = require("./cancellable");
const errorText_1 = require("../errorText");
/**
 * Runs server work under a cancellable progress notification. Returns
 * undefined when the user cancelled (after telling them the server may
 * still finish); errors reach the caller.
 */
async function withCancellableProgress(title, work) {
    const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Event Bus: ${title}`, cancellable: true }, (_progress, token) => (0, cancellable_1.untilCancelled)(work(token), token));
    if (outcome.cancelled) {
        void vscode.window.showInformationMessage(`Event Bus: stopped waiting for "${title}". The language server may still finish it.`);
        return undefined;
    }
    return outcome.value;
}
/** Shows a failed command's error: what was being done and the server's message (which names what was expected). */
function reportFailure(what, error) {
    const message = (0, errorText_1.editorErrorText)(error);
    void vscode.window.showErrorMessage(`Event Bus: ${what} failed: ${message}`);
}
//# sourceMappingURL=progress.js.map