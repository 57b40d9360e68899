import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import type { IndexedEvent } from '../../src/engine/model/indexTypes';
import { hover } from '../../src/server/features/hover';
import { escapeMarkdown } from '../../src/server/features/markdown';
import { type FeatureStore, openFeatureStore, valueCursor } from './featuresTestStore';

function textOf(result: Hover | null): string {
  assert.ok(result, 'expected a hover');
  return (result.contents as MarkupContent).value;
}

describe('hover on event lines', () => {
  let store: FeatureStore;
  let chained: IndexedEvent;
  let chainedLine: string;

  before(async () => {
    store = await openFeatureStore();
    const index = store.ctx.engine.index;
    // An event in the middle of a correlation chain, with a cause, an effect and an aggregate.
    for (let o = 0; o < index.eventCount; o++) {
      const e = index.event(o);
      if (e.causationId && e.correlationId && e.aggregateId && index.ordinalsCausedBy(e.eventId).length > 0 && index.ordinalsOfAggregate(e.aggregateId)[0] !== o) {
        chained = e;
        break;
      }
    }
    assert.ok(chained, 'the generated store has chained events');
    chainedLine = store.lineOf(chained.file, chained.line);
  });
  after(async () => store.close());

  const hoverOn = (line: string, key: string, lineNumber = 0) => hover(store.ctx, line, { line: lineNumber, character: valueCursor(line, key) });

  it('event_id: type, time, aggregate, place and its step in the correlation chain', async () => {
    const index = store.ctx.engine.index;
    const result = await hoverOn(chainedLine, 'event_id', 7);
    const text = textOf(result);
    const members = index.ordinalsOfCorrelation(chained.correlationId as string);
    const step = members.indexOf(chained.ordinal) + 1;
    assert.match(text, new RegExp(`step ${step} of ${members.length} in correlation ${chained.correlationId}`));
    assert.ok(text.includes(escapeMarkdown(chained.eventType)), text);
    assert.ok(text.includes(escapeMarkdown(`${chained.file}:${chained.line}`)), text);
    assert.ok(text.includes(`sequence ${chained.sequenceNumber}`), text);
    const cause = index.event(index.ordinalsOfEventId(chained.causationId as string)[0]);
    assert.ok(text.includes(`caused by ${escapeMarkdown(cause.eventType)}`), text);
    const effects = index.ordinalsCausedBy(chained.eventId).length;
    assert.ok(text.includes(`${effects} direct effect`), text);
    // The range is the value token, quotes included, on the requested line.
    const start = chainedLine.indexOf(`"${chained.eventId}"`);
    assert.deepEqual(result?.range, { start: { line: 7, character: start }, end: { line: 7, character: start + chained.eventId.length + 2 } });
  });

  it('causation_id: describes the causing event', async () => {
    const index = store.ctx.engine.index;
    const cause = index.event(index.ordinalsOfEventId(chained.causationId as string)[0]);
    const text = textOf(await hoverOn(chainedLine, 'causation_id'));
    assert.match(text, /^\*\*Caused by\*\*/);
    assert.ok(text.includes(escapeMarkdown(`${cause.file}:${cause.line}`)), text);
    assert.ok(text.includes(escapeMarkdown(cause.eventType)), text);
  });

  it('causation_id naming no event: says so', async () => {
    const fault = store.summary.faults.find((f) => f.kind === 'unknown-causation');
    assert.ok(fault);
    const line = store.lineOf(fault.file, fault.line);
    const text = textOf(await hoverOn(line, 'causation_id'));
    assert.match(text, /No event in this store has this event_id/);
  });

  it('correlation_id: event count, aggregates, time span and first event', async () => {
    const index = store.ctx.engine.index;
    const members = index.ordinalsOfCorrelation(chained.correlationId as string);
    const aggregates = new Set(members.map((o) => index.event(o).aggregateId).filter((a) => a !== null));
    const first = index.event(members[0]);
    const text = textOf(await hoverOn(chainedLine, 'correlation_id'));
    assert.ok(text.includes(`**Events**: ${members.length}`), text);
    assert.ok(text.includes(`**Aggregates** (${aggregates.size})`), text);
    assert.match(text, /\*\*Time span\*\*: \S+/);
    assert.ok(text.includes(`**First event**: ${escapeMarkdown(first.eventType)}`), text);
    assert.ok(text.includes(escapeMarkdown(`${first.file}:${first.line}`)), text);
  });

  it('aggregate_id: event count, first and last sequence, latest snapshot', async () => {
    const index = store.ctx.engine.index;
    const snapshot = [...store.summary.snapshots].filter((s) => s.aggregate_id !== 'system').sort((a, b) => b.sequence_number - a.sequence_number)[0];
    const ordinals = index.ordinalsOfAggregate(snapshot.aggregate_id);
    const event = index.event(ordinals[1]);
    const line = store.lineOf(event.file, event.line);
    const text = textOf(await hoverOn(line, 'aggregate_id'));
    const newest = store.summary.snapshots.filter((s) => s.aggregate_id === snapshot.aggregate_id).sort((a, b) => b.sequence_number - a.sequence_number)[0];
    assert.ok(text.includes(`**Events**: ${ordinals.length}`), text);
    assert.ok(text.includes(`**First**: sequence ${index.event(ordinals[0]).sequenceNumber}`), text);
    assert.ok(text.includes(`**Last**: sequence ${index.event(ordinals[ordinals.length - 1]).sequenceNumber}`), text);
    assert.ok(text.includes(`at sequence ${newest.sequence_number}`), text);
  });

  it('event_type: schema title, description and known versions', async () => {
    const index = store.ctx.engine.index;
    const ordinal = index.ordinalsOfType('trade_executed')[0];
    const event = index.event(ordinal);
    const line = store.lineOf(event.file, event.line);
    const text = textOf(await hoverOn(line, 'event_type'));
    const info = store.ctx.registry.schemaInfo('trade_executed');
    assert.ok(info?.title && info.description);
    assert.ok(text.includes(escapeMarkdown(info.title)), text);
    assert.ok(text.includes(escapeMarkdown(info.description)), text);
    assert.ok(text.includes('**Schema versions**: 1.0, 1.1 (newest 1.1)'), text);
    assert.ok(text.includes('built-in'), text);
    assert.ok(text.includes(`**Events in store**: ${index.eventTypeCounts().get('trade_executed')}`), text);
  });

  it('timestamp: UTC, local time in the process zone and the gap to the previous event of the aggregate', async () => {
    const index = store.ctx.engine.index;
    const stream = index.ordinalsOfAggregate(chained.aggregateId as string);
    const at = stream.indexOf(chained.ordinal);
    const previous = index.event(stream[at - 1]);
    const savedTz = process.env.TZ;
    process.env.TZ = 'Asia/Kolkata'; // +05:30 all year: no daylight-saving ambiguity
    try {
      const text = textOf(await hoverOn(chainedLine, 'timestamp'));
      const ms = chained.timestampMs;
      assert.ok(text.includes(`**UTC**: ${new Date(ms).toISOString()}`), text);
      const local = new Date(ms + 5.5 * 3_600_000).toISOString().replace('T', ' ').slice(0, 23);
      assert.ok(text.includes(`**Local**: ${local} UTC+05:30 (Asia/`), text); // ICU may name it Asia/Calcutta
      const gapSeconds = (ms - previous.timestampMs) / 1000;
      assert.ok(gapSeconds >= 0);
      assert.ok(text.includes(`sequence ${previous.sequenceNumber}`), text);
      assert.match(text, /^\*\*\+.+\*\* after the previous event of /m);
      if (gapSeconds < 60) assert.ok(text.includes(`**+${Number(gapSeconds.toFixed(3))} s**`), text);
    } finally {
      if (savedTz === undefined) delete process.env.TZ;
      else process.env.TZ = savedTz;
    }
  });

  it('timestamp of an aggregate\'s first event says it is the first', async () => {
    const index = store.ctx.engine.index;
    const first = index.event(index.ordinalsOfAggregate(chained.aggregateId as string)[0]);
    const text = textOf(await hoverOn(store.lineOf(first.file, first.line), 'timestamp'));
    assert.ok(text.includes(`First event of aggregate ${escapeMarkdown(chained.aggregateId as string)}`), text);
  });

  it('null ids explain themselves; data values and keys get no hover', async () => {
    const line = chainedLine.replace(`"causation_id":"${chained.causationId}"`, '"causation_id":null');
    assert.match(textOf(await hoverOn(line, 'causation_id')), /No cause/);
    const dataAt = chainedLine.indexOf('"data"') + 10;
    assert.equal(await hover(store.ctx, chainedLine, { line: 0, character: dataAt }), null);
    const keyAt = chainedLine.indexOf('"event_id"') + 2;
    assert.equal(await hover(store.ctx, chainedLine, { line: 0, character: keyAt }), null);
    assert.equal(await hover(store.ctx, 'not json at all', { line: 0, character: 3 }), null);
  });

  it('markdown and HTML in a stored value show escaped', async () => {
    const evil = '<img src=x onerror=alert(1)>**bold**_[link](http://x)`code`';
    const event = {
      event_type: 'risk_alert',
      data: { alert_type: 'drawdown', severity: 'low', message: 'm' },
      metadata: {
        event_id: '00000000-0000-4000-8000-000000000001', version: '1.0.0', schema_version: '1.0', timestamp: '2024-01-15T12:00:00Z',
        source: 'Test', correlation_id: null, causation_id: null, aggregate_id: evil, sequence_number: 99999, retry_count: 0, status: 'completed', tags: {},
      },
    };
    const line = JSON.stringify(event);
    fs.appendFileSync(path.join(store.root, store.summary.files[0]), `${line}\n`);
    await store.ctx.engine.refresh();
    const text = textOf(await hoverOn(line, 'aggregate_id'));
    assert.ok(text.includes('**Events**: 1'), 'the appended event is indexed');
    assert.ok(!text.includes('<img'), text);
    assert.ok(text.includes('&lt;img src=x onerror=alert(1)&gt;\\*\\*bold\\*\\*\\_\\[link\\](http://x)\\`code\\`'), text);
  });
});
