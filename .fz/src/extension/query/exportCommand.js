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
exports.exportSelection = exportSelection;
const path = __importStar(require("node:path"));
const vscode = __importStar(require("vscode"));
const queryProtocol_1 = require("../../shared/queryProtocol");
const queryAnswers_1 = require("./queryAnswers");
const DEFAULT_COLUMNS = 'seq,time,type,aggregate,source,id,correlation,causation';
const EXTENSIONS = { jsonl: 'jsonl', json: 'json', csv: 'csv' };
/** Format, columns (CSV), file, then the export with a progress notification; the file opens from the final message. */
async function exportSelection(client, selection, choices = {}) {
    const format = choices.format ?? (await pickFormat(selection.label));
    if (!format)
        return undefined;
    const columns = format === 'csv' ? (choices.columns ?? (await askColumns())) : undefined;
    if (format === 'csv' && !columns)
        return undefined;
    const target = choices.target !== undefined ? vscode.Uri.file(choices.target) : await askTarget(selection.label, format);
    if (!target)
        return undefined;
    const progressToken = `export-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    try {
        const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Exporting ${selection.label}` }, async (progress) => {
            let reported = 0;
            const listener = client.onNotification(queryProtocol_1.ExportProgressNotification.type, (params) => {
                if (params.progressToken !== progressToken || params.total === 0)
                    return;
                const percent = (params.done / params.total) * 100;
                progress.report({ increment: percent - reported, message: `${params.done.toLocaleString('en')} of ${params.total.toLocaleString('en')} events` });
                reported = percent;
            });
            try {
                return await client.sendRequest(queryProtocol_1.ExportRequest.type, {
                    ...(selection.store !== undefined ? { store: selection.store } : {}),
                    ...(selection.aggregateId !== undefined ? { aggregateId: selection.aggregateId } : {}),
                    ...(selection.correlationId !== undefined ? { correlationId: selection.correlationId } : {}),
                    ...(selection.eventIds !== undefined ? { eventIds: selection.eventIds } : {}),
                    ...(selection.filter ? { filter: selection.filter } : {}),
                    format,
                    ...(columns ? { columns } : {}),
                    target: target.fsPath,
                    progressToken,
                });
            }
            finally {
                listener.dispose();
            }
        });
        const message = `Event Bus: exported ${result.events.toLocaleString('en')} event${result.events === 1 ? '' : 's'} to ${path.basename(target.fsPath)}.`;
        if (choices.target === undefined) {
            void vscode.window.showInformationMessage(message, 'Open').then((answer) => {
                if (answer === 'Open')
                    void vscode.window.showTextDocument(target);
            });
        }
        else {
            vscode.window.setStatusBarMessage(message, 5000);
        }
        return target;
    }
    catch (error) {
        void vscode.window.showErrorMessage(`Event Bus: could not export ${selection.label}: ${(0, queryAnswers_1.humanError)(error)}`);
        return undefined;
    }
}
async function pickFormat(label) {
    const pick = await vscode.window.showQuickPick([
        { label: 'JSON Lines', description: 'each event\'s line exactly as stored', format: 'jsonl' },
        { label: 'JSON array', description: 'the same lines as one array', format: 'json' },
        { label: 'CSV', description: 'columns you choose (data.price, seq, time…)', format: 'csv' },
    ], { title: `Export ${label}`, placeHolder: 'Format' });
    return pick?.format;
}
async function askColumns() {
    const text = await vscode.window.showInputBox({
        title: 'CSV columns',
        prompt: 'Paths separated by commas: seq, time, type, aggregate, source, id, correlation, causation, status, data.…, metadata.…',
        value: DEFAULT_COLUMNS,
        validateInput: (value) => (value.split(',').filter((c) => c.trim() !== '').length === 0 ? 'Name at least one column' : undefined),
    });
    return text?.split(',').map((c) => c.trim()).filter((c) => c !== '');
}
async function askTarget(label, format) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `${label.replace(/[\\/:*?"<>|\s\u0000-\u001f]+/g, '_').slice(0, 80)}.${EXTENSIONS[format]}`;
    return vscode.window.showSaveDialog({
        title: `Export ${label}`,
        ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
        filters: { [format.toUpperCase()]: [EXTENSIONS[format]] },
    });
}
//# sourceMappingURL=exportCommand.js.map