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
exports.replayAggregate = replayAggregate;
exports.replayCorrelation = replayCorrelation;
const vscode = __importStar(require("vscode"));
const replayProtocol_1 = require("../../shared/replayProtocol");
const commandDeps_1 = require("./commandDeps");
const pickers_1 = require("./pickers");
const progress_1 = require("./progress");
const sequenceInput_1 = require("./sequenceInput");
const summaries_1 = require("./summaries");
/** Most rows of a correlation's replay: each event's aggregate is rebuilt to show its change. */
const CORRELATION_REPLAY_LIMIT = 2000;
/**
 * "Replay Aggregate…": pick an aggregate, type a sequence range (or come
 * with one: "Replay Aggregate to This Event"), read the replay document:
 * one row per event with the change it made to the state.
 */
async function replayAggregate({ client, replays }, args) {
    const aggregateId = args.aggregateId ?? (await (0, pickers_1.pickAggregate)(client, args.store, 'Replay Aggregate'));
    if (!aggregateId)
        return;
    let range;
    if (args.toSequence !== undefined) {
        range = { to: args.toSequence };
    }
    else {
        const bounds = await (0, pickers_1.aggregateBounds)(client, args.store, aggregateId);
        const rangeText = await vscode.window.showInputBox({
            title: `Replay ${aggregateId}`,
            prompt: bounds
                ? `Sequences to replay: "from-to", "from-", "-to", one number, or empty for all (${aggregateId} has ${bounds.first}-${bounds.last})`
                : 'Sequences to replay: "from-to", "from-", "-to", one number, or empty for all',
            placeHolder: bounds ? `${bounds.first}-${bounds.last}` : 'e.g. 5-20',
            validateInput: (text) => (0, sequenceInput_1.validateSequenceRange)(text, bounds),
        });
        if (rangeText === undefined)
            return;
        const parsed = (0, sequenceInput_1.parseSequenceRange)(rangeText, bounds);
        if (!parsed.ok)
            return;
        range = parsed.value;
    }
    const described = (0, sequenceInput_1.describeRange)(range);
    const store = args.store !== undefined ? { store: args.store } : {};
    const result = await (0, progress_1.withCancellableProgress)(`replaying ${aggregateId}`, (token) => client.sendRequest(replayProtocol_1.ReplayDocumentRequest.type, { ...store, aggregateId, fromSequence: range.from, toSequence: range.to, limit: commandDeps_1.REPLAY_LIMIT }, token));
    if (!result)
        return;
    if (result.rows.length === 0) {
        void vscode.window.showInformationMessage(`Event Bus: ${aggregateId} has no events in ${described}.`);
        return;
    }
    await replays.show(result, { ...store, correlation: false }, `Replay of aggregate ${aggregateId}, ${described} (${result.rows.length.toLocaleString('en-US')} events)`, `replay ${(0, summaries_1.viewName)(aggregateId)} ${(0, summaries_1.viewName)(described)}.txt`);
}
/** "Replay Correlation…": pick a correlation, read its events across aggregates (store order) with their changes, and its causation tree. */
async function replayCorrelation({ client, replays }, args) {
    const correlationId = args.correlationId ?? (await (0, pickers_1.pickCorrelation)(client, args.store, 'Replay Correlation'));
    if (!correlationId)
        return;
    const store = args.store !== undefined ? { store: args.store } : {};
    const result = await (0, progress_1.withCancellableProgress)(`replaying correlation ${correlationId}`, (token) => client.sendRequest(replayProtocol_1.ReplayDocumentRequest.type, { ...store, correlationId, limit: CORRELATION_REPLAY_LIMIT }, token));
    if (!result)
        return;
    await replays.show(result, { ...store, correlation: true }, `Replay of correlation ${correlationId} (${result.rows.length.toLocaleString('en-US')} events)`, `replay correlation ${(0, summaries_1.viewName)(correlationId)}.txt`);
}
//# sourceMappingURL=replayCommands.js.map