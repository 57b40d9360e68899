/**
 * What the timeline looks at, and every way it changes, as a pure reducer
 * (the shape of GitLens' apps/*: state, actions, then rendering reads the
 * state): the visible range and its zoom limits, the lanes (mode, order,
 * pins, the query choosing them), the selection and where the pointer
 * hovers. The page dispatches actions and draws what results; the rules
 * (a zoom never goes below one event's width nor onto an empty screen, a
 * zoom or a lane change takes the tooltip away) are tested here without a DOM.
 */
import type { LaneMode, LaneOrder, PinnedLanes, TimeRange } from '../../shared/timelineProtocol';
import { OTHER_LANE } from './plotLayout';
import { centreOn, clampRange, fitRange, keepEventsInView, minSpanFor, panBy, spanOf, zoomAround } from './timeScale';

export interface TimelineView {
  /** Null until the store's extent is known. */
  readonly range: TimeRange | null;
  /** The store's first and last timestamps (after the filter), or null when it has none. */
  readonly extent: TimeRange | null;
  /** The plot's width in CSS px (the zoom limit depends on it). */
  readonly plotWidth: number;
  readonly lane: LaneMode;
  readonly laneOrder: LaneOrder;
  readonly pinned: PinnedLanes;
  /** A content query: only lanes holding a matching event get a row ('' = every lane may). */
  readonly laneQuery: string;
  readonly selectedEventId: string | null;
  /** Where the pointer rests on the lanes (canvas px): the tooltip shows what is drawn there, only while this is set. */
  readonly pointer: { readonly x: number; readonly y: number } | null;
}

export type TimelineAction =
  /** `times`: the events the current range holds, when it holds few enough to list (see keepEventsInView). */
  | { readonly type: 'zoom'; readonly factor: number; readonly anchor?: number; readonly times?: readonly number[] }
  | { readonly type: 'pan'; readonly deltaMs: number }
  | { readonly type: 'setRange'; readonly range: TimeRange }
  | { readonly type: 'fit' }
  | { readonly type: 'extent'; readonly extent: TimeRange | null }
  | { readonly type: 'plotWidth'; readonly width: number }
  | { readonly type: 'laneMode'; readonly lane: LaneMode }
  | { readonly type: 'laneOrder'; readonly order: LaneOrder }
  | { readonly type: 'togglePin'; readonly key: string }
  | { readonly type: 'laneQuery'; readonly query: string }
  | { readonly type: 'select'; readonly eventId: string | null }
  /** An event chosen by "next/previous event": selected and centred (the span stays). */
  | { readonly type: 'step'; readonly eventId: string; readonly timestampMs: number }
  | { readonly type: 'hover'; readonly x: number; readonly y: number }
  | { readonly type: 'leave' };

export function initialView(saved: Partial<Pick<TimelineView, 'range' | 'lane' | 'laneOrder' | 'pinned' | 'laneQuery' | 'selectedEventId'>>): TimelineView {
  return {
    range: saved.range ?? null,
    extent: null,
    plotWidth: 1,
    lane: saved.lane ?? 'aggregate',
    laneOrder: saved.laneOrder ?? 'count',
    pinned: saved.pinned ?? {},
    laneQuery: saved.laneQuery ?? '',
    selectedEventId: saved.selectedEventId ?? null,
    pointer: null,
  };
}

/** The narrowest span this view may show. */
export function minSpanOf(view: TimelineView): number {
  return minSpanFor(view.plotWidth);
}

export function pinnedLanesOf(view: TimelineView): readonly string[] {
  return view.pinned[view.lane] ?? [];
}

export function reduceView(view: TimelineView, action: TimelineAction): TimelineView {
  const minSpan = minSpanOf(view);
  switch (action.type) {
    case 'zoom': {
      if (!view.range) return view;
      const anchor = action.anchor ?? (view.range.from + view.range.to) / 2;
      let next = zoomAround(view.range, action.factor, anchor, view.extent, minSpan);
      if (action.factor < 1) next = keepEventsInView(next, action.times, view.extent, minSpan);
      // What lay under the pointer has moved: the tooltip goes until the pointer moves again.
      return { ...view, range: next, pointer: null };
    }
    case 'pan':
      return view.range ? { ...view, range: panBy(view.range, action.deltaMs, view.extent, minSpan), pointer: null } : view;
    case 'setRange':
      return { ...view, range: clampRange(action.range, view.extent, minSpan), pointer: null };
    case 'fit':
      return view.extent ? { ...view, range: clampRange(fitRange(view.extent), view.extent, minSpan), pointer: null } : view;
    case 'extent': {
      const range = view.range ?? (action.extent ? fitRange(action.extent) : null);
      return { ...view, extent: action.extent, range: range ? clampRange(range, action.extent, minSpan) : null };
    }
    case 'plotWidth': {
      const next = { ...view, plotWidth: Math.max(1, action.width) };
      return next.range && spanOf(next.range) < minSpanOf(next) ? { ...next, range: clampRange(next.range, next.extent, minSpanOf(next)) } : next;
    }
    case 'laneMode':
      return action.lane === view.lane ? view : { ...view, lane: action.lane, pointer: null };
    case 'laneOrder':
      return { ...view, laneOrder: action.order, pointer: null };
    case 'togglePin': {
      // `(other)` is where unpinned lanes go, not a lane of the store.
      if (action.key === OTHER_LANE) return view;
      const current = pinnedLanesOf(view);
      const pins = current.includes(action.key) ? current.filter((key) => key !== action.key) : [...current, action.key];
      return { ...view, pinned: { ...view.pinned, [view.lane]: pins }, pointer: null };
    }
    case 'laneQuery':
      return { ...view, laneQuery: action.query.trim(), pointer: null };
    case 'select':
      return { ...view, selectedEventId: action.eventId };
    case 'step':
      return { ...view, selectedEventId: action.eventId, range: view.range ? centreOn(view.range, action.timestampMs, view.extent, minSpan) : view.range, pointer: null };
    case 'hover':
      return { ...view, pointer: { x: action.x, y: action.y } };
    case 'leave':
      return view.pointer ? { ...view, pointer: null } : view;
  }
}
