import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { SymbolKind } from 'vscode-languageserver-protocol';
import type { IndexedEvent } from '../../src/engine/model/indexTypes';
import { definition } from '../../src/server/features/definition';
import { documentSymbols } from '../../src/server/features/documentSymbols';
import { references } from '../../src/server/features/references';
import { workspaceSymbols } from '../../src/server/features/workspaceSymbols';
import { type FeatureStore, openFeatureStore, valueCursor } from './featuresTestStore';

describe('navigation on event lines', () => {
  let store: FeatureStore;
  /** An event whose cause sits in an earlier file: definition must cross files. */
  let crossFile: IndexedEvent;

  before(async () => {
    store = await openFeatureStore();
    const index = store.ctx.engine.index;
    for (let o = 0; o < index.eventCount && !crossFile; o++) {
      const e = index.event(o);
      if (!e.causationId) continue;
      const causes = index.ordinalsOfEventId(e.causationId);
      if (causes.length === 1 && index.event(causes[0]).file !== e.file) crossFile = e;
    }
    assert.ok(crossFile, 'a chain crosses midnight in the generated store');
  });
  after(async () => store.close());

  const lineOf = (e: IndexedEvent) => store.lineOf(e.file, e.line);
  const at = (e: IndexedEvent, key: string) => ({ line: e.line - 1, character: valueCursor(lineOf(e), key) });

  it('causation_id goes to the causing event\'s line, across files', () => {
    const index = store.ctx.engine.index;
    const cause = index.event(index.ordinalsOfEventId(crossFile.causationId as string)[0]);
    const location = definition(store.ctx, lineOf(crossFile), at(crossFile, 'causation_id'));
    assert.ok(location);
    assert.equal(location.uri, store.ctx.uriOf(cause.file));
    assert.notEqual(location.uri, store.ctx.uriOf(crossFile.file));
    assert.equal(location.range.start.line, cause.line - 1);
    assert.equal(location.range.start.character, 0);
    // The target line really is the cause.
    assert.ok(store.lineOf(cause.file, location.range.start.line + 1).includes(`"event_id":"${crossFile.causationId}"`));
    assert.ok(location.range.end.character >= store.lineOf(cause.file, cause.line).length);
  });

  it('correlation_id goes to the first event of the correlation', () => {
    const index = store.ctx.engine.index;
    const members = index.ordinalsOfCorrelation(crossFile.correlationId as string);
    const first = index.event(Math.min(...members));
    const location = definition(store.ctx, lineOf(crossFile), at(crossFile, 'correlation_id'));
    assert.ok(location);
    assert.equal(location.uri, store.ctx.uriOf(first.file));
    assert.equal(location.range.start.line, first.line - 1);
    assert.ok(first.ordinal !== crossFile.ordinal);
  });

  it('no definition for an unknown cause or outside an id', () => {
    const fault = store.summary.faults.find((f) => f.kind === 'unknown-causation');
    assert.ok(fault);
    const line = store.lineOf(fault.file, fault.line);
    assert.equal(definition(store.ctx, line, { line: 0, character: valueCursor(line, 'causation_id') }), null);
    assert.equal(definition(store.ctx, line, { line: 0, character: valueCursor(line, 'timestamp') }), null);
  });

  it('references on correlation_id and aggregate_id: every event of it, in store order', () => {
    const index = store.ctx.engine.index;
    const onCorrelation = references(store.ctx, lineOf(crossFile), at(crossFile, 'correlation_id'));
    assert.equal(onCorrelation.length, index.correlationSize(crossFile.correlationId as string));
    const aggregateEvent = index.event(index.ordinalsOfAggregate('portfolio_1')[3]);
    const onAggregate = references(store.ctx, lineOf(aggregateEvent), at(aggregateEvent, 'aggregate_id'));
    assert.equal(onAggregate.length, index.aggregateSize('portfolio_1'));
    assert.ok(onAggregate.length > 10);
    const expected = [...index.ordinalsOfAggregate('portfolio_1')].sort((a, b) => a - b).map((o) => index.event(o));
    assert.deepEqual(
      onAggregate.map((l) => [l.uri, l.range.start.line]),
      expected.map((e) => [store.ctx.uriOf(e.file), e.line - 1]),
    );
    for (const l of onAggregate.slice(0, 20)) {
      const file = expected.find((e) => store.ctx.uriOf(e.file) === l.uri)?.file as string;
      assert.ok(store.lineOf(file, l.range.start.line + 1).includes('"aggregate_id":"portfolio_1"'));
    }
    assert.equal(references(store.ctx, lineOf(aggregateEvent), at(aggregateEvent, 'aggregate_id'), { cap: 7 }).length, 7);
  });

  it('references on an event_id: the event and its direct effects', () => {
    const index = store.ctx.engine.index;
    const cause = index.event(index.ordinalsOfEventId(crossFile.causationId as string)[0]);
    const effects = index.ordinalsCausedBy(cause.eventId).length;
    assert.equal(references(store.ctx, lineOf(cause), at(cause, 'event_id')).length, effects + 1);
    assert.equal(references(store.ctx, lineOf(cause), at(cause, 'event_id'), { includeDeclaration: false }).length, effects);
  });

  it('document symbols: one per event line, seq · type · aggregate, capped', () => {
    const file = store.summary.files[0];
    const text = store.linesOf(file).join('\n');
    const symbols = documentSymbols(text);
    const indexed = store.ctx.engine.index.files.find((f) => f.file === file);
    assert.ok(indexed);
    assert.equal(symbols.length, indexed.events);
    const first = JSON.parse(store.lineOf(file, 1)) as { event_type: string; metadata: { sequence_number: number; aggregate_id: string; timestamp: string } };
    assert.equal(symbols[0].name, `${first.metadata.sequence_number} · ${first.event_type} · ${first.metadata.aggregate_id}`);
    assert.equal(symbols[0].detail, first.metadata.timestamp);
    assert.equal(symbols[0].kind, SymbolKind.Event);
    assert.deepEqual(symbols[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: store.lineOf(file, 1).length } });
    // The invalid-JSON fault line has no symbol: symbols skip its line number.
    const fault = store.summary.faults.find((f) => f.kind === 'invalid-json' && f.file === file);
    assert.ok(fault);
    assert.ok(!symbols.some((s) => s.range.start.line === fault.line - 1));
    const capped = documentSymbols(text, 100);
    assert.equal(capped.length, 100);
    assert.equal(capped[99].range.start.line, 99);
    assert.deepEqual(documentSymbols('{"event_type":"x","data":{},"metadata":{}}\r\n\r\nnot json'), [
      {
        name: '? · x · —',
        kind: SymbolKind.Event,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 42 } },
        selectionRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 42 } },
      },
    ]);
  });

  it('workspace symbols: events by event id prefix, aggregates by id prefix, capped', () => {
    const prefix = crossFile.eventId.slice(0, 6);
    const found = workspaceSymbols(store.ctx, prefix.toUpperCase());
    const hit = found.find((s) => s.name === crossFile.eventId);
    assert.ok(hit, 'the event is found by the start of its id, whatever the case');
    assert.ok(found.every((s) => s.name.toLowerCase().startsWith(prefix)));
    assert.equal(hit.location.uri, store.ctx.uriOf(crossFile.file));
    assert.equal(hit.location.range.start.line, crossFile.line - 1);
    const whole = workspaceSymbols(store.ctx, crossFile.eventId);
    assert.ok(whole.some((s) => s.name === crossFile.eventId && s.kind === SymbolKind.Event));
    const traders = workspaceSymbols(store.ctx, 'trader_');
    const traderIds = store.ctx.engine.index.aggregateIds().filter((id) => id.startsWith('trader_'));
    assert.equal(traders.filter((s) => s.kind === SymbolKind.Class).length, traderIds.length);
    assert.equal(workspaceSymbols(store.ctx, 'trader_', 2).length, 2);
    assert.equal(workspaceSymbols(store.ctx, '').length, 0);
  });
});
