/// <reference lib="dom" />
/**
 * The page's few DOM parts: toolbar, legend and tooltip. Every value from
 * the store (types, ids, lane keys) goes in as text (see ../shared/dom.ts).
 */
import { isLaneOrder, type LaneCount, type LaneMode, type LaneOrder, type TypeCount } from '../../shared/timelineProtocol';
import { el, replaceChildren } from '../shared/dom';
import { styleOf, swatchBackground, type TypeStyle } from './colours';
import { formatCount } from './format';

export interface ToolbarHandlers {
  lane(mode: LaneMode): void;
  laneOrder(order: LaneOrder): void;
  /** The lane-choosing query as typed (debounced by the caller). */
  laneQuery(query: string): void;
  /** "Next/previous event". */
  step(direction: 'next' | 'previous'): void;
  fit(): void;
  zoom(factor: number): void;
  follow(on: boolean): void;
  showCorrelation(): void;
}

export interface Toolbar {
  setLane(mode: LaneMode): void;
  setLaneOrder(order: LaneOrder): void;
  setLaneQuery(query: string): void;
  setFollow(on: boolean): void;
  setCorrelationEnabled(enabled: boolean): void;
  setStore(label: string): void;
  setRange(text: string): void;
}

export function buildToolbar(container: HTMLElement, handlers: ToolbarHandlers): Toolbar {
  const laneSelect = el('select', { attrs: { id: 'lane-mode', 'aria-label': 'Lanes by' } }, [
    el('option', { text: 'Lanes: aggregate', attrs: { value: 'aggregate' } }),
    el('option', { text: 'Lanes: source', attrs: { value: 'source' } }),
    el('option', { text: 'Lanes: event type', attrs: { value: 'type' } }),
  ]);
  laneSelect.addEventListener('change', () => {
    const value = laneSelect.value;
    if (value === 'aggregate' || value === 'source' || value === 'type') handlers.lane(value);
  });
  const orderSelect = el('select', { attrs: { id: 'lane-order', 'aria-label': 'Order lanes by', title: 'Lane order, by the whole store: zooming never reorders the lanes' } }, [
    el('option', { text: 'Order: most events', attrs: { value: 'count' } }),
    el('option', { text: 'Order: name', attrs: { value: 'name' } }),
    el('option', { text: 'Order: first event', attrs: { value: 'first' } }),
  ]);
  orderSelect.addEventListener('change', () => {
    if (isLaneOrder(orderSelect.value)) handlers.laneOrder(orderSelect.value);
  });
  const laneQuery = el('input', {
    attrs: {
      id: 'lane-query',
      type: 'search',
      placeholder: 'Lanes where…',
      'aria-label': 'Give a lane only to aggregates (sources, types) with an event matching this query',
      title: 'A query (as in the Query view), e.g. data.amount > 100: only lanes holding a matching event get a row; the rest go to (other). Click a lane label to pin it.',
      spellcheck: 'false',
    },
  });
  laneQuery.addEventListener('input', () => handlers.laneQuery(laneQuery.value));
  const button = (id: string, text: string, title: string, run: () => void) => {
    const b = el('button', { text, title, attrs: { id, type: 'button' } });
    b.addEventListener('click', run);
    return b;
  };
  const follow = el('button', { text: 'Follow', title: 'Scroll with new events as they are written', attrs: { id: 'follow', type: 'button', 'aria-pressed': 'false' } });
  follow.addEventListener('click', () => handlers.follow(follow.getAttribute('aria-pressed') !== 'true'));
  const correlation = button('show-correlation', 'Show correlation', "Zoom to the selected event's correlation", () => handlers.showCorrelation());
  correlation.disabled = true;
  const store = el('span', { className: 'store', attrs: { id: 'store-label' } });
  const range = el('span', { className: 'range', attrs: { id: 'range-label' } });
  replaceChildren(container, [
    laneSelect,
    orderSelect,
    laneQuery,
    button('prev-event', '◀ Event', 'Previous event (P or [)', () => handlers.step('previous')),
    button('next-event', 'Event ▶', 'Next event (N or ])', () => handlers.step('next')),
    button('zoom-in', '+', 'Zoom in (+)', () => handlers.zoom(0.5)),
    button('zoom-out', '−', 'Zoom out (−)', () => handlers.zoom(2)),
    button('fit', 'Fit', 'Show the whole store (F)', () => handlers.fit()),
    follow,
    correlation,
    store,
    range,
  ]);
  return {
    setLane: (mode) => (laneSelect.value = mode),
    setLaneOrder: (order) => (orderSelect.value = order),
    setLaneQuery: (query) => {
      if (laneQuery.value.trim() !== query) laneQuery.value = query;
    },
    setFollow: (on) => follow.setAttribute('aria-pressed', String(on)),
    setCorrelationEnabled: (enabled) => (correlation.disabled = !enabled),
    setStore: (label) => (store.textContent = label),
    setRange: (text) => (range.textContent = text),
  };
}

