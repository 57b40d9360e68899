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
exports.pickView = pickView;
exports.promptFilter = promptFilter;
exports.promptSort = promptSort;
const vscode = __importStar(require("vscode"));
const protocol_1 = require("../../shared/protocol");
const viewFilter_1 = require("./model/viewFilter");
const viewNames_1 = require("./model/viewNames");
const viewSort_1 = require("./model/viewSort");
const contentQueryPrompt_1 = require("../query/contentQueryPrompt");
const FIELD_LABELS = {
    prefix: 'Id prefix…',
    types: 'Event types…',
    sources: 'Sources…',
    time: 'Time range…',
    where: 'Content query…',
};
/** Asks which view, for the palette (a view/title button knows its view). */
async function pickView() {
    const pick = await vscode.window.showQuickPick(viewNames_1.FILTERABLE_VIEWS.map((view) => ({ label: viewNames_1.VIEW_TITLES[view], view })), { title: 'Event Bus: which view?' });
    return pick?.view;
}
/**
 * The filter dialog: which field, then a prompt fitting it (text for the
 * prefix, a multi-select of the store's types or sources, a validated
 * time range). Resolves with the new filter, or undefined when cancelled.
 */
async function promptFilter(view, current, send, store) {
    const items = viewFilter_1.FILTER_FIELDS[view].map((field) => ({ label: FIELD_LABELS[field], description: currentText(current, field), field }));
    if (!(0, viewFilter_1.isFilterEmpty)(current))
        items.push({ label: 'Clear filter', field: 'clear' });
    const chosen = await vscode.window.showQuickPick(items, { title: `Filter ${viewNames_1.VIEW_TITLES[view]}`, placeHolder: 'What to filter by' });
    if (!chosen)
        return undefined;
    switch (chosen.field) {
        case 'clear':
            return {};
        case 'prefix': {
            const value = await vscode.window.showInputBox({
                title: `Filter ${viewNames_1.VIEW_TITLES[view]}`,
                prompt: `Show only entries whose ${viewFilter_1.PREFIX_LABELS[view]} starts with this (empty: all)`,
                value: current.prefix ?? '',
            });
            return value === undefined ? undefined : (0, viewFilter_1.withField)(current, 'prefix', value.trim());
        }
        case 'types':
        case 'sources': {
            const values = await pickKeys(send, store, chosen.field === 'types' ? 'type' : 'source', current[chosen.field] ?? []);
            return values === undefined ? undefined : (0, viewFilter_1.withField)(current, chosen.field, values);
        }
        case 'where': {
            const value = await (0, contentQueryPrompt_1.promptContentQuery)(send, store, current.where ?? '', `Filter ${viewNames_1.VIEW_TITLES[view]} by content`);
            return value === undefined ? undefined : (0, viewFilter_1.withField)(current, 'where', value);
        }
        case 'time': {
            const value = await vscode.window.showInputBox({
                title: `Filter ${viewNames_1.VIEW_TITLES[view]} by time`,
                prompt: 'last 2h · 30m · 3d (back from now), or FROM .. TO with ISO dates: 2024-01-15 .. 2024-01-16T12:00 (UTC; either side may be empty)',
                value: current.from !== undefined || current.to !== undefined ? rangeText(current) : '',
                validateInput: (text) => {
                    const parsed = (0, viewFilter_1.parseTimeRange)(text, Date.now());
                    return 'error' in parsed ? parsed.error : undefined;
                },
            });
            if (value === undefined)
                return undefined;
            const parsed = (0, viewFilter_1.parseTimeRange)(value, Date.now());
            return 'error' in parsed ? undefined : (0, viewFilter_1.withField)(current, 'time', parsed.range);
        }
    }
}
/** A multi-select of the store's types or sources (most frequent first), current ones ticked. */
async function pickKeys(send, store, groupBy, current) {
    const page = await send(protocol_1.EventGroupsRequest.type, { ...(store !== undefined ? { store } : {}), groupBy, sort: 'count', limit: 10_000 });
    const picks = page.items.map((group) => ({ label: group.key, description: group.count.toLocaleString('en'), picked: current.includes(group.key) }));
    const chosen = await vscode.window.showQuickPick(picks, {
        title: groupBy === 'type' ? 'Show events of these types' : 'Show events from these sources',
        canPickMany: true,
        placeHolder: 'None ticked: no filter',
    });
    return chosen?.map((pick) => pick.label);
}
async function promptSort(view, current) {
    const pick = await vscode.window.showQuickPick(viewSort_1.SORT_OPTIONS[view].map((option) => ({ label: option.label, description: option.sort === current ? 'current' : undefined, sort: option.sort })), { title: `Sort ${viewNames_1.VIEW_TITLES[view]}` });
    return pick?.sort;
}
function currentText(filter, field) {
    if (field === 'prefix')
        return filter.prefix;
    if (field === 'types')
        return filter.types?.join(', ');
    if (field === 'sources')
        return filter.sources?.join(', ');
    if (field === 'where')
        return filter.where;
    return filter.from !== undefined || filter.to !== undefined ? (0, viewFilter_1.describeTimeRange)(filter) : undefined;
}
function rangeText(filter) {
    const iso = (ms) => (ms === undefined ? '' : new Date(ms).toISOString());
    return `${iso(filter.from)} .. ${iso(filter.to)}`;
}
//# sourceMappingURL=filterPrompts.js.map