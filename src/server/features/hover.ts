import { type Hover, MarkupKind, type Position } from 'vscode-languageserver-protocol';
import { type LineToken, parseLine, stringAt, tokenAt, valueAt } from './eventLineTokens';
import type { FeatureContext } from './featureContext';
import { describeAggregateId, describeCausationId, describeCorrelationId, describeEventId } from './idHover';
import { rangeOnLine } from './lspRanges';
import { describeTimestamp } from './timestampHover';
import { describeEventType } from './typeHover';

/**
 * Hover on an event line's ids, event_type and timestamp. `lineText` is the
 * line under the cursor and `position` the cursor (its `line` only places
 * the returned range). Returns null anywhere else, including inside data.
 */
export async function hover(ctx: FeatureContext, lineText: string, position: Position): Promise<Hover | null> {
  const token = tokenAt(lineText, position.character);
  if (!token.field || !token.range) return null;
  const markdown = await markdownFor(ctx, token, lineText);
  if (markdown === undefined) return null;
  return { contents: { kind: MarkupKind.Markdown, value: markdown }, range: rangeOnLine(position.line, token.range) };
}

async function markdownFor(ctx: FeatureContext, token: LineToken, lineText: string): Promise<string | undefined> {
  const value = token.value;
  if (value === null) return nullNote(token);
  if (typeof value !== 'string') return undefined;
  switch (token.field) {
    case 'event_id':
      return describeEventId(ctx, value, 'This event');
    case 'causation_id':
      return describeCausationId(ctx, value);
    case 'correlation_id':
      return describeCorrelationId(ctx, value);
    case 'aggregate_id':
      return describeAggregateId(ctx, value);
    case 'event_type':
      return describeEventType(ctx, value, stringAt(parseLine(lineText), ['metadata', 'schema_version']));
    case 'timestamp': {
      const line = parseLine(lineText);
      const sequence = valueAt(line, ['metadata', 'sequence_number']);
      return describeTimestamp(ctx, {
        timestamp: value,
        eventId: stringAt(line, ['metadata', 'event_id']),
        aggregateId: stringAt(line, ['metadata', 'aggregate_id']),
        ...(typeof sequence === 'number' ? { sequenceNumber: sequence } : {}),
      });
    }
    default:
      return undefined;
  }
}

function nullNote(token: LineToken): string | undefined {
  switch (token.field) {
    case 'causation_id':
      return 'No cause: this event starts its chain (or was published without one).';
    case 'correlation_id':
      return 'No correlation: this event belongs to no conversation.';
    case 'aggregate_id':
      return 'No aggregate: this event is not part of any aggregate stream.';
    default:
      return undefined;
  }
}
