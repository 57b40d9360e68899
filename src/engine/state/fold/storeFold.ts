import type { Event } from '../../model/event';
import { SYSTEM_AGGREGATE, type SnapshotRef } from '../../model/snapshotTypes';
import type { EventStorage } from '../../store/storage';
import { defaultReducer, META_KEY } from '../defaultReducer';
import { isPlainObject } from '../../model/safeMerge';
import type { Reducer, ReducerSet, StateObject } from '../stateTypes';
import { applyBookkeeping, candidateSources, type Bookkeeping } from './bookkeeping';
import { declarativeReducer, ignoreReducer } from './declarativeReducers';
import { foldSpecOf, type BookkeepingSource, type FoldMode, type FoldSetting, type FoldSpec } from '../../model/foldSetting';
import { shallowReducer } from './shallowReducer';

/** The fold a store uses, resolved from its config and its snapshots. */
export interface StoreFold {
  readonly mode: FoldMode;
  /** Reducers for every aggregate (and for `system`, except in `deep` mode, which keeps its summary). */
  readonly reducers: ReducerSet;
  /** The writer's bookkeeping keys (none in deep mode, which has `_meta`). */
  readonly bookkeeping: Bookkeeping;
  /** The projection's name (projection mode). */
  readonly projection?: string;
  /** How it was chosen, for people: "config", or what the snapshots showed. */
  readonly origin: string;
}

/** A reducer set that also sets the writer's bookkeeping keys after each event (and never `_meta`). */
class StoreReducerSet implements ReducerSet {
  constructor(
    private readonly byType: ReadonlyMap<string, Reducer>,
    readonly fallback: Reducer,
    private readonly bookkeeping: Bookkeeping,
  ) {}

  reducerFor(eventType: string): Reducer | undefined {
    return this.byType.get(eventType);
  }

  afterFold(state: StateObject, event: Event): void {
    applyBookkeeping(state, event, this.bookkeeping);
  }
}

const DEEP: StoreFold = { mode: 'deep', reducers: { reducerFor: () => undefined, fallback: defaultReducer }, bookkeeping: {}, origin: 'deep' };

/** The fold of a spec, with bookkeeping (when the spec has none) from detection. */
export function foldOfSpec(spec: FoldSpec, detectedBookkeeping: Bookkeeping, origin: string): StoreFold {
  if (spec.mode === 'deep') return { ...DEEP, origin };
  const bookkeeping = spec.bookkeeping ?? detectedBookkeeping;
  const byType = new Map<string, Reducer>();
  let fallback: Reducer = shallowReducer;
  if (spec.mode === 'reducers') {
    for (const [type, steps] of Object.entries(spec.reducers ?? {})) byType.set(type, declarativeReducer(steps));
    fallback = spec.fallback === 'deep' ? defaultReducer : spec.fallback === 'shallow' ? shallowReducer : ignoreReducer;
  }
  return {
    mode: spec.mode,
    reducers: new StoreReducerSet(byType, fallback, bookkeeping),
    bookkeeping,
    projection: spec.projection,
    origin,
  };
}

const cache = new WeakMap<EventStorage, Map<string, Promise<StoreFold>>>();

/**
 * The store's fold: as the config states it, or, for `auto`, what its
 * snapshots show: snapshots with `_meta` were written by this engine's deep
 * fold; snapshots without it by a writer like the Python bus, whose fold is
 * `dict.update` plus its own bookkeeping keys (detected below). A store
 * without snapshots gets the engine's deep fold. Resolved once per storage.
 */
export function resolveStoreFold(storage: EventStorage, setting: FoldSetting | undefined = storage.foldSetting): Promise<StoreFold> {
  const key = JSON.stringify(setting ?? 'auto');
  let bySetting = cache.get(storage);
  if (!bySetting) {
    bySetting = new Map();
    cache.set(storage, bySetting);
  }
  let found = bySetting.get(key);
  if (!found) {
    found = resolveNow(storage, setting);
    bySetting.set(key, found);
  }
  return found;
}

/** Forgets resolved folds (snapshots were written or removed behind the storage). */
export function forgetStoreFold(storage: EventStorage): void {
  cache.delete(storage);
}

