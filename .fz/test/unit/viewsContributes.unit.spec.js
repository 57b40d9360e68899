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
const assert = __importStar(require("node:assert/strict"));
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const viewNames_1 = require("../../src/extension/views/model/viewNames");
/** The repository root (tests run from out/ or a scratch folder): where the views' contributes.json is. */
function repoRoot() {
    for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, 'src', 'extension', 'views')) && fs.existsSync(path.join(dir, 'package.json')))
            return dir;
    }
    return process.cwd();
}
const ROOT = repoRoot();
const contributes = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).contributes;
/** The extension's sources (and the shared command ids), to find where each declared command is registered. */
function registeredInSource() {
    const texts = [];
    const walk = (dir) => {
        for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
            const relative = path.join(dir, entry.name);
            if (entry.isDirectory())
                walk(relative);
            else if (entry.name.endsWith('.ts'))
                texts.push(fs.readFileSync(path.join(ROOT, relative), 'utf8'));
        }
    };
    walk('src/extension');
    walk('src/shared');
    return texts.join('\n');
}
(0, node_test_1.describe)('package.json contributes the views', () => {
    (0, node_test_1.it)('declares the container with a monochrome currentColor icon and the five views', () => {
        const [container] = contributes.viewsContainers.activitybar;
        assert.equal(container.id, viewNames_1.VIEW_CONTAINER_ID);
        const svg = fs.readFileSync(path.join(ROOT, container.icon), 'utf8');
        assert.match(svg, /currentColor/);
        assert.doesNotMatch(svg, /#[0-9a-f]{3,6}\b/i, 'no fixed colours: the icon follows the theme');
        // The tree views, in order; the Query box above them is a webview view (src/extension/query).
        const trees = contributes.views[viewNames_1.VIEW_CONTAINER_ID].filter((v) => v.type !== 'webview');
        assert.deepEqual(trees.map((v) => v.id), viewNames_1.VIEW_NAMES.map(viewNames_1.viewId));
        assert.deepEqual(contributes.views[viewNames_1.VIEW_CONTAINER_ID].filter((v) => v.type === 'webview').map((v) => v.id), ['eventbus.query']);
    });
    (0, node_test_1.it)('gives every filterable view filter, clear (only while filtered) and sort buttons', () => {
        const title = contributes.menus['view/title'];
        for (const view of viewNames_1.FILTERABLE_VIEWS) {
            const filter = title.find((m) => m.command === (0, viewNames_1.viewCommandId)('filterView', view));
            assert.equal(filter?.when, `view == ${(0, viewNames_1.viewId)(view)}`);
            const clear = title.find((m) => m.command === (0, viewNames_1.viewCommandId)('clearFilter', view));
            assert.ok(clear?.when?.includes((0, viewNames_1.filteredContextKey)(view)), `${view}: clear shows only while filtered`);
            assert.ok(title.some((m) => m.command === (0, viewNames_1.viewCommandId)('sortView', view)));
        }
    });
    (0, node_test_1.it)('declares every command its menus name (replay is declared by package.json) and hides row commands from the palette', () => {
        const declared = new Set(contributes.commands.map((c) => c.command));
        for (const [menu, entries] of Object.entries(contributes.menus)) {
            for (const entry of entries) {
                if (entry.command === 'eventbus.replayAggregate')
                    continue;
                assert.ok(declared.has(entry.command), `${menu} names ${entry.command}, which is not declared`);
            }
        }
        const hidden = new Set(contributes.menus.commandPalette.filter((m) => m.when === 'false').map((m) => m.command));
        for (const command of ['eventbus.loadMore', 'eventbus.openEvent', 'eventbus.copyEventId', 'eventbus.rebuildToHere', 'eventbus.showCorrelation']) {
            assert.ok(hidden.has(command), `${command} needs a row and should not be in the palette`);
        }
        assert.ok(contributes.commands.every((c) => c.category === 'Event Bus'));
    });
    (0, node_test_1.it)('registers in code every command it declares', () => {
        const source = registeredInSource();
        for (const { command } of contributes.commands) {
            const [, action, view] = /^eventbus\.(filterView|clearFilter|sortView)\.(\w+)$/.exec(command) ?? [];
            if (action) {
                assert.ok(viewNames_1.FILTERABLE_VIEWS.includes(view), `${command}: unknown view`);
                continue;
            }
            const name = command.replace(/^eventbus\./, '');
            assert.ok(source.includes(`'${command}'`) || source.includes(`'eventbus.${name}'`), `${command} is declared but not registered`);
        }
    });
    (0, node_test_1.it)('offers the event menu, Show in Timeline included, only on event rows', () => {
        const item = contributes.menus['view/item/context'];
        const timeline = item.find((m) => m.command === 'eventbus.showInTimeline');
        assert.ok(timeline?.when?.includes('viewItem'), 'Show in Timeline on event rows only');
        for (const command of ['eventbus.replayAggregate', 'eventbus.rebuildToHere', 'eventbus.copyEventId', 'eventbus.showCorrelation']) {
            assert.ok(item.some((m) => m.command === command), `${command} in the row menu`);
        }
        assert.ok(item.find((m) => m.command === 'eventbus.replayAggregate')?.when?.includes('replayable'));
    });
    (0, node_test_1.it)('shows the welcome buttons only once the server said there is no store', () => {
        const aggregates = contributes.viewsWelcome.filter((w) => w.view === (0, viewNames_1.viewId)('aggregates'));
        const buttons = aggregates.find((w) => w.contents.includes('command:eventbus.createSampleStore'));
        assert.ok(buttons?.contents.includes('command:eventbus.selectStore'));
        assert.equal(buttons?.when, 'eventbus.storesKnown && !eventbus.storeFound');
    });
});
//# sourceMappingURL=viewsContributes.unit.spec.js.map