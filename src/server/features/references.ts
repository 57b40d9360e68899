import type { Location, Position } from 'vscode-languageserver-protocol';
import { locationOfOrdinal } from './eventLocations';
import { tokenAt } from './eventLineTokens';
import type { FeatureContext } from './featureContext';

/** A references list longer than this is no help to anyone and costs the client dearly. */
export const REFERENCES_CAP = 5000;

export interface ReferencesOptions {
  /** For an event_id: include the event's own line besides its effects (LSP's includeDeclaration). Default true. */
  readonly includeDeclaration?: boolean;
  readonly cap?: number;
}

/**
 * Find references on an id value, in store order, at most `cap`:
 * correlation_id -> every event of the correlation; aggregate_id -> every
 * event of the aggregate; event_id / causation_id -> the event and every
 * event it directly caused.
 */
export function references(ctx: FeatureContext, lineText: string, position: Position, options: ReferencesOptions = {}): Location[] {
  const token = tokenAt(lineText, position.character);
  if (typeof token.value !== 'string' || !token.range) return [];
  const ordinals = referencedOrdinals(ctx, token.field, token.value, options.includeDeclaration ?? true);
  const cap = options.cap ?? REFERENCES_CAP;
  return [...ordinals]
    .sort((a, b) => a - b)
    .slice(0, cap)
    .map((o) => locationOfOrdinal(ctx, o));
}

function referencedOrdinals(ctx: FeatureContext, field: string | undefined, value: string, includeDeclaration: boolean): readonly number[] {
  const index = ctx.engine.index;
  switch (field) {
    case 'correlation_id':
      return index.ordinalsOfCorrelation(value);
    case 'aggregate_id':
      return index.ordinalsOfAggregate(value);
    case 'event_id':
    case 'causation_id': {
      const effects = index.ordinalsCausedBy(value);
      return includeDeclaration ? [...index.ordinalsOfEventId(value), ...effects] : effects;
    }
    default:
      return [];
  }
}
