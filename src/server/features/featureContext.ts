import type { EventBusConfig } from '../../engine/config/busConfig';
import type { SchemaRegistry } from '../../engine/schema/schemaRegistry';
import type { StoreEngine } from '../../engine/storeEngineTypes';

/**
 * Everything a language feature needs to know about the store a document
 * belongs to. The server builds one per store; the features never see the
 * connection, so they can be tested against a real store without a client.
 */
export interface FeatureContext {
  readonly engine: StoreEngine;
  readonly registry: SchemaRegistry;
  /** Absolute path of the store folder (`event_store/`). */
  readonly storeRoot: string;
  /** The document URI of a store-relative file (`events/events_2024-01-15.jsonl`). */
  uriOf(file: string): string;
  readonly config: EventBusConfig;
}
