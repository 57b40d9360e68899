/**
 * The causation chain of the selected event as arrows across lanes: from
 * each cause's mark to its effect's, labelled with the time the hop took.
 * Events whose lane is not shown fall into `(other)`; hops with an end
 * that has no time are left out (there is nowhere to draw them).
 */
import type { CausationChain, ChainEvent, LaneMode, TimeRange } from '../../shared/timelineProtocol';
import { formatDuration } from './format';
import { NO_AGGREGATE_LANE, type PlotLayout, rowCentre, rowOfLane, xOnCanvas } from './plotLayout';

export interface Arrow {
  readonly fromEventId: string;
  readonly toEventId: string;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly label: string;
}

export function laneKeyOf(event: Pick<ChainEvent, 'aggregateId' | 'source' | 'type'>, mode: LaneMode): string {
  if (mode === 'aggregate') return event.aggregateId ?? NO_AGGREGATE_LANE;
  return mode === 'source' ? event.source : event.type;
}

export function layoutArrows(
  chain: CausationChain,
  mode: LaneMode,
  rows: ReadonlyMap<string, number>,
  layout: PlotLayout,
  range: TimeRange,
): Arrow[] {
  const byId = new Map(chain.events.map((e) => [e.eventId, e]));
  const arrows: Arrow[] = [];
  for (const event of chain.events) {
    if (event.causeId === null) continue;
    const cause = byId.get(event.causeId);
    if (!cause || cause.timestampMs === null || event.timestampMs === null) continue;
    const fromRow = rowOfLane(rows, laneKeyOf(cause, mode));
    const toRow = rowOfLane(rows, laneKeyOf(event, mode));
    if (fromRow === undefined || toRow === undefined) continue;
    const x1 = xOnCanvas(layout, range, cause.timestampMs);
    const x2 = xOnCanvas(layout, range, event.timestampMs);
    // Both ends off the same side of the plot: nothing of the arrow would show.
    if ((x1 < layout.labelWidth && x2 < layout.labelWidth) || (x1 > layout.width && x2 > layout.width)) continue;
    arrows.push({
      fromEventId: cause.eventId,
      toEventId: event.eventId,
      x1,
      y1: rowCentre(layout, fromRow),
      x2,
      y2: rowCentre(layout, toRow),
      label: formatDuration(event.sinceCauseMs ?? event.timestampMs - cause.timestampMs),
    });
  }
  return arrows;
}

/** The range that shows a whole correlation, with a margin so its first and last events are not on the edge. */
export function correlationRange(chain: CausationChain): TimeRange | null {
  if (!chain.range) return null;
  const span = Math.max(chain.range.to - chain.range.from, 10);
  return { from: chain.range.from - span * 0.1, to: chain.range.to + span * 0.1 };
}
