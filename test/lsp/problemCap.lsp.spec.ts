import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { eventFileUriOf } from '../../src/shared/uris';
import { renameVocabulary } from '../helpers/ownVocabularyStore';
import { type GeneratedWorkspace, messageText, startOnGeneratedStore } from './lspFixtures';

const BROKEN_LINES = 120;
const EVENTS = 1500;

/** The diagnostic that stands for the problems left out. */
const hiddenOf = (diagnostics: readonly Diagnostic[]) => diagnostics.find((d) => (d.data as { hiddenProblems?: number } | undefined)?.hiddenProblems !== undefined);

describe('the Problems panel gets a bounded number of diagnostics per file, repeated causes once', () => {
  let ws: GeneratedWorkspace;
  let uri: string;

  before(async () => {
    ws = await startOnGeneratedStore('eventbus-lsp-cap-', { events: EVENTS, days: 1, seed: 21 }, (store) => {
      const day = path.join(store, 'events', fs.readdirSync(path.join(store, 'events'))[0]);
      // Every event of a type and status of the store's own (no schema folder, no config), and 120 lines of broken JSON.
      const lines = fs.readFileSync(day, 'utf8').trimEnd().split('\n').map(renameVocabulary);
      for (let i = 0; i < BROKEN_LINES; i++) lines.splice(10 + i * 10, 0, `{"broken": ${i}`);
      fs.writeFileSync(day, `${lines.join('\n')}\n`);
      uri = eventFileUriOf(day);
      fs.writeFileSync(path.join(path.dirname(store), '.cap-day'), day);
    });
    ws.client.configure({ maxProblemsPerFile: 50 });
  });

  after(() => ws?.close());

  it('at most maxProblemsPerFile, errors first, the rest counted by code in one diagnostic on the first line', async () => {
    const diagnostics = await ws.client.waitForDiagnostics(uri, (d) => d.length > 0 && d.length <= 50 && hiddenOf(d) !== undefined);
    assert.equal(diagnostics.length, 50);
    const hidden = hiddenOf(diagnostics) as Diagnostic;
    assert.equal(hidden.range.start.line, 0);
    const shown = diagnostics.filter((d) => d !== hidden);
    assert.ok(shown.every((d) => d.code === 'EB001'), 'the errors take the places first');
    const unknownTypes = new Set(fs.readFileSync(fs.readFileSync(path.join(ws.folder, '.cap-day'), 'utf8'), 'utf8').match(/"acme\.[^"]+"/g)).size;
    assert.ok(unknownTypes >= 5);
    // 71 broken lines left out, and one finding per unknown type and per unknown status.
    assert.match(messageText(hidden), new RegExp(`^\\d+ more problems in this file are not listed here \\(${BROKEN_LINES - 49} EB001, ${unknownTypes} EB011, \\d+ EB020\\)`));
    assert.match(messageText(hidden), /validate --all/);
    const statuses = Number(/(\d+) EB020/.exec(messageText(hidden))?.[1]);
    assert.equal((hidden.data as { hiddenProblems: number }).hiddenProblems, BROKEN_LINES - 49 + unknownTypes + statuses);
    assert.equal(Number(/^(\d+)/.exec(messageText(hidden))?.[1]), BROKEN_LINES - 49 + unknownTypes + statuses);
  });

  it('with room for all: each unknown type is one diagnostic with its count, its first places as related information', async () => {
    ws.client.configure({ maxProblemsPerFile: 1000 });
    const diagnostics = await ws.client.waitForDiagnostics(uri, (d) => hiddenOf(d) === undefined && d.some((x) => x.code === 'EB011'));
    assert.equal(diagnostics.filter((d) => d.code === 'EB001').length, BROKEN_LINES);
    const types = diagnostics.filter((d) => d.code === 'EB011');
    const counted = types.map((d) => Number(/\(([\d,]+) events with this cause/.exec(messageText(d))?.[1]?.replace(/,/g, '') ?? 1));
    assert.equal(counted.reduce((a, b) => a + b, 0), EVENTS, 'every event is counted under its type');
    const big = types.find((d) => (d.relatedInformation?.length ?? 0) === 5) as Diagnostic;
    assert.ok(big, 'a repeated type lists its first five places');
    assert.equal(big.relatedInformation?.[0].location.range.start.line, big.range.start.line, 'the first place is where it is shown');
    assert.equal(big.relatedInformation?.[0].location.uri, uri);
    assert.ok(diagnostics.length < 200, `not one per event (${diagnostics.length})`);
  });
});
