import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import * as fs from 'node:fs';
import { after, afterEach, before, describe, it } from 'node:test';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { openStore } from '../../src/engine/openStore';
import { foldEvent, rebuildFromEvents, rebuildWorking, reducersForRebuild, type WorkingState } from '../../src/engine/state/rebuild';
import type { StoreEngine } from '../../src/engine/storeEngineTypes';
import type { IndexedEvent } from '../../src/engine/model/indexTypes';
import { spawnSync } from 'node:child_process';
import { DEBUG_FOLD_STEP_EVENT, DEBUG_POSITION_EVENT } from '../../src/shared/debugPosition';
import { generatedStoreWithGzipDays, longAggregateStore } from '../helpers/debugStores';
import { makeTempDir } from '../helpers/tempStore';

const ADAPTER = path.resolve(__dirname, '../../../dist/debugAdapter.js');

/** A client on a fresh `node dist/debugAdapter.js` over stdio. */
async function client(): Promise<DebugClient> {
  const dc = new DebugClient(process.execPath, ADAPTER, 'eventbus');
  dc.defaultTimeout = 20_000;
  await dc.start();
  current = dc;
  return dc;
}

/** Launches, lets `setup` set breakpoints between `initialized` and configurationDone, and waits for the first stop. */
async function launch(dc: DebugClient, args: Record<string, unknown>, setup: () => Promise<unknown> = async () => undefined): Promise<DebugProtocol.StoppedEvent> {
  const stopped = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
  await Promise.all([
    dc.waitForEvent('initialized').then(setup).then(() => dc.configurationDoneRequest()),
    dc.launch({ type: 'eventbus', request: 'launch', ...args }),
  ]);
  return stopped;
}

/** Runs a step request and waits for the stop it causes. */
async function step(dc: DebugClient, request: () => Promise<unknown>): Promise<DebugProtocol.StoppedEvent> {
  const stopped = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
  await request();
  return stopped;
}

async function topFrame(dc: DebugClient): Promise<DebugProtocol.StackFrame> {
  const trace = await dc.stackTraceRequest({ threadId: 1 });
  return trace.body.stackFrames[0];
}

/** The JSON value behind a variable, rebuilt from the Variables tree (as a person expanding it would see). */
async function materialize(dc: DebugClient, variable: DebugProtocol.Variable): Promise<unknown> {
  if (variable.variablesReference === 0) return variable.value === 'undefined' ? undefined : JSON.parse(variable.value);
  const children = (await dc.variablesRequest({ variablesReference: variable.variablesReference })).body.variables;
  if (variable.type === 'array') return Promise.all(children.map((c) => materialize(dc, c)));
  const out: Record<string, unknown> = {};
  for (const child of children) out[child.name] = await materialize(dc, child);
  return out;
}

async function scopes(dc: DebugClient): Promise<DebugProtocol.Scope[]> {
  const frame = await topFrame(dc);
  return (await dc.scopesRequest({ frameId: frame.id })).body.scopes;
}

/** The state after the stopped event, read from its scope. */
async function stateAfter(dc: DebugClient): Promise<unknown> {
  const scope = (await scopes(dc)).find((s) => s.name.startsWith('State after'));
  assert.ok(scope, 'a "State after" scope');
  return materialize(dc, { name: 'state', value: '', variablesReference: scope.variablesReference, type: 'object' });
}

async function evaluate(dc: DebugClient, expression: string): Promise<string> {
  const frame = await topFrame(dc);
  return (await dc.evaluateRequest({ expression, frameId: frame.id, context: 'watch' })).body.result;
}

