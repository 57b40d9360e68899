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
exports.promptContentQuery = promptContentQuery;
const vscode = __importStar(require("vscode"));
const queryProtocol_1 = require("../../shared/queryProtocol");
const queryAnswers_1 = require("./queryAnswers");
/**
 * An input box for a content query, checked by the server as the user
 * types: the problem with its column, or the match count as information.
 * Resolves with the query ('' clears it), or undefined when cancelled.
 */
async function promptContentQuery(send, store, current, title) {
    return vscode.window.showInputBox({
        title,
        prompt: 'e.g. data.quantity > 10 and type == "trade_executed" · source == "api" · time >= "2024-01-15" · "some text" (empty: no query)',
        value: current,
        validateInput: async (text) => {
            if (text.trim() === '')
                return undefined;
            try {
                const answer = await send(queryProtocol_1.QueryMatchesRequest.type, { ...(store !== undefined ? { store } : {}), where: text });
                if (!answer.ok)
                    return { message: `Column ${answer.problem.column}: ${answer.problem.reason}`, severity: vscode.InputBoxValidationSeverity.Error };
                return { message: `${answer.matched.toLocaleString('en')} of ${answer.total.toLocaleString('en')} events match`, severity: vscode.InputBoxValidationSeverity.Info };
            }
            catch (error) {
                return { message: (0, queryAnswers_1.humanError)(error), severity: vscode.InputBoxValidationSeverity.Warning };
            }
        },
    });
}
//# sourceMappingURL=contentQueryPrompt.js.map