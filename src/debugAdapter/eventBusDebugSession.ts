import { DebugSession, Event as DapEvent, InitializedEvent, OutputEvent, StoppedEvent, TerminatedEvent } from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { DEBUG_FOLD_STEP_EVENT, DEBUG_POSITION_EVENT, type DebugPosition } from '../shared/debugPosition';
import type { ProjectionFold } from './projectionFold';
import { expressionValue, parseExpression, QueryError, DEBUG_QUERY_NAMES, QUERY_FUNCTIONS } from '../engine/query';
import { Breakpoints, dataIdOf, EXCEPTION_FILTERS, type Hit, type PassingEvent } from './breakpoints';
import { pathText } from './statePaths';
import { EventSources } from './eventSources';
import { LaunchArgumentsError, readLaunchArguments, type ReplayLaunchArguments } from './launchArguments';
import { ReplaySession, type Cursor } from './replaySession';
import { formatValue, VariableHandles } from './variables';

/** The replay is one thread: the session's walk through its events. */
const THREAD_ID = 1;
/** The Step Into target that enters the fold (caused events are their ordinal + 1). */
const FOLD_TARGET = 0;
/** A running replay lets requests (pause, disconnect) through this often. */
const YIELD_EVERY = 2000;

type Direction = 1 | -1;

/**
 * The `eventbus` debug adapter: a replay as a debug session. Stepping is
 * events (Step Over: the session's next event; Step Into: the next event
 * this one caused; Step Out: the cause's next effect; Step Back / Reverse
 * Continue: backwards, with the state restored exactly); the Call Stack is
 * the causation chain; Variables are the event and its aggregate's state
 * before, after and the changes; breakpoints are events. Runs over stdio
 * (dist/debugAdapter.js) or inline in the extension.
 */
export class EventBusDebugSession extends DebugSession {
  private replay?: ReplaySession;
  private args?: ReplayLaunchArguments;
  private sources?: EventSources;
  private cursor?: Cursor;
  private readonly handles = new VariableHandles();
  private readonly breakpoints = new Breakpoints((text, ordinal) => this.logLine(text, ordinal));
  private frames: number[] = [];
  private running = false;
  private pauseRequested = false;
  private configured?: () => void;
  private readonly configurationDone = new Promise<void>((resolve) => (this.configured = resolve));
  private stopWatching?: () => Promise<void>;
  /** Attach mode at the end of the events: waiting for appends, then going on in this direction. */
  private waitingForAppends = false;

  constructor() {
    super();
    this.setDebuggerLinesStartAt1(true);
    this.setDebuggerColumnsStartAt1(true);
  }

  protected override initializeRequest(response: DebugProtocol.InitializeResponse): void {
    response.body = {
      supportsConfigurationDoneRequest: true,
      supportsStepBack: true,
      supportsConditionalBreakpoints: true,
      supportsHitConditionalBreakpoints: true,
      supportsLogPoints: true,
      supportsFunctionBreakpoints: true,
      supportsDataBreakpoints: true,
      supportsEvaluateForHovers: true,
      supportsCompletionsRequest: true,
      completionTriggerCharacters: ['.', '['],
      supportsRestartFrame: true,
      supportsStepInTargetsRequest: true,
      supportsExceptionInfoRequest: true,
      supportsTerminateRequest: true,
      supportsDelayedStackTraceLoading: false,
      exceptionBreakpointFilters: [...EXCEPTION_FILTERS],
    };
    this.sendResponse(response);
  }

  protected override configurationDoneRequest(response: DebugProtocol.ConfigurationDoneResponse): void {
    this.sendResponse(response);
    this.configured?.();
  }

  protected override launchRequest(response: DebugProtocol.LaunchResponse, args: DebugProtocol.LaunchRequestArguments): void {
    void this.begin(response, args as unknown as Record<string, unknown>, 'launch');
  }

  protected override attachRequest(response: DebugProtocol.AttachResponse, args: DebugProtocol.AttachRequestArguments): void {
    void this.begin(response, args as unknown as Record<string, unknown>, 'attach');
  }