describe('the eventbus debug adapter over stdio (DebugClient)', () => {
  const temp = makeTempDir('eventbus-debug-');
  const root = path.join(temp.dir, 'event_store');
  let engine: StoreEngine;
  let aggregateId: string;
  let aggregateEvents: IndexedEvent[];
  let dc: DebugClient;

  before(async () => {
    generatedStoreWithGzipDays(root, { events: 3000 });
    engine = await openStore(root, { persistIndex: false });
    // An aggregate with events in a gzip day and in the plain day.
    aggregateId = engine.index
      .aggregateIds()
      .find((id) => {
        const files = new Set(engine.index.ordinalsOfAggregate(id).map((o) => engine.index.event(o).file));
        return [...files].some((f) => f.endsWith('.gz')) && [...files].some((f) => f.endsWith('.jsonl')) && engine.index.aggregateSize(id) > 20;
      }) as string;
    assert.ok(aggregateId, 'the generated store has an aggregate over gzip and plain days');
    aggregateEvents = engine.index.ordinalsOfAggregate(aggregateId).map((o) => engine.index.event(o));
  });
  after(async () => {
    await engine.close();
    temp.cleanup();
  });

  describe('stepping', () => {
    before(async () => {
      dc = await client();
    });
    after(async () => {
      await dc.stop();
    });

    it('stops on entry at the aggregate\'s first event, its line in its day file, with the event and the states', async () => {
      const stopped = await launch(dc, { store: root, aggregateId, stopOnEntry: true });
      assert.equal(stopped.body.reason, 'entry');
      const frame = await topFrame(dc);
      const first = aggregateEvents[0];
      assert.equal(frame.line, first.line);
      assert.equal(frame.source?.name, path.basename(first.file));
      assert.match(frame.name, new RegExp(`^${first.eventType} #${first.sequenceNumber}`));
      const names = (await scopes(dc)).map((s) => s.name);
      assert.deepEqual(names.slice(0, 3), ['Event', `State before (${aggregateId})`, `State after (${aggregateId})`]);
      assert.equal(names[3], 'Changes');
      const expected = await rebuildFromEvents(engine.storage, aggregateId, { atSequence: first.sequenceNumber });
      assert.deepEqual(await stateAfter(dc), JSON.parse(JSON.stringify(expected.state)));
    });

    it('Step Over goes to the next event of the session, Step Back to the previous, each with its exact state', async () => {
      for (let i = 1; i <= 3; i++) {
        await step(dc, () => dc.nextRequest({ threadId: 1 }));
        assert.equal((await topFrame(dc)).line, aggregateEvents[i].line);
      }
      const stopped = await step(dc, () => dc.stepBackRequest({ threadId: 1 }));
      assert.equal(stopped.body.reason, 'step');
      assert.equal((await topFrame(dc)).line, aggregateEvents[2].line);
      const expected = await rebuildFromEvents(engine.storage, aggregateId, { atSequence: aggregateEvents[2].sequenceNumber });
      assert.deepEqual(await stateAfter(dc), JSON.parse(JSON.stringify(expected.state)));
    });

    it('Reverse Continue without breakpoints runs back to the first event', async () => {
      const stopped = await step(dc, () => dc.customRequest('reverseContinue', { threadId: 1 }));
      assert.equal(stopped.body.reason, 'entry');
      assert.equal((await topFrame(dc)).line, aggregateEvents[0].line);
    });

    it('after every stop it sends the event it stands on (eventbus/position), which the timeline and the inspector follow', async () => {
      const expectPosition = (event: DebugProtocol.Event, indexed: IndexedEvent) =>
        assert.deepEqual(event.body, {
          store: engine.root,
          eventId: indexed.eventId,
          eventType: indexed.eventType,
          aggregateId,
          sequence: indexed.sequenceNumber,
          timestampMs: indexed.timestampMs,
          correlationId: indexed.correlationId,
        });
      let position = dc.waitForEvent(DEBUG_POSITION_EVENT);
      await step(dc, () => dc.nextRequest({ threadId: 1 }));
      expectPosition(await position, aggregateEvents[1]);
      position = dc.waitForEvent(DEBUG_POSITION_EVENT);
      await step(dc, () => dc.stepBackRequest({ threadId: 1 }));
      expectPosition(await position, aggregateEvents[0]);
    });

    it('evaluates event, state and prev expressions, with errors naming the column, and completes state keys', async () => {
      await step(dc, () => dc.nextRequest({ threadId: 1 }));
      const event = await engine.readEvent(aggregateEvents[1].ordinal);
      assert.equal(await evaluate(dc, 'event.event_type'), JSON.stringify(event.event_type));
      assert.equal(await evaluate(dc, 'seq'), String(event.metadata.sequence_number));
      assert.equal(await evaluate(dc, `seq == ${event.metadata.sequence_number}`), 'true');
      const state = (await rebuildFromEvents(engine.storage, aggregateId, { atSequence: event.metadata.sequence_number })).state as Record<string, unknown>;
      const key = Object.keys(state).find((k) => typeof state[k] === 'number' || typeof state[k] === 'string') as string;
      assert.equal(await evaluate(dc, `state.${key}`), JSON.stringify(state[key]));
      const prev = (await rebuildFromEvents(engine.storage, aggregateId, { atSequence: aggregateEvents[0].sequenceNumber })).state as Record<string, unknown>;
      assert.equal(await evaluate(dc, `exists(prev.${key})`), String(Object.hasOwn(prev, key) && prev[key] !== null));
      const frame = await topFrame(dc);
      await assert.rejects(dc.evaluateRequest({ expression: 'state.x >', frameId: frame.id, context: 'repl' }), /expected a value/);
      const completions = await dc.completionsRequest({ text: 'state.', column: 7, frameId: frame.id });
      assert.deepEqual(completions.body.targets.map((t) => t.label).sort(), Object.keys(state).sort());
      const roots = await dc.completionsRequest({ text: 'pr', column: 3, frameId: frame.id });
      assert.ok(roots.body.targets.some((t) => t.label === 'prev'));
    });

    it('disconnects and the adapter process ends', async () => {
      await dc.disconnectRequest({});
    });
  });

  describe('restart frame', () => {
    afterEachStop();

    it('resumes at the frame\'s event with the state rebuilt from the nearest snapshot plus events, equal to a forward fold', async () => {
      // A snapshot with at least three of its aggregate's events after it.
      const snapshotsDir = path.join(root, 'snapshots');
      const snapshot = fs
        .readdirSync(snapshotsDir)
        .map((name) => ({ name, ...(JSON.parse(fs.readFileSync(path.join(snapshotsDir, name), 'utf8')) as { aggregate_id: string; sequence_number: number }) }))
        .map((s) => ({ ...s, after: engine.index.ordinalsOfAggregate(s.aggregate_id).map((o) => engine.index.event(o)).filter((e) => e.sequenceNumber > s.sequence_number) }))
        .find((s) => s.after.length >= 3);
      assert.ok(snapshot, 'the generated store has a snapshot with events after it');
      const [first, , third] = snapshot.after;
      dc = await client();
      await launch(dc, { store: root, aggregateId: snapshot.aggregate_id, fromSequence: first.sequenceNumber, stopOnEntry: true });
      // Walk on and back so that states are cached, then restart on the third event after the snapshot.
      await step(dc, () => dc.nextRequest({ threadId: 1 }));
      await step(dc, () => dc.nextRequest({ threadId: 1 }));
      await step(dc, () => dc.stepBackRequest({ threadId: 1 }));
      await step(dc, () => dc.nextRequest({ threadId: 1 }));
      assert.equal((await topFrame(dc)).line, third.line);
      const frameId = (await topFrame(dc)).id;
      const said = dc.waitForEvent('output') as Promise<DebugProtocol.OutputEvent>;
      const stopped = await step(dc, () => dc.customRequest('restartFrame', { frameId }));
      assert.equal(stopped.body.reason, 'restart');
      assert.equal((await topFrame(dc)).line, third.line);
      assert.match((await said).body.output, new RegExp(`rebuilt from the snapshot snapshots/${snapshot.name.replace(/[.]/g, '\\.')} \\(sequence ${snapshot.sequence_number}\\) plus 3 event\\(s\\)`));
      const forward = await rebuildWorking(engine.storage, snapshot.aggregate_id, { atSequence: third.sequenceNumber, useSnapshots: false });
      assert.equal(forward.fromSnapshot, undefined, 'the expectation folds from the first event');
      assert.deepEqual(await stateAfter(dc), JSON.parse(JSON.stringify(forward.state)));
      // Stepping on from the restart folds from the rebuilt state.
      if (snapshot.after.length > 3) {
        await step(dc, () => dc.nextRequest({ threadId: 1 }));
        const next = await rebuildWorking(engine.storage, snapshot.aggregate_id, { atSequence: snapshot.after[3].sequenceNumber, useSnapshots: false });
        assert.deepEqual(await stateAfter(dc), JSON.parse(JSON.stringify(next.state)));
      }
    });

    it('answers an error for a frame the Call Stack does not have', async () => {
      dc = await client();
      await launch(dc, { store: root, aggregateId, stopOnEntry: true });
      await assert.rejects(dc.customRequest('restartFrame', { frameId: 99 }), /no frame 99/);
    });
  });

  describe('stepping into the fold of a projection store', () => {
    const projectionTemp = makeTempDir('eventbus-debug-projection-');
    const projectionRoot = path.join(projectionTemp.dir, 'event_store');
    const amounts = [5, 7, -3, 11];
    const fold = { mode: 'projection', projection: 'balances' };
    before(() => {
      fs.mkdirSync(path.join(projectionRoot, 'events'), { recursive: true });
      fs.mkdirSync(path.join(projectionRoot, 'projections'), { recursive: true });
      const lines = amounts.map((amount, i) =>
        JSON.stringify({
          event_type: 'money_moved',
          data: { amount },
          metadata: { event_id: `e-${i + 1}`, schema_version: '1.0', timestamp: `2024-03-01T00:00:0${i}Z`, source: 'ledger', correlation_id: 'c-1', causation_id: null, aggregate_id: 'acct-9', sequence_number: i + 1, retry_count: 0, status: 'completed' },
        }),
      );
      fs.writeFileSync(path.join(projectionRoot, 'events', 'events_2024-03-01.jsonl'), `${lines.join('\n')}\n`);
      fs.writeFileSync(
        path.join(projectionRoot, 'projections', 'balances.js'),
        "module.exports = { name: 'balances', initialState: () => ({ total: 0, moves: 0 }), apply(state, event) { state.total += event.data.amount; state.moves += 1; return state; } };\n",
      );
    });
    after(() => projectionTemp.cleanup());
    afterEachStop();

    it('without projections allowed: the session runs, shows no state, and Step Into says why instead of running the module', async () => {
      dc = await client();
      const said: string[] = [];
      dc.on('output', (event: DebugProtocol.OutputEvent) => said.push(event.body.output));
      let foldSteps = 0;
      dc.on(DEBUG_FOLD_STEP_EVENT, () => foldSteps++);
      await launch(dc, { store: projectionRoot, aggregateId: 'acct-9', stopOnEntry: true, fold });
      assert.deepEqual((await scopes(dc)).map((s) => s.name), ['Event'], 'no state without running the projection');
      assert.ok(said.some((line) => /Not running the projection: .*"balances".*allowProjections/.test(line)), said.join(''));
      const stopped = await step(dc, () => dc.stepInRequest({ threadId: 1 }));
      assert.equal(stopped.body.reason, 'step');
      assert.ok(said.some((line) => /^Step Into the fold: the store's fold is the projection "balances": its code runs only when projections are allowed/.test(line)), said.join(''));
      assert.equal(foldSteps, 0, 'no child session asked for');
      assert.equal((await topFrame(dc)).line, 2, 'no effect: stepped over to the next event');
    });

    it('with projections allowed: states are the projection\'s, and Step Into asks for a Node session whose apply() gives the state after', async () => {
      dc = await client();
      await launch(dc, { store: projectionRoot, aggregateId: 'acct-9', stopOnEntry: true, fold, allowProjections: true });
      assert.deepEqual(await stateAfter(dc), { total: 5, moves: 1 });
      await step(dc, () => dc.nextRequest({ threadId: 1 }));
      await step(dc, () => dc.nextRequest({ threadId: 1 }));
      assert.deepEqual(await stateAfter(dc), { total: 9, moves: 3 });
      const frameId = (await topFrame(dc)).id;
      const targets = (await dc.customRequest('stepInTargets', { frameId })).body.targets as DebugProtocol.StepInTarget[];
      assert.equal(targets[0]?.label, 'the fold: balances.apply(state, event)');
      const asked = dc.waitForEvent(DEBUG_FOLD_STEP_EVENT);
      const stopped = await step(dc, () => dc.stepInRequest({ threadId: 1, targetId: targets[0].id }));
      assert.equal(stopped.body.reason, 'step');
      assert.equal((await topFrame(dc)).line, 3, 'the replay stays on the event');
      const { configuration } = (await asked).body as { configuration: { type: string; request: string; program: string; args: string[] } };
      assert.equal(configuration.type, 'node');
      assert.equal(configuration.request, 'launch');
      assert.equal(configuration.args[0], path.join(projectionRoot, 'projections', 'balances.js'));
      // The child's program without a debugger attached: its `debugger` line does nothing, apply runs once on the state before.
      const run = spawnSync(process.execPath, [configuration.program, ...configuration.args], { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(JSON.parse(run.stdout), { total: 9, moves: 3 });
      await dc.disconnectRequest({});
      assert.equal(fs.existsSync(configuration.program), false, 'the runner and its input are removed when the session ends');
    });
  });

  describe('attach: following a store being written', () => {
    const liveTemp = makeTempDir('eventbus-debug-live-');
    const liveRoot = path.join(liveTemp.dir, 'event_store');
    const day = path.join(liveRoot, 'events', 'events_2024-04-01.jsonl');
    const line = (n: number, type: string, aggregate: string) =>
      `${JSON.stringify({
        event_type: type,
        data: { n },
        metadata: { event_id: `live-${n}`, schema_version: '1.0', timestamp: `2024-04-01T00:00:${String(n).padStart(2, '0')}Z`, source: 'sensor', correlation_id: `c-${n}`, causation_id: null, aggregate_id: aggregate, sequence_number: n, retry_count: 0, status: 'completed' },
      })}\n`;
    before(() => {
      fs.mkdirSync(path.dirname(day), { recursive: true });
      fs.writeFileSync(day, [1, 2, 3].map((n) => line(n, 'tick', 'probe-1')).join(''));
    });
    after(() => liveTemp.cleanup());
    afterEachStop();

    it('waits at the end, then stops on the next matching breakpoint when events are appended', async () => {
      dc = await client();
      const said: string[] = [];
      dc.on('output', (event: DebugProtocol.OutputEvent) => said.push(event.body.output));
      let stops = 0;
      dc.on('stopped', () => stops++);
      await Promise.all([
        dc
          .waitForEvent('initialized')
          .then(() => dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'alarm_raised' }] }))
          .then(() => dc.configurationDoneRequest()),
        dc.attachRequest({ type: 'eventbus', request: 'attach', store: liveRoot, aggregateId: 'probe-1', stopOnEntry: false } as DebugProtocol.AttachRequestArguments),
      ]);
      // No alarm among the three events: the session runs to the end and waits there.
      const deadline = Date.now() + 10_000;
      while (!said.some((text) => /waiting for events to be appended/i.test(text)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      assert.ok(said.some((text) => /waiting for events to be appended/i.test(text)), said.join(''));
      assert.equal(stops, 0, 'nothing stopped before the appends');
      // Another writer (the Python bus) appends: a tick of the aggregate, another aggregate's alarm, then the aggregate's alarm.
      const stopped = dc.waitForEvent('stopped', 15_000) as Promise<DebugProtocol.StoppedEvent>;
      fs.appendFileSync(day, line(4, 'tick', 'probe-1') + line(5, 'alarm_raised', 'probe-2') + line(6, 'alarm_raised', 'probe-1'));
      const event = await stopped.catch((error: Error) => {
        throw new Error(`${error.message}; the adapter said: ${said.join('')}`);
      });
      assert.equal(event.body.reason, 'function breakpoint');
      const frame = await topFrame(dc);
      assert.equal(frame.line, 6, 'stopped on the aggregate\'s appended alarm, not the other aggregate\'s');
      assert.equal(await evaluate(dc, 'event.data.n'), '6');
      assert.equal(stops, 1);
    });
  });

  describe('causation: Step Into, Step Out, the Call Stack', () => {
    const small = makeTempDir('eventbus-debug-chain-');
    const smallRoot = path.join(small.dir, 'event_store');
    let lines: number[];
    before(() => {
      longAggregateStore(smallRoot, 60);
      lines = [1, 2, 3, 4];
    });
    after(() => small.cleanup());
    afterEachStop();

    it("Step Into goes to the event this one caused, the stack is its causation chain, Step Out to the cause's next effect", async () => {
      dc = await client();
      await launch(dc, { store: smallRoot, correlationId: 'corr-chain', stopOnEntry: true });
      assert.equal((await topFrame(dc)).line, lines[0]);
      await step(dc, () => dc.stepInRequest({ threadId: 1 }));
      let stack = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
      assert.deepEqual(stack.map((f) => f.line), [2, 1], 'the event, then its cause');
      await step(dc, () => dc.stepInRequest({ threadId: 1 }));
      stack = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
      assert.deepEqual(stack.map((f) => f.line), [4, 2, 1], 'a chain of three');
      assert.match(stack[1].name, /^balance_changed #2 · acct-1$/);
      await step(dc, () => dc.stepBackRequest({ threadId: 1 }));
      await step(dc, () => dc.stepBackRequest({ threadId: 1 }));
      assert.equal((await topFrame(dc)).line, 2);
      await step(dc, () => dc.stepOutRequest({ threadId: 1 }));
      assert.equal((await topFrame(dc)).line, 3, "the cause's next effect");
      // A correlation session shows one scope per aggregate touched.
      const names = (await scopes(dc)).map((s) => s.name);
      assert.ok(names.includes('State after (acct-1)'));
    });
  });

  describe('breakpoints', () => {
    afterEachStop();

    it('a line breakpoint in a .jsonl day stops on that event', async () => {
      const target = aggregateEvents.find((e) => e.file.endsWith('.jsonl') && e !== aggregateEvents[0]) as IndexedEvent;
      dc = await client();
      const stopped = await launch(dc, { store: root, aggregateId, stopOnEntry: false }, () =>
        dc.setBreakpointsRequest({ source: { path: path.join(root, target.file) }, breakpoints: [{ line: target.line }] }),
      );
      assert.equal(stopped.body.reason, 'breakpoint');
      const frame = await topFrame(dc);
      assert.equal(frame.line, target.line);
      assert.equal(frame.source?.path, path.join(root, target.file));
    });

    it('a line breakpoint in a .jsonl.gz day stops there, and the source is the decompressed text', async () => {
      const target = aggregateEvents.find((e) => e.file.endsWith('.gz') && e !== aggregateEvents[0]) as IndexedEvent;
      dc = await client();
      let verified: DebugProtocol.Breakpoint[] = [];
      const stopped = await launch(dc, { store: root, aggregateId, stopOnEntry: false }, async () => {
        verified = (await dc.setBreakpointsRequest({ source: { path: path.join(root, target.file) }, breakpoints: [{ line: target.line }, { line: 999_999 }] })).body.breakpoints;
      });
      assert.equal(verified[0].verified, true);
      assert.equal(verified[1].verified, false);
      assert.match(verified[1].message ?? '', /holds no event/);
      assert.equal(stopped.body.reason, 'breakpoint');
      const frame = await topFrame(dc);
      assert.equal(frame.line, target.line);
      assert.ok(frame.source?.sourceReference, 'a .gz day is sent by reference');
      const text = (await dc.sourceRequest({ sourceReference: frame.source.sourceReference, source: frame.source })).body.content;
      const expected = zlib.gunzipSync(fs.readFileSync(path.join(root, target.file))).toString('utf8').split('\n')[target.line - 1];
      assert.equal(text.split('\n')[target.line - 1], expected);
      assert.match(expected, new RegExp(target.eventId));
    });

    it('a function breakpoint names an event type; type:field needs that field; a condition and a hit count narrow it', async () => {
      const type = aggregateEvents[5].eventType;
      const ofType = aggregateEvents.filter((e, i) => i > 0 && e.eventType === type);
      dc = await client();
      await launch(dc, { store: root, aggregateId, stopOnEntry: true }, () => dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: type }] }));
      let stopped = await step(dc, () => dc.continueRequest({ threadId: 1 }));
      assert.equal(stopped.body.reason, 'function breakpoint');
      assert.equal((await topFrame(dc)).line, ofType[0].line);
      // Hit count 2 on any type, with a condition on the sequence number: the 2nd event past the condition.
      const from = aggregateEvents[10].sequenceNumber;
      const breakpoints = (
        await dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: '*', condition: `seq >= ${from}`, hitCondition: '2' }, { name: 'x y z' }] })
      ).body.breakpoints;
      assert.deepEqual(
        breakpoints.map((b) => b.verified),
        [true, false],
      );
      stopped = await step(dc, () => dc.continueRequest({ threadId: 1 }));
      assert.equal((await topFrame(dc)).line, aggregateEvents[11].line);
      const bad = (await dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: '*', condition: 'state.balance <' }] })).body.breakpoints[0];
      assert.equal(bad.verified, false);
      assert.match(bad.message ?? '', /condition: .*column 16: expected a value/);
    });

    it('a logpoint prints its message with values and does not stop', async () => {
      const target = aggregateEvents[3];
      dc = await client();
      const output = new Promise<DebugProtocol.OutputEvent>((resolve) => {
        dc.on('output', (event: DebugProtocol.OutputEvent) => {
          if (event.body.category === 'stdout') resolve(event);
        });
      });
      const stopped = await launch(dc, { store: root, aggregateId, stopOnEntry: false }, () =>
        dc.setBreakpointsRequest({
          source: { path: path.join(root, target.file) },
          breakpoints: [{ line: target.line, logMessage: 'at {seq}: {event.event_type}' }],
        }),
      );
      const logged = await output;
      assert.equal(logged.body.output, `at ${target.sequenceNumber}: "${target.eventType}"\n`);
      assert.equal(logged.body.line, target.line);
      // Nothing else stops it: it runs to the end of the replay.
      assert.equal((await topFrame(dc)).line, aggregateEvents[aggregateEvents.length - 1].line);
      assert.notEqual(stopped.body.reason, 'breakpoint');
    });

    it('a data breakpoint on a state field stops on the next event that changes it', async () => {
      dc = await client();
      await launch(dc, { store: root, aggregateId, stopOnEntry: true });
      // A field of the state that a later event changes.
      const states: Record<string, unknown>[] = [];
      for (const e of aggregateEvents.slice(0, 40)) states.push((await rebuildFromEvents(engine.storage, aggregateId, { atSequence: e.sequenceNumber })).state as Record<string, unknown>);
      const field = Object.keys(states[0]).find((k) => states.slice(1).some((s) => JSON.stringify(s[k]) !== JSON.stringify(states[0][k]))) as string;
      assert.ok(field, 'a field that changes');
      const changeAt = states.findIndex((s, i) => i > 0 && JSON.stringify(s[field]) !== JSON.stringify(states[i - 1][field]));
      const scope = (await scopes(dc)).find((s) => s.name.startsWith('State after')) as DebugProtocol.Scope;
      const info = await dc.customRequest('dataBreakpointInfo', { variablesReference: scope.variablesReference, name: field });
      assert.ok(info.body.dataId, 'the field can be watched');
      const set = await dc.customRequest('setDataBreakpoints', { breakpoints: [{ dataId: info.body.dataId, accessType: 'write' }] });
      assert.equal(set.body.breakpoints[0].verified, true);
      const stopped = await step(dc, () => dc.continueRequest({ threadId: 1 }));
      assert.equal(stopped.body.reason, 'data breakpoint');
      assert.equal((await topFrame(dc)).line, aggregateEvents[changeAt].line);
      assert.match(stopped.body.description ?? '', new RegExp(`state\\.${field}`));
    });
  });

  describe('exception breakpoints', () => {
    const broken = makeTempDir('eventbus-debug-broken-');
    const brokenRoot = path.join(broken.dir, 'event_store');
    let brokenEngine: StoreEngine;
    before(async () => {
      generatedStoreWithGzipDays(brokenRoot, { events: 2000, withErrors: true });
      brokenEngine = await openStore(brokenRoot, { persistIndex: false });
    });
    after(async () => {
      await brokenEngine.close();
      broken.cleanup();
    });
    afterEachStop();

    it('schema-invalid stops on an event whose data fails its schema', async () => {
      dc = await client();
      await launch(dc, { store: brokenRoot, stopOnEntry: true }, () => dc.setExceptionBreakpointsRequest({ filters: ['schema-invalid'] }));
      const stopped = await step(dc, () => dc.continueRequest({ threadId: 1 }));
      assert.equal(stopped.body.reason, 'exception');
      assert.match(stopped.body.description ?? '', /schema: data/);
      const info = await dc.customRequest('exceptionInfo', { threadId: 1 });
      assert.equal(info.body.description, stopped.body.description);
    });

    it('integrity stops on an event with an integrity finding (EB0xx)', async () => {
      dc = await client();
      await launch(dc, { store: brokenRoot, stopOnEntry: true }, () => dc.setExceptionBreakpointsRequest({ filters: ['integrity'] }));
      const stopped = await step(dc, () => dc.continueRequest({ threadId: 1 }));
      assert.equal(stopped.body.reason, 'exception');
      assert.match(stopped.body.description ?? '', /EB01[3-8]/);
    });

    it('reducer-error stops on an event the fold refuses, and the state stays the state before', async () => {
      const type = aggregateEvents[2].eventType;
      const event = await engine.readEvent(aggregateEvents[2].ordinal);
      const textField = Object.keys(event.data as object).find((k) => typeof (event.data as Record<string, unknown>)[k] === 'string') as string;
      dc = await client();
      await launch(
        dc,
        { store: root, aggregateId, stopOnEntry: true, fold: { mode: 'reducers', reducers: { [type]: [{ op: 'increment', path: 'count', from: `data.${textField}` }] } } },
        () => dc.setExceptionBreakpointsRequest({ filters: ['reducer-error'] }),
      );
      const stopped = await step(dc, () => dc.continueRequest({ threadId: 1 }));
      assert.equal(stopped.body.reason, 'exception');
      assert.match(stopped.body.description ?? '', /reducer for .* failed .*not a number/);
      assert.equal(await evaluate(dc, 'event.event_type'), JSON.stringify(type));
      const scopeList = await scopes(dc);
      const before = await materialize(dc, { name: 'p', value: '', type: 'object', variablesReference: (scopeList.find((s) => s.name.startsWith('State before')) as DebugProtocol.Scope).variablesReference });
      assert.deepEqual(await stateAfter(dc), before);
    });
  });

  describe('a 10,000-event aggregate', () => {
    const long = makeTempDir('eventbus-debug-long-');
    const longRoot = path.join(long.dir, 'event_store');
    let longEngine: StoreEngine;
    before(async () => {
      longAggregateStore(longRoot, 10_250);
      longEngine = await openStore(longRoot, { persistIndex: false });
    });
    after(async () => {
      await longEngine.close();
      long.cleanup();
    });
    afterEachStop();

    it('pages a big state: a 3,000-item list by index ranges, a 2,500-key object by key ranges', async () => {
      dc = await client();
      await launch(dc, { store: longRoot, aggregateId: 'acct-1', stopOnEntry: true });
      const scope = (await scopes(dc)).find((s) => s.name.startsWith('State after')) as DebugProtocol.Scope;
      const top = (await dc.variablesRequest({ variablesReference: scope.variablesReference })).body.variables;
      const items = top.find((v) => v.name === 'items') as DebugProtocol.Variable;
      assert.equal(items.indexedVariables, 3000);
      const page = (await dc.variablesRequest({ variablesReference: items.variablesReference, filter: 'indexed', start: 1000, count: 100 })).body.variables;
      assert.equal(page.length, 100);
      assert.equal(page[0].name, '[1000]');
      const wide = top.find((v) => v.name === 'wide') as DebugProtocol.Variable;
      const ranges = (await dc.variablesRequest({ variablesReference: wide.variablesReference })).body.variables;
      assert.deepEqual(ranges.map((r) => r.name), ['[0…999]', '[1000…1999]', '[2000…2499]']);
      const last = (await dc.variablesRequest({ variablesReference: ranges[2].variablesReference })).body.variables;
      assert.equal(last.length, 500);
      assert.deepEqual([last[0].name, last[0].value], ['key_2000', '2000']);
    });

    it('stepped back from its last event to its first, the state equals a forward rebuild at every 100th step', async () => {
      const ordinals = longEngine.index.ordinalsOfAggregate('acct-1');
      assert.ok(ordinals.length >= 10_000);
      const lastSequence = longEngine.index.event(ordinals[ordinals.length - 1]).sequenceNumber;
      // The forward rebuild: the engine's fold over the aggregate's events from the start, the state kept at every 100th step back.
      const wanted = new Set<number>();
      for (let back = 0; back < ordinals.length; back += 100) wanted.add(ordinals.length - 1 - back);
      wanted.add(0);
      const forward = new Map<number, unknown>();
      const reducers = await reducersForRebuild(longEngine.storage, 'acct-1', undefined);
      const working: WorkingState = { state: {}, lastSequence: -1, eventsApplied: 0, eventCount: 0, lastEventId: undefined, skippedSnapshots: [] };
      let position = 0;
      for await (const event of longEngine.storage.query({ aggregateId: 'acct-1' })) {
        foldEvent(working, event, reducers);
        if (wanted.has(position)) forward.set(position, JSON.parse(JSON.stringify(working.state)));
        position++;
      }
      assert.equal(position, ordinals.length);
      dc = await client();
      await launch(dc, { store: longRoot, aggregateId: 'acct-1', stopOnEntry: true, fromSequence: lastSequence });
      for (let back = 0; back < ordinals.length; back++) {
        const position = ordinals.length - 1 - back;
        if (back % 100 === 0 || position === 0) {
          const expected = { state: forward.get(position) };
          const scope = (await scopes(dc)).find((s) => s.name.startsWith('State after')) as DebugProtocol.Scope;
          // Compare what a person sees cheaply: every top-level value but the two big ones (paged above).
          const shown = (await dc.variablesRequest({ variablesReference: scope.variablesReference })).body.variables;
          const state = expected.state as Record<string, unknown>;
          for (const v of shown) {
            if (v.name === 'items' || v.name === 'wide') continue;
            assert.deepEqual(await materialize(dc, v), state[v.name], `step ${back}: ${v.name}`);
          }
          assert.deepEqual(shown.map((v) => v.name).sort(), Object.keys(state).sort(), `step ${back}: keys`);
          assert.equal((await topFrame(dc)).line, longEngine.index.event(ordinals[position]).line);
        }
        if (position > 0) await step(dc, () => dc.stepBackRequest({ threadId: 1 }));
      }
    });
  });
});

/** Each test in the block starts its own adapter: stop it after. */
function afterEachStop(): void {
  afterEach(async () => {
    await current?.stop();
    current = undefined;
  });
}

let current: DebugClient | undefined;
