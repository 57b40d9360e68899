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
exports.QueryCommand = void 0;
exports.registerQuery = registerQuery;
const vscode = __importStar(require("vscode"));
const protocol_1 = require("../../shared/protocol");
const viewFilter_1 = require("../views/model/viewFilter");
const sharedFilterMapping_1 = require("../views/model/sharedFilterMapping");
const exportCommand_1 = require("./exportCommand");
const queryAnswers_1 = require("./queryAnswers");
const queryView_1 = require("./queryView");
const rowArgs_1 = require("./rowArgs");
const savedQueries_1 = require("./savedQueries");
exports.QueryCommand = {
    /** Runs a query as if typed in the box: `(text: string) => QueryStatus`. */
    apply: 'eventbus.query.apply',
    focus: 'eventbus.focusQuery',
    runSaved: 'eventbus.runSavedQuery',
    exportEvents: 'eventbus.exportEvents',
    copyEventJson: 'eventbus.copyEventJson',
    openInInspector: 'eventbus.openGroupInInspector',
    showGroupInTimeline: 'eventbus.showGroupInTimeline',
    replayGroup: 'eventbus.replayGroup',
};
/**
 * The query box and what hangs off it: the query filters the Aggregates,
 * Correlations and Event Types views (and through their link, the
 * timeline); saved queries; export of a query result or a row; the row
 * commands that act on an aggregate or correlation.
 */