/** The legend: a toggle per type with its colour (pressed = shown). */
export function renderLegend(
  container: HTMLElement,
  types: readonly TypeCount[],
  colours: ReadonlyMap<string, TypeStyle>,
  hidden: ReadonlySet<string>,
  toggle: (type: string) => void,
): void {
  // Most frequent first, as the colours are assigned.
  const ordered = [...types].sort((a, b) => b.count - a.count || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  const items = ordered.map((t, index) => {
    const swatch = el('span', { className: 'swatch' });
    swatch.style.background = swatchBackground(styleOf(colours, t.type));
    const item = el('button', { className: 'legend-item', title: `${t.type}: ${formatCount(t.count)} events (click to hide or show)`, attrs: { type: 'button', 'aria-pressed': String(!hidden.has(t.type)), 'data-type-index': String(index) } }, [
      swatch,
      el('span', { className: 'legend-label', text: t.type }),
    ]);
    item.addEventListener('click', () => toggle(t.type));
    return item;
  });
  replaceChildren(container, items);
}

export interface OtherLanesHandlers {
  pin(key: string): void;
  close(): void;
}

/**
 * The list of the lanes folded into `(other)`, opened from its label: each
 * one with its events in view, a click pins it (it gets its own row). Null
 * closes the list. Keys go in as text.
 */
export function renderOtherLanes(container: HTMLElement, other: { lanes: readonly LaneCount[]; count: number; mode: LaneMode } | null, handlers: OtherLanesHandlers): void {
  container.hidden = other === null;
  if (!other) {
    replaceChildren(container, []);
    return;
  }
  const close = el('button', { text: '✕', title: 'Close', attrs: { type: 'button', id: 'other-lanes-close', 'aria-label': 'Close the list' } });
  close.addEventListener('click', () => handlers.close());
  const heading = el('div', { className: 'other-heading' }, [
    el('span', { text: `(other) holds ${formatCount(other.count)} ${other.mode === 'type' ? 'types' : other.mode === 'source' ? 'sources' : 'aggregates'} here; click one to pin it` }),
    close,
  ]);
  const items = other.lanes.map((lane) => {
    const item = el('button', { className: 'other-lane', title: `Pin ${lane.key}: give it its own row`, attrs: { type: 'button', 'data-key': lane.key } }, [
      el('span', { className: 'other-key', text: lane.key }),
      el('span', { className: 'other-count', text: formatCount(lane.total) }),
    ]);
    item.addEventListener('click', () => handlers.pin(lane.key));
    return item;
  });
  const more = other.count > other.lanes.length ? [el('div', { className: 'hint', text: `and ${formatCount(other.count - other.lanes.length)} more (choose lanes with a query to see them)` })] : [];
  replaceChildren(container, [heading, el('div', { className: 'other-list' }, items), ...more]);
}

/** Shows label/value rows next to the pointer (as text nodes). */
export function showTooltip(tooltip: HTMLElement, rows: readonly [string, string][], x: number, y: number, bounds: { width: number; height: number }): void {
  replaceChildren(
    tooltip,
    rows.map(([label, value]) => el('div', { className: 'row' }, [el('span', { className: 'label', text: label }), el('span', { className: 'value', text: value })])),
  );
  tooltip.hidden = false;
  const w = tooltip.offsetWidth;
  const h = tooltip.offsetHeight;
  const left = x + 14 + w > bounds.width ? Math.max(0, x - 14 - w) : x + 14;
  const top = y + 14 + h > bounds.height ? Math.max(0, y - 14 - h) : y + 14;
  tooltip.style.left = `${left}px`;
  tooltip.style.top = `${top}px`;
}

export function hideTooltip(tooltip: HTMLElement): void {
  tooltip.hidden = true;
}

export interface FilterBarHandlers {
  /** The aggregate id prefix as typed (debounced by the caller). */
  aggregatePrefix(text: string): void;
  /** One source, or undefined for all. */
  source(source: string | undefined): void;
  clearWindow(): void;
  clearAll(): void;
}

export interface FilterBar {
  setAggregatePrefix(text: string): void;
  setSources(sources: readonly { source: string; count: number }[], selected: readonly string[] | undefined): void;
  /** The time window's text, or null when there is none. */
  setWindow(text: string | null): void;
  setClearable(clearable: boolean): void;
}

const ALL_SOURCES = '';

/**
 * The filter the timeline shares with the trees: aggregate id prefix,
 * source, the brushed time window (Shift+drag on the lanes), and a reset.
 * Several sources (set from a tree's filter) show as one entry naming them.
 */
export function buildFilterBar(container: HTMLElement, handlers: FilterBarHandlers): FilterBar {
  const prefix = el('input', {
    attrs: { id: 'aggregate-search', type: 'search', placeholder: 'Aggregate id starts with…', 'aria-label': 'Show only aggregates whose id starts with', spellcheck: 'false' },
  });
  prefix.addEventListener('input', () => handlers.aggregatePrefix(prefix.value.trim()));
  const source = el('select', { attrs: { id: 'source-filter', 'aria-label': 'Show only events from this source' } });
  source.addEventListener('change', () => handlers.source(source.value === ALL_SOURCES ? undefined : source.value));
  const windowText = el('span', { className: 'window', attrs: { id: 'time-window' } });
  const clearWindow = el('button', { text: '✕', title: 'Clear the time window', attrs: { id: 'clear-time-window', type: 'button', 'aria-label': 'Clear the time window' } });
  clearWindow.addEventListener('click', () => handlers.clearWindow());
  const windowChip = el('span', { className: 'chip', attrs: { id: 'time-window-chip' } }, [windowText, clearWindow]);
  windowChip.hidden = true;
  const hint = el('span', { className: 'hint', text: 'Shift+drag on the lanes: filter to a time window' });
  const reset = el('button', { text: 'Clear filters', title: 'Show every event (the Event Bus views follow)', attrs: { id: 'clear-filters', type: 'button' } });
  reset.addEventListener('click', () => handlers.clearAll());
  reset.disabled = true;
  replaceChildren(container, [prefix, source, windowChip, hint, reset]);
  return {
    setAggregatePrefix: (text) => {
      if (prefix.value.trim() !== text) prefix.value = text;
    },
    setSources: (sources, selected) => {
      const options = [el('option', { text: 'All sources', attrs: { value: ALL_SOURCES } })];
      const several = selected && selected.length > 1 ? selected.join(', ') : undefined;
      if (several) options.push(el('option', { text: `Sources: ${several}`, attrs: { value: several, disabled: 'true' } }));
      for (const s of sources) options.push(el('option', { text: `${s.source} (${formatCount(s.count)})`, attrs: { value: s.source } }));
      replaceChildren(source, options);
      source.value = several ?? selected?.[0] ?? ALL_SOURCES;
    },
    setWindow: (text) => {
      windowChip.hidden = text === null;
      hint.hidden = text !== null;
      windowText.textContent = text ?? '';
    },
    setClearable: (clearable) => (reset.disabled = !clearable),
  };
}
