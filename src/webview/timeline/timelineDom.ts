/// <reference lib="dom" />
/**
 * The page's few DOM parts: toolbar, legend and tooltip. Every value from
 * the store (types, ids, lane keys) goes in as text (see ../shared/dom.ts).
 */
import type { LaneMode, TypeCount } from '../../shared/timelineProtocol';
import { el, replaceChildren } from '../shared/dom';
import { colourOf } from './colours';
import { formatCount } from './format';

export interface ToolbarHandlers {
  lane(mode: LaneMode): void;
  fit(): void;
  zoom(factor: number): void;
  follow(on: boolean): void;
  showCorrelation(): void;
}

export interface Toolbar {
  setLane(mode: LaneMode): void;
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
  colours: ReadonlyMap<string, string>,
  hidden: ReadonlySet<string>,
  toggle: (type: string) => void,
): void {
  // Most frequent first, as the colours are assigned.
  const ordered = [...types].sort((a, b) => b.count - a.count || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  const items = ordered.map((t, index) => {
    const swatch = el('span', { className: 'swatch' });
    swatch.style.background = colourOf(colours, t.type);
    const item = el('button', { className: 'legend-item', title: `${t.type}: ${formatCount(t.count)} events (click to hide or show)`, attrs: { type: 'button', 'aria-pressed': String(!hidden.has(t.type)), 'data-type-index': String(index) } }, [
      swatch,
      el('span', { className: 'legend-label', text: t.type }),
    ]);
    item.addEventListener('click', () => toggle(t.type));
    return item;
  });
  replaceChildren(container, items);
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