function registerQuery(context, client, views) {
    const send = (type, params) => client.sendRequest(type, params);
    const current = () => views.aggregates.filter.where ?? '';
    /** The views (and the timeline through the Aggregates view's link) take a query only once the server could read it. */
    const run = async (text) => {
        const status = await (0, queryAnswers_1.countMatches)(send, views.registry, text);
        if (status.kind === 'idle' || status.kind === 'matches') {
            const where = status.kind === 'idle' ? undefined : text.trim();
            for (const view of sharedFilterMapping_1.LINKED_VIEWS) {
                const filter = views.filterable(view).filter;
                if ((filter.where ?? undefined) !== where)
                    views.setFilter(view, (0, viewFilter_1.withField)(filter, 'where', where), view === 'aggregates');
            }
        }
        return status;
    };
    const exportResult = async (choices) => {
        const filter = (0, viewFilter_1.eventFilterOf)(views.aggregates.filter);
        const store = views.registry.stores[0]?.storeRoot;
        return (0, exportCommand_1.exportSelection)(client, { ...(store !== undefined ? { store } : {}), ...(filter ? { filter } : {}), label: filter?.where ? 'query result' : 'all events' }, choices);
    };
    const provider = new queryView_1.QueryViewProvider(context.extensionUri, { run, current, exportResult: async () => void (await exportResult()) });
    const fail = (error) => void vscode.window.showErrorMessage(`Event Bus: ${(0, queryAnswers_1.humanError)(error)}`);
    const applyAndShow = async (text) => {
        const status = await run(text);
        provider.showText(text, status);
        if (status.kind === 'problem')
            void vscode.window.showWarningMessage(`Event Bus: the query cannot be read at column ${status.column}: ${status.reason}`);
        return status;
    };
    context.subscriptions.push(provider, vscode.window.registerWebviewViewProvider(queryView_1.QUERY_VIEW_ID, provider), 
    // A filter cleared or changed from a view's title bar shows in the box.
    views.onDidChangeFilter(({ view, filter }) => {
        if (view === 'aggregates')
            provider.showText(filter.where ?? '');
    }), vscode.commands.registerCommand(exports.QueryCommand.apply, (text) => applyAndShow(typeof text === 'string' ? text : '')), vscode.commands.registerCommand(exports.QueryCommand.focus, () => vscode.commands.executeCommand(`${queryView_1.QUERY_VIEW_ID}.focus`)), vscode.commands.registerCommand(exports.QueryCommand.runSaved, async () => {
        const queries = (0, savedQueries_1.savedQueries)();
        if (queries.length === 0) {
            void vscode.window.showInformationMessage('Event Bus: no saved queries yet. Type one in the Query view and press Save.');
            return;
        }
        const pick = await vscode.window.showQuickPick(queries.map((q) => ({ label: q.name, detail: q.query, query: q.query })), { title: 'Run Saved Query', matchOnDetail: true });
        if (pick)
            await applyAndShow(pick.query);
    }), vscode.commands.registerCommand(exports.QueryCommand.exportEvents, async (row, choices) => {
        const group = (0, rowArgs_1.groupRowOf)(row);
        const event = (0, rowArgs_1.eventRowOf)(row);
        const filter = (0, viewFilter_1.eventFilterOf)(views.aggregates.filter);
        if (group) {
            return (0, exportCommand_1.exportSelection)(client, {
                ...(group.store !== undefined ? { store: group.store } : {}),
                ...(group.groupBy === 'aggregate' ? { aggregateId: group.key } : { correlationId: group.key }),
                ...(filter ? { filter } : {}),
                label: group.key,
            }, choices);
        }
        if (event)
            return (0, exportCommand_1.exportSelection)(client, { ...(event.store !== undefined ? { store: event.store } : {}), eventIds: [event.eventId], label: `${event.type} ${event.eventId.slice(0, 8)}` }, choices);
        return exportResult(choices);
    }), vscode.commands.registerCommand(exports.QueryCommand.copyEventJson, async (row) => {
        const event = (0, rowArgs_1.eventRowOf)(row);
        if (!event)
            return void vscode.window.showWarningMessage('Event Bus: Copy as JSON works on an event row of the Event Bus views.');
        try {
            const detail = await send(protocol_1.EventByIdRequest.type, { ...(event.store !== undefined ? { store: event.store } : {}), eventId: event.eventId });
            if (!detail)
                return void vscode.window.showWarningMessage('Event Bus: that event is no longer in the store.');
            await vscode.env.clipboard.writeText(`${JSON.stringify(detail.event, null, 2)}\n`);
            vscode.window.setStatusBarMessage(`Copied ${event.type} as JSON`, 3000);
        }
        catch (error) {
            fail(error);
        }
    }), vscode.commands.registerCommand(exports.QueryCommand.openInInspector, async (row) => {
        const group = (0, rowArgs_1.groupRowOf)(row);
        if (!group || group.groupBy !== 'aggregate')
            return void vscode.window.showWarningMessage('Event Bus: Open in Inspector works on an aggregate row.');
        await vscode.commands.executeCommand('eventbus.openInspector', { aggregateId: group.key, ...(group.store !== undefined ? { store: group.store } : {}) });
    }), vscode.commands.registerCommand(exports.QueryCommand.showGroupInTimeline, async (row) => {
        const group = (0, rowArgs_1.groupRowOf)(row);
        if (!group)
            return void vscode.window.showWarningMessage('Event Bus: Show in Timeline works on an aggregate or correlation row.');
        // One query language for every filter: the row becomes a query the box shows, the views and the timeline apply.
        await applyAndShow((0, rowArgs_1.groupQuery)(group));
        await vscode.commands.executeCommand('eventbus.openTimeline');
    }), vscode.commands.registerCommand(exports.QueryCommand.replayGroup, async (row) => {
        const group = (0, rowArgs_1.groupRowOf)(row);
        if (!group)
            return void vscode.window.showWarningMessage('Event Bus: Replay works on an aggregate or correlation row.');
        const store = group.store !== undefined ? { store: group.store } : {};
        if (group.groupBy === 'aggregate')
            await vscode.commands.executeCommand('eventbus.replayAggregatePick', { aggregateId: group.key, ...store });
        else
            await vscode.commands.executeCommand('eventbus.replayCorrelation', { correlationId: group.key, ...store });
    }));
}
//# sourceMappingURL=index.js.map