import { parseTimestamp } from '../../engine/model/timestamp';
import type { FeatureContext } from './featureContext';
import { escapeMarkdown, paragraphs } from './markdown';
import { durationText, localText, utcText } from './timeText';

/** What the timestamp's line says about the event, as far as the hover needs it. */
export interface TimestampSubject {
  readonly timestamp: string;
  readonly eventId?: string;
  readonly aggregateId?: string;
  readonly sequenceNumber?: number;
}

/** Hover on a timestamp: the instant in UTC and local time, and the gap since the aggregate's previous event. */
export function describeTimestamp(ctx: FeatureContext, subject: TimestampSubject): string {
  const ms = parseTimestamp(subject.timestamp);
  if (!Number.isFinite(ms)) {
    return paragraphs([
      `**Timestamp** ${escapeMarkdown(subject.timestamp)}`,
      'Not an ISO 8601 timestamp (expected e.g. 2024-01-15T10:30:00Z, an offset such as +00:00, or a naive UTC time).',
    ]);
  }
  return paragraphs([
    `**UTC**: ${escapeMarkdown(utcText(ms))}  \n**Local**: ${escapeMarkdown(localText(ms))}`,
    gapLine(ctx, subject, ms),
  ]);
}

function gapLine(ctx: FeatureContext, subject: TimestampSubject, ms: number): string | undefined {
  if (subject.aggregateId === undefined) return undefined;
  const index = ctx.engine.index;
  const stream = index.ordinalsOfAggregate(subject.aggregateId);
  const previous = previousInStream(ctx, stream, subject);
  if (previous === undefined) return `First event of aggregate ${escapeMarkdown(subject.aggregateId)}.`;
  const before = index.event(previous);
  if (!Number.isFinite(before.timestampMs)) return undefined;
  const gap = ms - before.timestampMs;
  const what = gap < 0 ? `**Goes back** ${escapeMarkdown(durationText(-gap))}` : `**+${escapeMarkdown(durationText(gap))}**`;
  return `${what} after the previous event of ${escapeMarkdown(subject.aggregateId)} (sequence ${before.sequenceNumber}, ${escapeMarkdown(before.eventType)}).`;
}

/**
 * The aggregate's event just before this one, in the index's stream order.
 * An event the index does not know yet (being typed) is placed by its
 * sequence number instead.
 */
function previousInStream(ctx: FeatureContext, stream: readonly number[], subject: TimestampSubject): number | undefined {
  const index = ctx.engine.index;
  if (subject.eventId !== undefined) {
    for (const ordinal of index.ordinalsOfEventId(subject.eventId)) {
      const at = stream.indexOf(ordinal);
      if (at >= 0) return at > 0 ? stream[at - 1] : undefined;
    }
  }
  const sequence = subject.sequenceNumber;
  if (sequence === undefined) return stream[stream.length - 1];
  let found: number | undefined;
  for (const ordinal of stream) {
    if (index.event(ordinal).sequenceNumber < sequence) found = ordinal;
    else break;
  }
  return found;
}
