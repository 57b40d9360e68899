import * as path from 'node:path';
import type { IndexedEvent } from '../engine/model/indexTypes';
import type { Event } from '../engine/model/event';
import { loadConfig } from '../engine/config/loadConfig';
import { openStore } from '../engine/openStore';
import { loadSchemaRegistry } from '../engine/schema/loadSchemaRegistry';
import type { SchemaRegistry } from '../engine/schema/schemaRegistry';
import { resolveStoreFold } from '../engine/state/fold/storeFold';
import type { StoreEngine } from '../engine/storeEngineTypes';
import { checkIntegrity } from '../engine/validate/integrityRules';
import { AggregateStates, type StatePair } from './aggregateStates';
import { EventCache } from './eventCache';
import type { ReplayLaunchArguments } from './launchArguments';
import { ProjectionFold } from './projectionFold';
import { planReplay, type ReplayPlan } from './replayPlan';

/** Where the replay stands: an event, and the session position it was reached from. */
export interface Cursor {
  readonly ordinal: number;
  /** The session position of the event; -1 when Step Into reached an event outside the session. */
  readonly position: number;
  /** The last session position passed (Step Over and Continue go on from here). */
  readonly anchor: number;
}

/** Causation chains are cut here (a cycle or a runaway chain must not hang the Call Stack). */
const MAX_CHAIN = 64;

/**
 * The replay behind a debug session, without DAP: the store opened through
 * the engine, the events of the session (plan), the state of every
 * aggregate at every event (AggregateStates), and the causation links the
 * index keeps. The DAP session drives it; tests and other front ends could too.
 */
export class ReplaySession {
  readonly cache: EventCache;
  readonly states: AggregateStates;
  private integrity?: Map<number, string>;

  private constructor(
    readonly engine: StoreEngine,
    readonly registry: SchemaRegistry,
    readonly plan: ReplayPlan,
    /** The store's fold when it is a projection module (its states come from it, when it may run). */
    readonly projection?: ProjectionFold,
  ) {
    this.cache = new EventCache(engine);
    this.states = new AggregateStates(engine.storage, engine.index, this.cache);
  }

  static async open(args: ReplayLaunchArguments): Promise<ReplaySession> {
    const storeRoot = path.resolve(args.store);
    // The store's config sits in its workspace folder, beside the store (as `eventbus` reads it from there).
    const { config } = await loadConfig(path.dirname(storeRoot));
    const registry = await loadSchemaRegistry(storeRoot);
    const engine = await openStore(storeRoot, { fold: args.fold ?? config.fold, upcast: (event: Event) => registry.upcast(event) });
    try {
      const fold = await resolveStoreFold(engine.storage);
      const projection = fold.mode === 'projection' ? await ProjectionFold.open(engine.storage, storeRoot, fold.projection ?? '', args.allowProjections) : undefined;
      const plan = planReplay(engine.index, args);
      if (plan.events().length === 0 && !args.follow) throw new Error(`no events to replay for ${plan.label} in ${storeRoot}`);
      return new ReplaySession(engine, registry, plan, projection);
    } catch (error) {
      await engine.close();
      throw error;
    }
  }

  get storeRoot(): string {
    return this.engine.root;
  }

  indexed(ordinal: number): IndexedEvent {
    return this.engine.index.event(ordinal);
  }

  async event(ordinal: number): Promise<Event> {
    return this.cache.read(ordinal);
  }

  /** The state of the event's aggregate before and after it; undefined for an event without an aggregate. */
  async statesAround(ordinal: number): Promise<StatePair | undefined> {
    const aggregateId = this.indexed(ordinal).aggregateId;
    if (aggregateId === null) return undefined;
    const position = this.states.positionOf(aggregateId, ordinal);
    if (position < 0) return undefined;
    if (this.projection) {
      const previous = position > 0 ? this.engine.index.sequenceOf(this.states.ordinalsOf(aggregateId)[position - 1]) : undefined;
      return this.projection.around(aggregateId, this.indexed(ordinal).sequenceNumber, previous);
    }
    return this.states.around(aggregateId, position);
  }

  /** The event that caused this one (first holder of the causation id), if the store has it. */
  causeOf(ordinal: number): number | undefined {
    const causation = this.indexed(ordinal).causationId;
    if (causation === null) return undefined;
    return this.engine.index.ordinalsOfEventId(causation)[0];
  }

  /** The event and its causes, nearest first, stopping at a cycle or MAX_CHAIN. */
  causationChain(ordinal: number): number[] {
    const chain = [ordinal];
    const seen = new Set(chain);
    for (let cause = this.causeOf(ordinal); cause !== undefined && !seen.has(cause) && chain.length < MAX_CHAIN; cause = this.causeOf(cause)) {
      chain.push(cause);
      seen.add(cause);
    }
    return chain;
  }

  /** The effects of an event (the events whose causation_id is its id), in store order. */
  effectsOf(ordinal: number): number[] {
    return [...this.engine.index.ordinalsCausedBy(this.indexed(ordinal).eventId)].sort((a, b) => a - b);
  }

  /** A cursor on an ordinal, at its session position when the session holds it. */
  cursorAt(ordinal: number, anchor: number): Cursor {
    const position = this.plan.events().positionOf(ordinal);
    return { ordinal, position, anchor: position >= 0 ? position : anchor };
  }

  cursorAtPosition(position: number): Cursor {
    return { ordinal: this.plan.events().at(position), position, anchor: position };
  }

  /** What `eventbus validate` says of this event's envelope across the store (EB013–EB018), computed once. */
  integrityProblems(ordinal: number): string | undefined {
    if (!this.integrity) {
      this.integrity = new Map();
      for (const issue of checkIntegrity(this.engine.index)) {
        const previous = this.integrity.get(issue.ordinal);
        this.integrity.set(issue.ordinal, `${previous !== undefined ? `${previous}; ` : ''}${issue.code} ${issue.message}`);
      }
    }
    return this.integrity.get(ordinal);
  }

  /** The event's schema violations as stored (before any upcast), or undefined when it is valid. */
  async schemaProblems(ordinal: number): Promise<string | undefined> {
    const indexed = this.indexed(ordinal);
    let data: unknown;
    try {
      data = (JSON.parse(await this.engine.readLine(ordinal)) as { data?: unknown }).data;
    } catch (error) {
      return `${indexed.file}:${indexed.line}: not JSON: ${(error as Error).message}`;
    }
    const violations = this.registry.validateData(indexed.eventType, indexed.schemaVersion, data);
    if (violations.length === 0) return undefined;
    return `${indexed.eventType} ${indexed.schemaVersion} schema: ${violations
      .slice(0, 3)
      .map((v) => `data${v.instancePath.replace(/\//g, '.')} ${v.message}`)
      .join('; ')}`;
  }

  async close(): Promise<void> {
    this.projection?.close();
    await this.engine.close();
  }
}