async function resolveNow(storage: EventStorage, setting: FoldSetting | undefined): Promise<StoreFold> {
  const spec = foldSpecOf(setting);
  if (spec && (spec.mode === 'deep' || spec.bookkeeping !== undefined || spec.mode === 'projection')) return foldOfSpec(spec, {}, 'config');
  const evidence = await snapshotEvidence(storage);
  if (spec) return foldOfSpec(spec, evidence.bookkeeping, 'config');
  if (evidence.examined === 0) return { ...DEEP, origin: 'no snapshots: the engine\'s deep fold' };
  if (evidence.withMeta > 0) return { ...DEEP, origin: `${evidence.withMeta} snapshot(s) with ${META_KEY}: the engine's deep fold` };
  const keys = Object.keys(evidence.bookkeeping);
  return foldOfSpec({ mode: 'shallow' }, evidence.bookkeeping, `snapshots without ${META_KEY}: shallow (dict.update)${keys.length ? `, bookkeeping ${keys.join(', ')}` : ''}`);
}

interface SnapshotEvidence {
  readonly examined: number;
  readonly withMeta: number;
  readonly bookkeeping: Bookkeeping;
}

/** Snapshots looked at to detect the fold: enough to see each kind of key, few enough to stay quick. */
const MAX_EXAMINED = 12;
/** Events read per examined snapshot to prove a key never comes from data. */
const MAX_EVENTS_SCANNED = 20_000;

async function snapshotEvidence(storage: EventStorage): Promise<SnapshotEvidence> {
  const refs = [...(await storage.listSnapshots())];
  // The latest snapshots of aggregates first; `system` ones only when nothing else.
  const ordered = [
    ...refs.filter((r) => r.aggregate_id !== SYSTEM_AGGREGATE).sort((a, b) => b.sequence_number - a.sequence_number),
    ...refs.filter((r) => r.aggregate_id === SYSTEM_AGGREGATE),
  ].slice(0, MAX_EXAMINED);
  let examined = 0;
  let withMeta = 0;
  const agreed = new Map<string, Set<BookkeepingSource>>();
  const rejected = new Set<string>();
  for (const ref of ordered) {
    let state: unknown;
    try {
      state = (await storage.loadSnapshot(ref)).state;
    } catch {
      continue;
    }
    if (!isPlainObject(state)) continue;
    examined++;
    if (isPlainObject(state[META_KEY])) {
      withMeta++;
      continue;
    }
    if (ref.aggregate_id === SYSTEM_AGGREGATE) continue;
    const history = await aggregateHistory(storage, ref);
    if (!history.last) continue;
    for (const [key, value] of Object.entries(state)) {
      if (rejected.has(key)) continue;
      const candidates = history.dataKeys.has(key) ? [] : candidateSources(key, value, history.last);
      if (candidates.length === 0) {
        rejected.add(key);
        agreed.delete(key);
        continue;
      }
      const previous = agreed.get(key);
      agreed.set(key, new Set(previous ? candidates.filter((c) => previous.has(c)) : candidates));
    }
  }
  const bookkeeping: Record<string, BookkeepingSource> = {};
  for (const [key, sources] of agreed) {
    const [first] = sources;
    if (first !== undefined) bookkeeping[key] = first;
  }
  return { examined, withMeta, bookkeeping };
}

/** The last event folded into a snapshot, and every top-level data key its aggregate's events used. */
async function aggregateHistory(storage: EventStorage, ref: SnapshotRef): Promise<{ last?: Event; dataKeys: Set<string> }> {
  const dataKeys = new Set<string>();
  let last: Event | undefined;
  let scanned = 0;
  for await (const event of storage.query({ aggregateId: ref.aggregate_id, toSequenceNumber: ref.sequence_number })) {
    if (isPlainObject(event.data)) for (const key of Object.keys(event.data)) dataKeys.add(key);
    if (event.metadata.sequence_number === ref.sequence_number) last = event;
    if (++scanned >= MAX_EVENTS_SCANNED) break;
  }
  return { last, dataKeys };
}
