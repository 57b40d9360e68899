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
exports.registerEventFileLanguage = registerEventFileLanguage;
const vscode = __importStar(require("vscode"));
const settings_1 = require("../shared/settings");
const uris_1 = require("../shared/uris");
const languageClient_1 = require("./languageClient");
/**
 * Gives event files the `event-jsonl` language. The package.json pattern
 * covers the default layout; this follows the configurable glob
 * (`eventbus.eventFileGlob`) and the decompressed `eventbus:` documents.
 */
function registerEventFileLanguage(context) {
    const assign = (document) => {
        if (document.languageId === languageClient_1.EVENT_LANGUAGE_ID)
            return;
        const glob = vscode.workspace.getConfiguration(settings_1.SETTINGS_SECTION, document.uri).get('eventFileGlob') || settings_1.DEFAULT_EVENT_FILE_GLOB;
        const isEventFile = document.uri.scheme === uris_1.EVENTBUS_SCHEME || (document.uri.scheme === 'file' && vscode.languages.match({ pattern: glob }, document) > 0);
        if (isEventFile)
            void vscode.languages.setTextDocumentLanguage(document, languageClient_1.EVENT_LANGUAGE_ID);
    };
    vscode.workspace.textDocuments.forEach(assign);
    context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(assign));
}
//# sourceMappingURL=eventFileLanguage.js.map