  private async begin(response: DebugProtocol.Response, raw: Record<string, unknown>, request: 'launch' | 'attach'): Promise<void> {
    try {
      this.args = readLaunchArguments(raw, request);
      this.replay = await ReplaySession.open(this.args);
      this.sources = new EventSources(this.replay.storeRoot, this.replay.engine.index, this.args.gzipSources);
    } catch (error) {
      const message = error instanceof LaunchArgumentsError ? error.message : `cannot start the replay: ${(error as Error).message}`;
      this.sendErrorResponse(response, { id: 1001, format: message, showUser: true });
      return;
    }
    // Breakpoints need the store (a line is an event of its index): ask for them only now it is open.
    this.sendEvent(new InitializedEvent());
    await this.configurationDone;
    this.sendResponse(response);
    const replay = this.replay;
    const events = replay.plan.events();
    this.output(`Replaying ${replay.plan.label}: ${events.length} event(s) in ${replay.storeRoot}\n`);
    if (replay.projection) {
      this.output(
        replay.projection.blocked === undefined
          ? `The store's fold is the projection "${replay.projection.name}": states come from its sandboxed runs; Step Into opens its apply() in a Node debug session.\n`
          : `Not running the projection: ${replay.projection.blocked}.\n`,
      );
    }
    if (this.args.follow) this.follow();
    if (events.length === 0) {
      this.waitingForAppends = true;
      this.output('Waiting for events to be appended…\n');
      return;
    }
    const start = Math.min(replay.plan.start, events.length - 1);
    this.cursor = replay.cursorAtPosition(start);
    if (this.args.stopOnEntry) this.stopAt('entry');
    else {
      // The first event counts too: a breakpoint on it stops there.
      const hit = await this.check(start);
      if (hit) this.stopOnHit(hit);
      else await this.run(1);
    }
  }

  /** Attach mode: re-read the store as it is written and go on when the session was waiting at its end. */
  private follow(): void {
    const replay = this.replay as ReplaySession;
    this.stopWatching = replay.engine.watch((delta) => {
      if (delta.rebuiltFiles.length > 0 || delta.removedFiles.length > 0) {
        replay.cache.clear();
        replay.states.clear();
      }
      const added = replay.plan.refresh();
      if (added <= 0) return;
      const aggregateId = this.args?.aggregateId;
      if (aggregateId !== undefined) replay.states.refreshOrdinals(aggregateId);
      else replay.states.clear();
      this.output(`${added} new event(s) appended\n`);
      if (this.waitingForAppends) {
        this.waitingForAppends = false;
        if (!this.cursor) this.cursor = replay.cursorAtPosition(0);
        void this.run(1, this.cursor.position < 0 && replay.plan.events().length > 0 && this.cursor.anchor < 0 ? 0 : undefined);
      }
    });
  }

  // ---- breakpoints ----

  protected override setBreakPointsRequest(response: DebugProtocol.SetBreakpointsResponse, args: DebugProtocol.SetBreakpointsArguments): void {
    const replay = this.replay;
    const sources = this.sources;
    if (!replay || !sources) {
      response.body = { breakpoints: (args.breakpoints ?? []).map((bp) => ({ verified: false, line: bp.line, message: 'the store is not open yet' })) };
      this.sendResponse(response);
      return;
    }
    const found = sources.storeFileOf(args.source);
    if ('problem' in found) {
      response.body = { breakpoints: (args.breakpoints ?? []).map((bp) => ({ verified: false, line: bp.line, message: found.problem })) };
      this.sendResponse(response);
      return;
    }
    const breakpoints = this.breakpoints.setLines(
      found.file,
      args.breakpoints ?? [],
      (line) => sources.ordinalAt(found.file, line),
      (ordinal) => (replay.plan.events().positionOf(ordinal) >= 0 ? undefined : `this event is not part of the session (${replay.plan.label}): it stops only when Step Into reaches it`),
    );
    response.body = { breakpoints: breakpoints.map((bp) => ({ ...bp, source: args.source })) };
    this.sendResponse(response);
  }

  protected override setFunctionBreakPointsRequest(response: DebugProtocol.SetFunctionBreakpointsResponse, args: DebugProtocol.SetFunctionBreakpointsArguments): void {
    response.body = { breakpoints: this.breakpoints.setFunctions(args.breakpoints) };
    this.sendResponse(response);
  }

