import type { Location, Position } from 'vscode-languageserver-protocol';
import { locationOfOrdinal, ordinalOfEventId } from './eventLocations';
import { tokenAt } from './eventLineTokens';
import type { FeatureContext } from './featureContext';

/**
 * Go to definition on an id value: causation_id -> the causing event's line
 * (in whichever file of the store it is), correlation_id -> the first event
 * of the correlation, aggregate_id -> the aggregate's first event. Null when
 * the id names nothing in the store.
 */
export function definition(ctx: FeatureContext, lineText: string, position: Position): Location | null {
  const token = tokenAt(lineText, position.character);
  if (typeof token.value !== 'string' || !token.range) return null;
  const index = ctx.engine.index;
  let ordinal: number | undefined;
  switch (token.field) {
    case 'causation_id':
      ordinal = ordinalOfEventId(ctx, token.value);
      break;
    case 'correlation_id':
      ordinal = index.ordinalsOfCorrelation(token.value)[0];
      break;
    case 'aggregate_id':
      ordinal = index.ordinalsOfAggregate(token.value)[0];
      break;
    default:
      return null;
  }
  return ordinal === undefined ? null : locationOfOrdinal(ctx, ordinal);
}
