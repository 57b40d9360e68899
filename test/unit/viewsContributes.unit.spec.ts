import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { FILTERABLE_VIEWS, filteredContextKey, VIEW_CONTAINER_ID, VIEW_NAMES, viewCommandId, viewId } from '../../src/extension/views/model/viewNames';

/** The repository root (tests run from out/ or a scratch folder): where the views' contributes.json is. */
function repoRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'src', 'extension', 'views')) && fs.existsSync(path.join(dir, 'package.json'))) return dir;
  }
  return process.cwd();
}

const ROOT = repoRoot();

interface MenuEntry {
  readonly command: string;
  readonly when?: string;
  readonly group?: string;
}

interface Contributes {
  viewsContainers: { activitybar: { id: string; icon: string }[] };
  views: Record<string, { id: string; name: string }[]>;
  viewsWelcome: { view: string; contents: string; when: string }[];
  commands: { command: string; title: string; category: string }[];
  menus: Record<string, MenuEntry[]>;
}

const contributes = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: Contributes }).contributes;

/** The extension's sources (and the shared command ids), to find where each declared command is registered. */
function registeredInSource(): string {
  const texts: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (entry.name.endsWith('.ts')) texts.push(fs.readFileSync(path.join(ROOT, relative), 'utf8'));
    }
  };
  walk('src/extension');
  walk('src/shared');
  return texts.join('\n');
}

describe('package.json contributes the views', () => {
  it('declares the container with a monochrome currentColor icon and the five views', () => {
    const [container] = contributes.viewsContainers.activitybar;
    assert.equal(container.id, VIEW_CONTAINER_ID);
    const svg = fs.readFileSync(path.join(ROOT, container.icon), 'utf8');
    assert.match(svg, /currentColor/);
    assert.doesNotMatch(svg, /#[0-9a-f]{3,6}\b/i, 'no fixed colours: the icon follows the theme');
    // The tree views, in order; the Query box above them is a webview view (src/extension/query).
    const trees = contributes.views[VIEW_CONTAINER_ID].filter((v) => (v as { type?: string }).type !== 'webview');
    assert.deepEqual(trees.map((v) => v.id), VIEW_NAMES.map(viewId));
    assert.deepEqual(
      contributes.views[VIEW_CONTAINER_ID].filter((v) => (v as { type?: string }).type === 'webview').map((v) => v.id),
      ['eventbus.query'],
    );
  });

  it('gives every filterable view filter, clear (only while filtered) and sort buttons', () => {
    const title = contributes.menus['view/title'];
    for (const view of FILTERABLE_VIEWS) {
      const filter = title.find((m) => m.command === viewCommandId('filterView', view));
      assert.equal(filter?.when, `view == ${viewId(view)}`);
      const clear = title.find((m) => m.command === viewCommandId('clearFilter', view));
      assert.ok(clear?.when?.includes(filteredContextKey(view)), `${view}: clear shows only while filtered`);
      assert.ok(title.some((m) => m.command === viewCommandId('sortView', view)));
    }
  });

  it('declares every command its menus name (replay is declared by package.json) and hides row commands from the palette', () => {
    const declared = new Set(contributes.commands.map((c) => c.command));
    for (const [menu, entries] of Object.entries(contributes.menus)) {
      for (const entry of entries) {
        if (entry.command === 'eventbus.replayAggregate') continue;
        assert.ok(declared.has(entry.command), `${menu} names ${entry.command}, which is not declared`);
      }
    }
    const hidden = new Set(contributes.menus.commandPalette.filter((m) => m.when === 'false').map((m) => m.command));
    for (const command of ['eventbus.loadMore', 'eventbus.openEvent', 'eventbus.copyEventId', 'eventbus.rebuildToHere', 'eventbus.showCorrelation']) {
      assert.ok(hidden.has(command), `${command} needs a row and should not be in the palette`);
    }
    assert.ok(contributes.commands.every((c) => c.category === 'Event Bus'));
  });

  it('registers in code every command it declares', () => {
    const source = registeredInSource();
    for (const { command } of contributes.commands) {
      const [, action, view] = /^eventbus\.(filterView|clearFilter|sortView)\.(\w+)$/.exec(command) ?? [];
      if (action) {
        assert.ok((FILTERABLE_VIEWS as readonly string[]).includes(view), `${command}: unknown view`);
        continue;
      }
      const name = command.replace(/^eventbus\./, '');
      assert.ok(source.includes(`'${command}'`) || source.includes(`'eventbus.${name}'`), `${command} is declared but not registered`);
    }
  });

  it('offers the event menu, Show in Timeline included, only on event rows', () => {
    const item = contributes.menus['view/item/context'];
    const timeline = item.find((m) => m.command === 'eventbus.showInTimeline');
    assert.ok(timeline?.when?.includes('viewItem'), 'Show in Timeline on event rows only');
    for (const command of ['eventbus.replayAggregate', 'eventbus.rebuildToHere', 'eventbus.copyEventId', 'eventbus.showCorrelation']) {
      assert.ok(item.some((m) => m.command === command), `${command} in the row menu`);
    }
    assert.ok(item.find((m) => m.command === 'eventbus.replayAggregate')?.when?.includes('replayable'));
  });

  it('shows the welcome buttons only once the server said there is no store', () => {
    const aggregates = contributes.viewsWelcome.filter((w) => w.view === viewId('aggregates'));
    const buttons = aggregates.find((w) => w.contents.includes('command:eventbus.createSampleStore'));
    assert.ok(buttons?.contents.includes('command:eventbus.selectStore'));
    assert.equal(buttons?.when, 'eventbus.storesKnown && !eventbus.storeFound');
  });
});