  protected override setExceptionBreakPointsRequest(response: DebugProtocol.SetExceptionBreakpointsResponse, args: DebugProtocol.SetExceptionBreakpointsArguments): void {
    response.body = { breakpoints: this.breakpoints.setExceptions(args.filters) };
    this.sendResponse(response);
  }

  protected override dataBreakpointInfoRequest(response: DebugProtocol.DataBreakpointInfoResponse, args: DebugProtocol.DataBreakpointInfoArguments): void {
    const container = args.variablesReference !== undefined ? this.handles.get(args.variablesReference) : undefined;
    if (container?.kind === 'value' && container.state) {
      const key: string | number = Array.isArray(container.value) ? Number(args.name.replace(/^\[|\]$/g, '')) : args.name;
      const fieldPath = [...container.state.path, key];
      const description = `state${pathText(fieldPath)} of ${container.state.aggregateId}`;
      response.body = { dataId: dataIdOf(container.state.aggregateId, fieldPath), description, accessTypes: ['write'], canPersist: true };
    } else if (args.variablesReference === undefined || args.variablesReference === 0) {
      // An expression (Watch): `state.positions.BTCUSDT` watches that field of whichever aggregate an event changes.
      const match = /^state((?:\.[A-Za-z_$][\w$]*|\[\d+\]|\["[^"]*"\])+)$/.exec(args.name.trim());
      const fieldPath = match ? [...match[1].matchAll(/\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\["([^"]*)"\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : (m[1] ?? m[3]))) : undefined;
      response.body = fieldPath
        ? { dataId: dataIdOf(undefined, fieldPath), description: `state${pathText(fieldPath)}`, accessTypes: ['write'], canPersist: true }
        : { dataId: null, description: `${args.name}: only fields of an aggregate's state can be watched (e.g. state.positions.BTCUSDT)` };
    } else {
      response.body = { dataId: null, description: 'only fields of an aggregate\'s state (the "State after" and aggregate scopes) can be watched' };
    }
    this.sendResponse(response);
  }

  protected override setDataBreakpointsRequest(response: DebugProtocol.SetDataBreakpointsResponse, args: DebugProtocol.SetDataBreakpointsArguments): void {
    response.body = { breakpoints: this.breakpoints.setData(args.breakpoints) };
    this.sendResponse(response);
  }

  // ---- execution ----

  protected override threadsRequest(response: DebugProtocol.ThreadsResponse): void {
    response.body = { threads: [{ id: THREAD_ID, name: this.replay ? `replay of ${this.replay.plan.label}` : 'replay' }] };
    this.sendResponse(response);
  }

  protected override continueRequest(response: DebugProtocol.ContinueResponse): void {
    response.body = { allThreadsContinued: true };
    this.sendResponse(response);
    void this.run(1);
  }

  protected override reverseContinueRequest(response: DebugProtocol.ReverseContinueResponse): void {
    this.sendResponse(response);
    void this.run(-1);
  }

  protected override nextRequest(response: DebugProtocol.NextResponse): void {
    this.sendResponse(response);
    this.stepTo(this.nextPosition(1));
  }

  protected override stepBackRequest(response: DebugProtocol.StepBackResponse): void {
    this.sendResponse(response);
    const cursor = this.cursor;
    // Back from an event Step Into reached: to the session event it was reached from.
    if (cursor && cursor.position < 0) this.moveTo(this.requireReplay().cursorAtPosition(cursor.anchor), 'step');
    else this.stepTo(this.nextPosition(-1));
  }

  /** Step Into Target: the fold (a projection store's apply) and each event this one caused. */
  protected override stepInTargetsRequest(response: DebugProtocol.StepInTargetsResponse): void {
    const replay = this.requireReplay();
    const cursor = this.cursor;
    const targets: DebugProtocol.StepInTarget[] = [];
    if (cursor && replay.projection?.loaded && replay.indexed(cursor.ordinal).aggregateId !== null) targets.push({ id: FOLD_TARGET, label: `the fold: ${replay.projection.name}.apply(state, event)` });
    for (const effect of cursor ? replay.effectsOf(cursor.ordinal) : []) {
      const indexed = replay.indexed(effect);
      targets.push({ id: effect + 1, label: `caused: ${indexed.eventType} #${Number.isNaN(indexed.sequenceNumber) ? '?' : indexed.sequenceNumber}${indexed.aggregateId !== null ? ` · ${indexed.aggregateId}` : ''}` });
    }
    response.body = { targets };
    this.sendResponse(response);
  }

  protected override stepInRequest(response: DebugProtocol.StepInResponse, args: DebugProtocol.StepInArguments): void {
    this.sendResponse(response);
    const replay = this.requireReplay();
    const cursor = this.cursor;
    if (!cursor) return;
    // A projection store: Step Into enters the fold (when it may run), else says why and follows causation.
    if (replay.projection && (args.targetId === undefined || args.targetId === FOLD_TARGET)) {
      if (replay.projection.blocked === undefined && replay.indexed(cursor.ordinal).aggregateId !== null) {
        void this.stepIntoFold(cursor);
        return;
      }
      this.output(`Step Into the fold: ${replay.projection.blocked ?? 'this event has no aggregate, so no fold'}. Stepping into the event it caused instead.\n`);
    }
    if (args.targetId !== undefined && args.targetId !== FOLD_TARGET) {
      this.moveTo(replay.cursorAt(args.targetId - 1, cursor.anchor), 'step');
      return;
    }
    const effect = replay.effectsOf(cursor.ordinal)[0];
    if (effect === undefined) {
      this.output('No event was caused by this one: stepped over.\n');
      this.stepTo(this.nextPosition(1));
      return;
    }
    this.moveTo(replay.cursorAt(effect, cursor.anchor), 'step');
  }

  /**
   * Asks the client (the extension: DEBUG_FOLD_STEP_EVENT) to start a child
   * Node debug session on one apply() of the store's projection, with this
   * event and the state before it; the replay stays on the event.
   */
  private async stepIntoFold(cursor: Cursor): Promise<void> {
    const replay = this.requireReplay();
    const projection = replay.projection as ProjectionFold;
    try {
      const event = await replay.event(cursor.ordinal);
      const pair = await replay.statesAround(cursor.ordinal);
      const indexed = replay.indexed(cursor.ordinal);
      const request = projection.prepareStep(pair?.before, event, `${indexed.eventType} #${indexed.sequenceNumber}`);
      if (request) {
        this.output(`Stepping into ${projection.name}.apply(state, event) for ${indexed.eventType} #${indexed.sequenceNumber} in a Node debug session (Step Into at its \`debugger\` line enters apply).\n`);
        this.sendEvent(new DapEvent(DEBUG_FOLD_STEP_EVENT, request));
      }
    } catch (error) {
      this.output(`Step Into the fold failed: ${(error as Error).message}\n`, 'stderr');
    }
    this.stopAt('step');
  }

  protected override stepOutRequest(response: DebugProtocol.StepOutResponse): void {
    this.sendResponse(response);
    const replay = this.requireReplay();
    const cursor = this.cursor;
    if (!cursor) return;
    const cause = replay.causeOf(cursor.ordinal);
    const sibling = cause === undefined ? undefined : replay.effectsOf(cause).find((o) => o > cursor.ordinal);
    if (sibling === undefined) {
      this.output(cause === undefined ? 'This event has no cause in the store: stepped over.\n' : "No later event of this event's cause: stepped over.\n");
      this.stepTo(this.nextPosition(1));
      return;
    }
    this.moveTo(replay.cursorAt(sibling, cursor.anchor), 'step');
  }

  /**
   * Restart Frame: resume at that frame's event with its aggregate's state
   * rebuilt afresh, from the nearest snapshot at or before it plus the
   * events (every state cached for the aggregate is dropped).
   */
  protected override restartFrameRequest(response: DebugProtocol.RestartFrameResponse, args: DebugProtocol.RestartFrameArguments): void {
    const ordinal = this.frames[args.frameId - 1];
    const cursor = this.cursor;
    if (ordinal === undefined || !cursor) {
      this.sendErrorResponse(response, { id: 1003, format: `no frame ${args.frameId} in the Call Stack`, showUser: false });
      return;
    }
    this.sendResponse(response);
    void (async () => {
      const replay = this.requireReplay();
      const indexed = replay.indexed(ordinal);
      const name = `${indexed.eventType} #${Number.isNaN(indexed.sequenceNumber) ? '?' : indexed.sequenceNumber}`;
      if (replay.projection) this.output(`Restarted at ${name}: a projection's state is rebuilt by running it over the aggregate's events.\n`);
      else if (indexed.aggregateId !== null) {
        try {
          const from = await replay.states.restartAt(indexed.aggregateId, replay.states.positionOf(indexed.aggregateId, ordinal));
          this.output(
            from === undefined
              ? `Restarted at ${name}: state folded from ${indexed.aggregateId}'s first event.\n`
              : `Restarted at ${name}: state rebuilt from ${from.fromSnapshot ? `the snapshot ${from.fromSnapshot.file} (sequence ${from.fromSnapshot.sequence_number})` : 'no snapshot (none at or before it)'} plus ${from.eventsApplied} event(s).\n`,
          );
        } catch (error) {
          this.output(`Restart at ${name} could not rebuild the state: ${(error as Error).message}\n`, 'stderr');
        }
      }
      this.moveTo(replay.cursorAt(ordinal, cursor.anchor), 'restart');
    })();
  }

  protected override pauseRequest(response: DebugProtocol.PauseResponse): void {
    this.sendResponse(response);
    if (this.running) this.pauseRequested = true;
    else if (this.waitingForAppends && this.cursor) {
      this.waitingForAppends = false;
      this.stopAt('pause');
    }
  }

  /** The session position one event on (or back) from the cursor; undefined past either end. */
  private nextPosition(direction: Direction): number | undefined {
    const cursor = this.cursor;
    if (!cursor) return undefined;
    const from = cursor.position >= 0 ? cursor.position : cursor.anchor;
    const next = from + direction;
    return next >= 0 && next < this.requireReplay().plan.events().length ? next : undefined;
  }

  private stepTo(position: number | undefined): void {
    if (position === undefined) {
      this.atEnd(this.cursor && this.nextPosition(-1) === undefined && this.cursor.position <= 0 ? 'start' : 'end');
      return;
    }
    this.moveTo(this.requireReplay().cursorAtPosition(position), 'step');
  }

  private moveTo(cursor: Cursor, reason: string): void {
    this.cursor = cursor;
    this.stopAt(reason);
  }

  /** Past the first or last event: stay on it and say so; in attach mode, wait for appends at the end. */
  private atEnd(which: 'start' | 'end'): void {
    if (which === 'end' && this.args?.follow) {
      this.waitingForAppends = true;
      this.output('At the last event: waiting for events to be appended (Pause to stop waiting).\n');
      return;
    }
    this.output(which === 'start' ? 'At the first event of the replay.\n' : 'At the last event of the replay: Step Back or Reverse Continue to go back, Stop to end.\n');
    this.stopAt(which === 'start' ? 'entry' : 'step', which === 'start' ? 'Start of the replay' : 'End of the replay');
  }

  /** Runs forward or back from the cursor to the next event a breakpoint stops on, or to an end. */
  private async run(direction: Direction, from?: number): Promise<void> {
    const replay = this.requireReplay();
    if (!this.cursor && from === undefined) return;
    this.running = true;
    this.pauseRequested = false;
    try {
      const events = replay.plan.events();
      let position = from ?? (this.cursor as Cursor).anchor + (this.cursor && this.cursor.position < 0 && direction < 0 ? 0 : direction);
      for (let n = 0; position >= 0 && position < events.length; position += direction, n++) {
        if (n > 0 && n % YIELD_EVERY === 0) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          if (this.pauseRequested) {
            this.cursor = replay.cursorAtPosition(position);
            this.stopAt('pause');
            return;
          }
        }
        const hit = await this.check(position);
        if (hit) {
          this.cursor = replay.cursorAtPosition(position);
          this.stopOnHit(hit);
          return;
        }
      }
      const last = direction > 0 ? events.length - 1 : 0;
      if (last >= 0) this.cursor = replay.cursorAtPosition(last);
      this.atEnd(direction > 0 ? 'end' : 'start');
    } catch (error) {
      this.output(`The replay stopped: ${(error as Error).message}\n`, 'stderr');
      if (this.cursor) this.stopAt('exception', (error as Error).message);
    } finally {
      this.running = false;
    }
  }

  private async check(position: number): Promise<Hit | null> {
    if (this.breakpoints.isEmpty()) return null;
    const replay = this.requireReplay();
    const ordinal = replay.plan.events().at(position);
    const passing: PassingEvent = {
      ordinal,
      indexed: replay.indexed(ordinal),
      event: async () => {
        try {
          return await replay.event(ordinal);
        } catch {
          return undefined;
        }
      },
      states: () => replay.statesAround(ordinal),
      schemaProblems: () => replay.schemaProblems(ordinal),
      integrityProblems: () => replay.integrityProblems(ordinal),
    };
    return this.breakpoints.check(passing);
  }

  private stopOnHit(hit: Hit): void {
    this.lastException = hit.reason === 'exception' ? hit.text : undefined;
    const event = new StoppedEvent(hit.reason, THREAD_ID, hit.text) as DebugProtocol.StoppedEvent;
    event.body.hitBreakpointIds = hit.ids;
    if (hit.text !== undefined) event.body.description = hit.text;
    this.handles.clear();
    this.sendEvent(event);
    this.sendPosition();
  }

  private lastException?: string;

  private stopAt(reason: string, description?: string): void {
    this.lastException = reason === 'exception' ? description : undefined;
    this.handles.clear();
    const event = new StoppedEvent(reason, THREAD_ID) as DebugProtocol.StoppedEvent;
    if (description !== undefined) event.body.description = description;
    this.sendEvent(event);
    this.sendPosition();
  }

  /** After a stop: where the replay stands, for the timeline and the inspector to follow (DEBUG_POSITION_EVENT). */
  private sendPosition(): void {
    const replay = this.replay;
    if (!replay || !this.cursor) return;
    const indexed = replay.indexed(this.cursor.ordinal);
    const position: DebugPosition = {
      store: replay.storeRoot,
      eventId: indexed.eventId,
      eventType: indexed.eventType,
      aggregateId: indexed.aggregateId,
      sequence: Number.isSafeInteger(indexed.sequenceNumber) ? indexed.sequenceNumber : null,
      timestampMs: Number.isFinite(indexed.timestampMs) ? indexed.timestampMs : null,
      correlationId: indexed.correlationId,
    };
    this.sendEvent(new DapEvent(DEBUG_POSITION_EVENT, position));
  }

  protected override exceptionInfoRequest(response: DebugProtocol.ExceptionInfoResponse): void {
    response.body = { exceptionId: 'event', description: this.lastException ?? 'no exception', breakMode: 'always' };
    this.sendResponse(response);
  }

  // ---- what the developer sees ----

  protected override stackTraceRequest(response: DebugProtocol.StackTraceResponse, args: DebugProtocol.StackTraceArguments): void {
    const replay = this.replay;
    const cursor = this.cursor;
    if (!replay || !cursor || !this.sources) {
      response.body = { stackFrames: [], totalFrames: 0 };
      this.sendResponse(response);
      return;
    }
    const chain = replay.causationChain(cursor.ordinal);
    this.frames = chain;
    const start = args.startFrame ?? 0;
    const end = args.levels ? Math.min(chain.length, start + args.levels) : chain.length;
    const stackFrames: DebugProtocol.StackFrame[] = [];
    for (let i = start; i < end; i++) {
      const indexed = replay.indexed(chain[i]);
      const sequence = Number.isNaN(indexed.sequenceNumber) ? '?' : String(indexed.sequenceNumber);
      stackFrames.push({
        id: i + 1,
        name: `${indexed.eventType} #${sequence}${indexed.aggregateId !== null ? ` · ${indexed.aggregateId}` : ''}`,
        source: this.sources.sourceOf(indexed.file),
        line: indexed.line,
        column: 1,
        ...(i > 0 ? { presentationHint: 'normal' as const } : {}),
      });
    }
    response.body = { stackFrames, totalFrames: chain.length };
    this.sendResponse(response);
  }

  protected override scopesRequest(response: DebugProtocol.ScopesResponse, args: DebugProtocol.ScopesArguments): void {
    void this.answer(response, async () => {
      const replay = this.requireReplay();
      const ordinal = this.frames[args.frameId - 1] ?? this.cursor?.ordinal;
      if (ordinal === undefined) return { scopes: [] };
      const event = await replay.event(ordinal);
      const pair = await replay.statesAround(ordinal);
      const aggregateId = event.metadata.aggregate_id ?? undefined;
      const scopes: DebugProtocol.Scope[] = [
        {
          name: 'Event',
          presentationHint: 'locals',
          expensive: false,
          variablesReference: this.handles.add({
            kind: 'scopes',
            variables: [
              this.handles.variable('event_type', event.event_type, 'event.event_type'),
              this.handles.variable('data', event.data, 'event.data'),
              this.handles.variable('metadata', event.metadata, 'event.metadata'),
            ],
          }),
        },
      ];
      if (pair && aggregateId !== undefined) {
        scopes.push(this.stateScope(`State before (${aggregateId})`, pair.before, 'prev', aggregateId, false));
        scopes.push(this.stateScope(`State after (${aggregateId})`, pair.after, 'state', aggregateId, true));
        scopes.push({ name: 'Changes', expensive: false, variablesReference: this.handles.add({ kind: 'changes', before: pair.before, after: pair.after }) });
      }
      if (this.args?.correlationId !== undefined && args.frameId === 1) scopes.push(...(await this.aggregateScopes(aggregateId)));
      return { scopes };
    });
  }

  private stateScope(name: string, state: unknown, root: 'state' | 'prev', aggregateId: string, watchable: boolean): DebugProtocol.Scope {
    const variable = this.handles.variable(root, state, root, watchable ? { aggregateId, path: [] } : undefined);
    const reference = variable.variablesReference || this.handles.add({ kind: 'scopes', variables: [variable] });
    return { name, expensive: false, variablesReference: reference, ...(variable.indexedVariables !== undefined ? { indexedVariables: variable.indexedVariables } : {}), ...(variable.namedVariables !== undefined ? { namedVariables: variable.namedVariables } : {}) };
  }

  /** A correlation session: every aggregate it has touched so far, each at its latest event up to here. */
  private async aggregateScopes(current: string | undefined): Promise<DebugProtocol.Scope[]> {
    const replay = this.requireReplay();
    const cursor = this.cursor as Cursor;
    const events = replay.plan.events();
    const latest = new Map<string, number>();
    for (let p = 0; p <= cursor.anchor && p < events.length; p++) {
      const aggregateId = replay.indexed(events.at(p)).aggregateId;
      if (aggregateId !== null) latest.set(aggregateId, events.at(p));
    }
    const scopes: DebugProtocol.Scope[] = [];
    for (const [aggregateId, ordinal] of latest) {
      if (aggregateId === current) continue;
      const pair = await replay.statesAround(ordinal);
      if (pair) scopes.push(this.stateScope(`Aggregate ${aggregateId}`, pair.after, 'state', aggregateId, true));
    }
    return scopes;
  }

  protected override variablesRequest(response: DebugProtocol.VariablesResponse, args: DebugProtocol.VariablesArguments): void {
    const container = this.handles.get(args.variablesReference);
    response.body = { variables: container ? this.handles.children(container, args) : [] };
    this.sendResponse(response);
  }

  protected override evaluateRequest(response: DebugProtocol.EvaluateResponse, args: DebugProtocol.EvaluateArguments): void {
    void this.answer(response, async () => {
      const replay = this.requireReplay();
      const ordinal = (args.frameId !== undefined ? this.frames[args.frameId - 1] : undefined) ?? this.cursor?.ordinal;
      if (ordinal === undefined) throw new Error('no event yet: the replay has not stopped');
      let tree;
      try {
        tree = parseExpression(args.expression, { debugRoots: true });
      } catch (error) {
        throw new Error(error instanceof QueryError ? error.message : String(error));
      }
      const pair = await replay.statesAround(ordinal);
      const value = expressionValue(tree, {
        indexed: replay.indexed(ordinal),
        event: await replay.event(ordinal),
        ...(pair ? { state: pair.after, prev: pair.before } : {}),
      });
      const variable = this.handles.variable(args.expression, value, args.expression);
      return { result: formatValue(value), variablesReference: variable.variablesReference, ...(variable.indexedVariables !== undefined ? { indexedVariables: variable.indexedVariables } : {}), type: variable.type };
    });
  }

  protected override completionsRequest(response: DebugProtocol.CompletionsResponse, args: DebugProtocol.CompletionsArguments): void {
    void this.answer(response, async () => {
      const replay = this.requireReplay();
      const ordinal = (args.frameId !== undefined ? this.frames[args.frameId - 1] : undefined) ?? this.cursor?.ordinal;
      const upTo = args.text.slice(0, Math.max(0, args.column - 1));
      // The path being typed: `state.positions.BT` → base `state.positions`, prefix `BT`.
      const match = /([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[\d+\])*)\.([\w$]*)$/.exec(upTo);
      if (match && ordinal !== undefined) {
        const pair = await replay.statesAround(ordinal);
        let base: unknown;
        try {
          base = expressionValue(parseExpression(match[1], { debugRoots: true }), {
            indexed: replay.indexed(ordinal),
            event: await replay.event(ordinal),
            ...(pair ? { state: pair.after, prev: pair.before } : {}),
          });
        } catch {
          base = undefined;
        }
        const keys = base !== null && typeof base === 'object' && !Array.isArray(base) ? Object.keys(base) : [];
        const prefix = match[2];
        return { targets: keys.filter((k) => k.startsWith(prefix)).slice(0, 500).map((k) => ({ label: k, type: 'property' as const, start: upTo.length - prefix.length, length: prefix.length })) };
      }
      const word = /[A-Za-z_$][\w$]*$/.exec(upTo)?.[0] ?? '';
      const names = [...DEBUG_QUERY_NAMES.map((n) => ({ label: n, type: 'variable' as const })), ...QUERY_FUNCTIONS.map((f) => ({ label: f, type: 'function' as const })), ...['and', 'or', 'not', 'contains', 'in'].map((k) => ({ label: k, type: 'keyword' as const }))];
      return { targets: names.filter((n) => n.label.startsWith(word)).map((n) => ({ ...n, start: upTo.length - word.length, length: word.length })) };
    });
  }

  protected override sourceRequest(response: DebugProtocol.SourceResponse, args: DebugProtocol.SourceArguments): void {
    void this.answer(response, async () => {
      const reference = args.source?.sourceReference ?? args.sourceReference;
      if (!this.sources) throw new Error('the store is not open');
      return { content: this.sources.textOf(reference), mimeType: 'application/jsonl' };
    });
  }

  // ---- ending ----

  protected override disconnectRequest(response: DebugProtocol.DisconnectResponse): void {
    void this.closeReplay().then(() => {
      this.sendResponse(response);
      // Over stdio this ends the process; inline it does nothing.
      this.shutdown();
    });
  }

  protected override terminateRequest(response: DebugProtocol.TerminateResponse): void {
    this.sendResponse(response);
    void this.closeReplay().then(() => this.sendEvent(new TerminatedEvent()));
  }

  private async closeReplay(): Promise<void> {
    this.pauseRequested = true;
    const replay = this.replay;
    this.replay = undefined;
    await this.stopWatching?.();
    await replay?.close();
  }

  // ---- helpers ----

  private requireReplay(): ReplaySession {
    if (!this.replay) throw new Error('the replay has not started');
    return this.replay;
  }

  /** Sends a response with the body `work` gives, or an error response with its message. */
  private async answer<R extends DebugProtocol.Response>(response: R, work: () => Promise<R['body']>): Promise<void> {
    try {
      response.body = await work();
      this.sendResponse(response);
    } catch (error) {
      this.sendErrorResponse(response, { id: 1002, format: (error as Error).message.replace(/[{}]/g, ''), showUser: false });
    }
  }

  private output(text: string, category: 'console' | 'stdout' | 'stderr' = 'console'): void {
    this.sendEvent(new OutputEvent(text, category));
  }

  /** A logpoint's message, with the event's line as its place. */
  private logLine(text: string, ordinal: number): void {
    const replay = this.replay;
    const event = new OutputEvent(`${text}\n`, 'stdout') as DebugProtocol.OutputEvent;
    if (replay && this.sources) {
      const indexed = replay.indexed(ordinal);
      event.body.source = this.sources.sourceOf(indexed.file);
      event.body.line = indexed.line;
    }
    this.sendEvent(event);
  }
}
