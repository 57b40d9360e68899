import { DEFAULT_CONFIG, type EventBusConfig } from '../config/busConfig';

/** The guide's `event_bus` block as the bus reads it (one definition, in src/engine/config). */
export type BusConfig = EventBusConfig;

export const DEFAULT_BUS_CONFIG: BusConfig = DEFAULT_CONFIG;

/**
 * The defaults overlaid with what was given (undefined values keep the
 * default). The config loader validates a user's file; a bus built in code
 * only needs the keys it was not given filled in.
 */
export function resolveBusConfig(given: Partial<BusConfig> = {}): BusConfig {
  const merged: Record<string, unknown> = { ...DEFAULT_BUS_CONFIG };
  for (const [key, value] of Object.entries(given)) if (value !== undefined) merged[key] = value;
  return Object.freeze(merged as unknown as BusConfig);
}
