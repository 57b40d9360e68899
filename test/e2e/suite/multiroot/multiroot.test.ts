// Two stores in one multi-root workspace whose aggregates share ids but not
// content (alpha's events carry store_marker "alpha", beta's "beta", and beta
// lacks the last event of one aggregate). Every flow is run on the store the
// user chose and checked against that store's marker or count: a flow that
// fell back to "the first store" shows alpha's where beta's was asked for.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitUntil } from '../fixture';
import { runCommand, webviewTab } from '../explorer/commandRunner';
import { shown } from '../explorer/windowDoubles';

interface MultiRootFixture {
  readonly alpha: string;
  readonly beta: string;
  readonly aggregateId: string;
  readonly sharedEventId: string;
  readonly lastSequence: number;
  readonly aggregateEvents: { readonly alpha: number; readonly beta: number };
  readonly storeEvents: { readonly alpha: number; readonly beta: number };
}

type StoreName = 'alpha' | 'beta';

function loadFixture(): MultiRootFixture {
  const file = vscode.workspace.workspaceFile;
  assert.ok(file, 'the pass opens a .code-workspace file');
  return JSON.parse(fs.readFileSync(path.join(path.dirname(path.dirname(file.fsPath)), 'fixture.json'), 'utf8')) as MultiRootFixture;
}

const n = (value: number) => value.toLocaleString('en-US');

async function activeText(pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  let text = '';
  await waitUntil(`an editor matching ${pattern}`, () => {
    text = vscode.window.activeTextEditor?.document.getText() ?? '';
    return pattern.test(text);
  }, timeoutMs);
  return text;
}

describe('two stores in one workspace: every flow acts on the store the user chose', () => {
  const fixture = loadFixture();
  const stores: readonly StoreName[] = ['beta', 'alpha'];

  before(async function () {
    this.timeout(120_000);
    assert.equal(vscode.workspace.workspaceFolders?.length, 2, 'two workspace folders');
    // Validate waits for each store's engine: both are open after this.
    for (const store of stores) await runCommand('eventbus.validateStore', [{ store: fixture[store] }], {}, 90_000);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  for (const store of stores) {
    const other: StoreName = store === 'alpha' ? 'beta' : 'alpha';

    it(`open event: the shared event id opens ${store}'s event`, async () => {
      await runCommand('eventbus.openEvent', [{ store: fixture[store], eventId: fixture.sharedEventId, title: `shared (${store})` }]);
      const text = await activeText(new RegExp(`"store_marker": "(alpha|beta)"`));
      assert.match(text, new RegExp(`"store_marker": "${store}"`));
      assert.doesNotMatch(text, new RegExp(`"store_marker": "${other}"`));
    });

    it(`replay from a tree row: ${store}'s events of the shared aggregate`, async () => {
      // What an event row of the Aggregates view passes: its node, with its store and entry.
      const row = { kind: 'event', store: fixture[store], entry: { aggregateId: fixture.aggregateId, sequence: fixture.lastSequence } };
      await runCommand('eventbus.replayAggregate', [row]);
      // Both stores' replays are one document name: wait for this replay's text, a stale one must not pass.
      const text = await activeText(new RegExp(`Replay of aggregate ${fixture.aggregateId}, .*\\(${n(fixture.aggregateEvents[store])} events\\)`));
      assert.ok(text.includes(store) && !text.includes(other), 'the replayed states carry this store\'s marker only');
    });

    it(`validate and refresh from the palette: the picked store (${store})`, async () => {
      await runCommand('eventbus.validateStore', [], { picks: [store] });
      assert.ok(shown.picks.length > 0, 'with two stores the command asks which');
      const message = shown.messages.find((m) => /events? checked/.test(m.text));
      assert.ok(message, `a validation message (shown: ${shown.messages.map((m) => m.text).join(' | ')})`);
      assert.match(message.text, new RegExp(`${n(fixture.storeEvents[store])} events checked`));
      await runCommand('eventbus.refresh', [{ store: fixture[store] }]);
      assert.ok(shown.statusBar.some((t) => t.includes(`refreshed, ${n(fixture.storeEvents[store])} events`)), shown.statusBar.join(' | '));
    });
  }

  it('the inspector: the same aggregate id in two stores is two panels, each opened on its store', async () => {
    await runCommand('eventbus.openInspector', [{ store: fixture.alpha, aggregateId: fixture.aggregateId }]);
    await runCommand('eventbus.openInspector', [{ store: fixture.beta, aggregateId: fixture.aggregateId }]);
    await webviewTab(new RegExp(`Time-Travel Inspector — ${fixture.aggregateId}`));
    await waitUntil('two inspector tabs', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.label.includes(`Inspector — ${fixture.aggregateId}`)).length === 2);
  });

  it('a hop without a store is refused, never sent to the first store', async () => {
    await runCommand('eventbus.openEvent', [{ eventId: fixture.sharedEventId }]);
    assert.ok(shown.messages.some((m) => /needs an event and its store/.test(m.text)), shown.messages.map((m) => m.text).join(' | '));
    assert.equal(vscode.window.activeTextEditor, undefined, 'no event opened');
  });
});
