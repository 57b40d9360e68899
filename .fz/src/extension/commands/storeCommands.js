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
exports.validateStore = validateStore;
exports.cleanupExpired = cleanupExpired;
exports.migrateSchemas = migrateSchemas;
exports.refresh = refresh;
const vscode = __importStar(require("vscode"));
const writeProtocol_1 = require("../../shared/writeProtocol");
const commandIds_1 = require("./commandIds");
const planDescriptions_1 = require("./planDescriptions");
const progress_1 = require("./progress");
const trust_1 = require("./trust");
const summaries_1 = require("./summaries");
/** "Validate Store": the store's problem counts, with a way to the Problems panel. */
async function validateStore({ client }, args) {
    const summary = await (0, progress_1.withCancellableProgress)('validating the store', (token) => client.sendRequest(writeProtocol_1.ValidateStoreRequest.type, { store: args.store }, token));
    if (!summary)
        return;
    const message = `Event Bus: ${(0, summaries_1.validationMessage)(summary)}`;
    const hasProblems = summary.files.length > 0;
    const choice = hasProblems
        ? await (summary.problems.error > 0 ? vscode.window.showWarningMessage(message, 'Show Problems') : vscode.window.showInformationMessage(message, 'Show Problems'))
        : await vscode.window.showInformationMessage(message);
    if (choice)
        await vscode.commands.executeCommand(commandIds_1.SHOW_PROBLEMS_COMMAND);
}
/** "Clean Up Expired Events…": the TTL plan in a modal dialog, then the removal once confirmed. Trusted only. */
async function cleanupExpired({ client }, args) {
    if (!(0, trust_1.ensureTrusted)('Clean Up Expired Events'))
        return;
    const planned = await (0, progress_1.withCancellableProgress)('planning the cleanup', (token) => client.sendRequest(writeProtocol_1.CleanupPlanRequest.type, { store: args.store }, token));
    if (!planned)
        return;
    if (!(await confirmed((0, planDescriptions_1.describeCleanupConfirmation)(planned.plan, planned.share))))
        return;
    const result = await (0, progress_1.withCancellableProgress)('removing expired files', (token) => client.sendRequest(writeProtocol_1.CleanupExecuteRequest.type, { store: args.store, trusted: vscode.workspace.isTrusted, planId: planned.planId }, token));
    if (!result)
        return;
    const outcome = (0, planDescriptions_1.describeCleanupResult)(result);
    if (outcome.failed)
        void vscode.window.showWarningMessage(`Event Bus: ${outcome.message}`);
    else
        void vscode.window.showInformationMessage(`Event Bus: ${outcome.message}`);
}
/** "Migrate Events to Newest Schema…": the migration plan in a modal dialog, then the rewrite once confirmed. Trusted only. */
async function migrateSchemas({ client }, args) {
    if (!(0, trust_1.ensureTrusted)('Migrate Events to Newest Schema'))
        return;
    const planned = await (0, progress_1.withCancellableProgress)('planning the migration', (token) => client.sendRequest(writeProtocol_1.MigratePlanRequest.type, { store: args.store }, token));
    if (!planned)
        return;
    if (!(await confirmed((0, planDescriptions_1.describeMigrationConfirmation)(planned.plan, planned.share))))
        return;
    const result = await (0, progress_1.withCancellableProgress)('migrating events', (token) => client.sendRequest(writeProtocol_1.MigrateExecuteRequest.type, { store: args.store, trusted: vscode.workspace.isTrusted, planId: planned.planId }, token));
    if (!result)
        return;
    void vscode.window.showInformationMessage(`Event Bus: ${(0, planDescriptions_1.describeMigrationResult)(result)}`);
}
/**
 * "Refresh" (the palette and every Event Bus view's title bar: the one
 * refresh): the server re-reads the store now, then the views ask again
 * for the stores and their rows. A progress notification while it runs,
 * the counts in the status bar when done.
 */
async function refresh({ client, explorer }, args) {
    const result = await (0, progress_1.withCancellableProgress)('refreshing the store', async (token) => {
        const reread = await client.sendRequest(writeProtocol_1.RefreshRequest.type, { store: args.store }, token);
        await explorer.refreshViews?.();
        return reread;
    });
    if (!result)
        return;
    vscode.window.setStatusBarMessage(`$(check) Event Bus: refreshed, ${result.eventCount.toLocaleString('en-US')} events in ${result.files.toLocaleString('en-US')} files`, 5000);
}
/** Shows the plan; true only when the user pressed the action's own button (Escape and Cancel mean no). */
async function confirmed(confirmation) {
    if (confirmation.nothingToDo) {
        void vscode.window.showInformationMessage(`Event Bus: ${confirmation.message}`);
        return false;
    }
    const folder = confirmation.typeToConfirm;
    if (folder === undefined) {
        const choice = await vscode.window.showWarningMessage(confirmation.message, { modal: true, detail: confirmation.detail }, confirmation.confirmLabel);
        return choice === confirmation.confirmLabel;
    }
    // The modal's button only leads to the typed confirmation: Enter on the dialog never deletes.
    const next = `${confirmation.confirmLabel}…`;
    const choice = await vscode.window.showWarningMessage(confirmation.message, { modal: true, detail: confirmation.detail }, next);
    if (choice !== next)
        return false;
    const typed = await vscode.window.showInputBox({
        title: confirmation.message,
        prompt: `Type the store's folder name, ${folder}, to ${confirmation.confirmLabel.toLowerCase()}`,
        placeHolder: folder,
        validateInput: (text) => (text === '' || text === folder ? undefined : `Type ${folder} exactly (or press Escape to cancel)`),
    });
    return typed === folder;
}
//# sourceMappingURL=storeCommands.js.map