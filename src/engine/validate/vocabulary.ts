import type { EventBusConfig } from '../config/busConfig';

/** Names a store declares as its own, besides the guide's: not "unknown" (EB011, EB020). */
export interface StoreVocabulary {
  readonly knownEventTypes?: ReadonlySet<string>;
  readonly knownStatuses?: ReadonlySet<string>;
}

/** The vocabulary of `event_types` / `statuses` in eventbus.config.json (schema folders add types on their own). */
export function vocabularyOf(config: Pick<EventBusConfig, 'event_types' | 'statuses'>): StoreVocabulary {
  return {
    ...(config.event_types && config.event_types.length > 0 ? { knownEventTypes: new Set(config.event_types) } : {}),
    ...(config.statuses && config.statuses.length > 0 ? { knownStatuses: new Set(config.statuses) } : {}),
  };
}
