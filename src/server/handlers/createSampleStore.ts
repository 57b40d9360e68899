import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateStore } from '../../engine/generate/generateStore';
import type { CreateSampleStoreParams, CreateSampleStoreResult } from '../../shared/protocol';
import { DEFAULT_STORE_PATH } from '../../shared/settings';
import type { ServerContext } from '../serverContext';

const DEFAULT_SAMPLE_EVENTS = 5000;
const MAX_SAMPLE_EVENTS = 200_000;
const SAMPLE_DAYS = 3;
const DAY_MS = 86_400_000;

/**
 * The welcome view's "Create a sample store": the engine's generator (with
 * faults of every kind, so diagnostics and drift have something to show)
 * writes `<folder>/event_store`, then the store is opened like any other.
 * The days end yesterday (UTC) so the views' relative times read naturally.
 */
export async function createSampleStore(ctx: ServerContext, params: CreateSampleStoreParams, now = Date.now()): Promise<CreateSampleStoreResult> {
  const folder = params?.folder;
  if (typeof folder !== 'string' || !path.isAbsolute(folder)) throw new Error(`createSampleStore: expected the absolute path of a workspace folder, got ${JSON.stringify(folder)}`);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new Error(`${folder}: not a folder`);
  const events = params.events ?? DEFAULT_SAMPLE_EVENTS;
  if (!Number.isInteger(events) || events < 1 || events > MAX_SAMPLE_EVENTS) throw new Error(`events must be a whole number from 1 to ${MAX_SAMPLE_EVENTS}, got ${String(events)}`);
  const storeRoot = path.join(folder, DEFAULT_STORE_PATH);
  const startDay = new Date(now - SAMPLE_DAYS * DAY_MS).toISOString().slice(0, 10);
  const summary = await generateStore({ events, outDir: storeRoot, days: SAMPLE_DAYS, startDay, withErrors: true, seed: 'sample' });
  const session = ctx.sessionFor(storeRoot);
  await session.ready;
  return { storeRoot, events: summary.events, files: summary.files };
}
