/// <reference lib="dom" />
/**
 * The timeline page: keeps what the user looks at (range, lane mode, hidden
 * types, selection, follow), asks the host for bins of exactly that (latest
 * request wins), and redraws the canvases once per animation frame.
 */
import {
  BinsRequest,
  type BinsResult,
  type CausationChain,
  CausationRequest,
  DebugMarkerNotification,
  type DebugMarkerParams,
  FilterChangedCommand,
  FilterNotification,
  OpenEventCommand,
  OpenInspectorCommand,
  RevealEventNotification,
  StoreGrewNotification,
  StoreInfoNotification,
  type SharedFilter,
  type SourceCount,
  SourcesRequest,
  type TimeRange,
  type TimelineEventMark,
  type TimelineSavedState,
  type TypeCount,
  TypesRequest,
  INITIAL_TIMELINE_STATE,
  NeighbourRequest,
} from '../../shared/timelineProtocol';
import type { HostConnection } from '../shared/hostConnection';
import type { VsCodeApi } from '../shared/vscodeApi';
import { correlationRange, layoutArrows } from './arrowLayout';
import { binsParamsFor, bucketsForWidth, createLatestOnly } from './binPlanner';
import { assignTypeStyles, type TypeStyle } from './colours';
import { bucketTooltipRows, formatCount, formatDuration, formatTime, markTooltipRows } from './format';
import { bucketAt, inPlot, markAt, timeAtCanvasX } from './hitTest';
import { drawLanes } from './lanesRenderer';
import { drawMinimap, overviewCounts } from './minimapRenderer';
import { laneRowsThatFit, layoutFor, OTHER_LANE, type PlotLayout, plotWidth, rowIndex } from './plotLayout';
import { attachLaneInput, attachMinimapInput } from './pointerInput';
import { readThemeColours, type ThemeColours } from './themeColours';
import { type FilterRest, hasWindow, hiddenFor, isRestEmpty, restOf, sharedFilterOf, windowBetween, withoutWindow } from './sharedFilterState';
import { buildFilterBar, buildToolbar, hideTooltip, renderLegend, renderOtherLanes, showTooltip } from './timelineDom';
import { followRange, spanOf, timeOfX, wheelZoomFactor } from './timeScale';
import { initialView, minSpanOf, pinnedLanesOf, reduceView, type TimelineAction, type TimelineView } from './viewState';

export interface TimelineElements {
  readonly toolbar: HTMLElement;
  readonly filters: HTMLElement;
  readonly minimap: HTMLCanvasElement;
  readonly plot: HTMLElement;
  readonly lanes: HTMLCanvasElement;
  readonly tooltip: HTMLElement;
  readonly legend: HTMLElement;
  readonly status: HTMLElement;
  /** The list of the lanes folded into `(other)` (opened from its label). */
  readonly otherLanes: HTMLElement;
}

const DEBOUNCE_MS = 40;
const MAX_WAIT_MS = 120;
/** A click waits this long for a second click before it opens the event (a double click inspects instead). */
const CLICK_DELAY_MS = 250;
const REVEAL_SPAN_MS = 60_000;
/** Typing in the aggregate search waits this long before the timeline and the trees follow. */
const SEARCH_DEBOUNCE_MS = 250;

export function startTimelinePage(elements: TimelineElements, host: HostConnection, api: VsCodeApi<TimelineSavedState>): void {
  const saved = api.getState() ?? INITIAL_TIMELINE_STATE;
  let view: TimelineView = initialView({ range: saved.range, lane: saved.lane, laneOrder: saved.laneOrder, pinned: saved.pinnedLanes, laneQuery: saved.laneQuery, selectedEventId: saved.selectedEventId });
  let hidden = new Set(saved.hiddenTypes);
  let filterRest: FilterRest = saved.filter ?? {};
  /** Shown types from the trees that arrived before the type list (applied once it has). */
  let pendingTypes: readonly string[] | undefined | null = null;
  let sources: SourceCount[] = [];
  let brush: { x1: number; x2: number } | null = null;
  let announceWhenTypesKnown = false;
  let follow = saved.follow;
  let selectedMark: TimelineEventMark | null = null;
  let chain: CausationChain | null = null;
  /** Where an `eventbus` debug session stands (drawn as a marker), null without one. */
  let debugMarker: DebugMarkerParams['marker'] = null;
  let overview: BinsResult | null = null;
  let overviewSums: number[] = [];
  let bins: BinsResult | null = null;
  let types: TypeCount[] = [];
  let colours = new Map<string, TypeStyle>();
  let otherListOpen = false;
  let theme: ThemeColours = readThemeColours(document.body);
  let layout: PlotLayout = layoutFor(1, 1);
  let minimapSize = { width: 1, height: 1 };
  let paints = 0;
  let dragging = false;

  const lanesCtx = context2d(elements.lanes);
  const minimapCtx = context2d(elements.minimap);

  const toolbar = buildToolbar(elements.toolbar, {
    lane: (mode) => {
      bins = null;
      otherListOpen = false;
      showOtherLanes();
      dispatch({ type: 'laneMode', lane: mode }, true);
    },
    laneOrder: (order) => dispatch({ type: 'laneOrder', order }, true),
    laneQuery: (query) => {
      if (laneQueryTimer !== undefined) clearTimeout(laneQueryTimer);
      laneQueryTimer = setTimeout(() => {
        laneQueryTimer = undefined;
        dispatch({ type: 'laneQuery', query }, true);
      }, SEARCH_DEBOUNCE_MS);
    },
    step: (direction) => void stepEvent(direction),
    fit: () => fit(),
    zoom: (factor) => zoom(factor),
    follow: (on) => {
      follow = on;
      toolbar.setFollow(on);
      if (on && view.range && view.extent) setRange(followRange(view.range, view.extent.to));
      save();
    },
    showCorrelation: () => {
      const r = chain ? correlationRange(chain) : null;
      if (r) setRange(r);
    },
  });
  toolbar.setLane(view.lane);
  toolbar.setLaneOrder(view.laneOrder);
  toolbar.setLaneQuery(view.laneQuery);
  toolbar.setFollow(follow);
  let laneQueryTimer: ReturnType<typeof setTimeout> | undefined;

  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  const filterBar = buildFilterBar(elements.filters, {
    aggregatePrefix: (text) => {
      if (searchTimer !== undefined) clearTimeout(searchTimer);
      searchTimer = setTimeout(() => {
        searchTimer = undefined;
        filterRest = restOf({ ...filterRest, aggregatePrefix: text });
        refilter(true);
      }, SEARCH_DEBOUNCE_MS);
    },
    source: (source) => {
      filterRest = restOf({ ...filterRest, sources: source === undefined ? undefined : [source] });
      refilter(true);
    },
    clearWindow: () => {
      filterRest = restOf({ ...filterRest, from: undefined, to: undefined });
      refilter(true);
    },
    clearAll: () => {
      hidden = new Set();
      filterRest = {};
      renderLegend(elements.legend, types, colours, hidden, toggleType);
      refilter(true);
    },
  });

  // ------------------------------------------------------------ requests

  const timers = { set: (cb: () => void, ms: number) => setTimeout(cb, ms), clear: (h: unknown) => clearTimeout(h as number), now: () => performance.now() };
  const binsCaller = createLatestOnly({
    debounceMs: DEBOUNCE_MS,
    maxWaitMs: MAX_WAIT_MS,
    timers,
    run: (params: ReturnType<typeof binsParamsFor>) => host.request(BinsRequest, params),
    deliver: (result: BinsResult) => {
      bins = result;
      elements.lanes.dataset.binsDelivered = String(Number(elements.lanes.dataset.binsDelivered ?? 0) + 1);
      if (view.selectedEventId && result.marks) {
        const found = result.marks.find((m) => m.eventId === view.selectedEventId);
        if (found) select(found, false);
      }
      if (otherListOpen) showOtherLanes();
      if (zoomedIn && result.total === 0 && view.range && result.from === view.range.from && result.to === view.range.to) {
        zoomedIn = false;
        void snapToNearestEvent().catch((error: unknown) => setStatus(messageOf(error)));
      } else if (view.range && result.from === view.range.from && result.to === view.range.to) zoomedIn = false;
      render();
    },
    onError: (error: unknown) => setStatus(`Could not load the timeline: ${messageOf(error)}`),
  });

  const askBins = (immediately: boolean) => {
    if (!view.range) return;
    const params = binsParamsFor({
      range: view.range,
      plotWidth: plotWidth(layout),
      laneRows: laneRowsThatFit(layout),
      lane: view.lane,
      allTypes: types.map((t) => t.type),
      hiddenTypes: [...hidden],
      filter: filterRest,
      laneOrder: view.laneOrder,
      pinnedLanes: pinnedLanesOf(view),
      laneQuery: view.laneQuery,
    });
    if (immediately) binsCaller.now(params);
    else binsCaller.schedule(params);
  };

  const loadOverview = async () => {
    const visibleTypes = hidden.size > 0 ? types.map((t) => t.type).filter((t) => !hidden.has(t)) : undefined;
    // The overview keeps the whole time axis (the window shows as a shaded band in the lanes), filtered otherwise.
    const overviewFilter = withoutWindow(filterRest);
    const result = await host.request(BinsRequest, {
      buckets: bucketsForWidth(Math.max(1, minimapSize.width - layout.labelWidth), 2),
      lane: 'type',
      ...(visibleTypes ? { types: visibleTypes } : {}),
      ...(!isRestEmpty(overviewFilter) ? { filter: overviewFilter } : {}),
      maxLanes: 1,
      marksBelow: 0,
    });
    overview = result;
    overviewSums = overviewCounts(result);
    view = reduceView(view, { type: 'extent', extent: result.to > result.from || result.total > 0 ? { from: result.from, to: result.to } : null });
  };

  const loadTypes = async () => {
    types = (await host.request(TypesRequest, {})).types;
    colours = assignTypeStyles(types);
    if (pendingTypes !== null) {
      hidden = hiddenFor(types.map((t) => t.type), pendingTypes);
      pendingTypes = null;
    }
    if (announceWhenTypesKnown && types.length > 0) {
      announceWhenTypesKnown = false;
      announceSavedFilter();
    }
    renderLegend(elements.legend, types, colours, hidden, toggleType);
  };

  const loadSources = async () => {
    sources = (await host.request(SourcesRequest, {})).sources;
    showFilter();
  };

  const loadAll = async () => {
    try {
      await Promise.all([loadTypes(), loadOverview(), loadSources()]);
      if (view.range && follow && view.extent) view = reduceView(view, { type: 'setRange', range: followRange(view.range, view.extent.to) });
      askBins(true);
      render();
      save();
      if (!view.extent) setStatus('The store holds no events with a timestamp yet.');
    } catch (error) {
      setStatus(`Could not load the timeline: ${messageOf(error)}`);
    }
  };

  const loadChain = async (correlationId: string) => {
    try {
      chain = await host.request(CausationRequest, { correlationId });
      toolbar.setCorrelationEnabled(chain !== null);
      render();
    } catch (error) {
      setStatus(`Could not load the causation chain: ${messageOf(error)}`);
    }
  };

  // ------------------------------------------------------------ state changes

  /** The store the host says the panel shows (saved, so a reload reopens it). */
  let store: string | undefined = saved.store;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    if (saveTimer !== undefined) return;
    saveTimer = setTimeout(() => {
      saveTimer = undefined;
      api.setState({
        version: 1,
        range: view.range,
        lane: view.lane,
        hiddenTypes: [...hidden],
        follow,
        selectedEventId: view.selectedEventId,
        ...(!isRestEmpty(filterRest) ? { filter: filterRest } : {}),
        laneOrder: view.laneOrder,
        pinnedLanes: view.pinned,
        ...(view.laneQuery ? { laneQuery: view.laneQuery } : {}),
        ...(store !== undefined ? { store } : {}),
      });
    }, 150);
  };

  /** Every change of what the page looks at goes through the reducer; `immediately`: ask for bins without the debounce. */
  function dispatch(action: TimelineAction, immediately = false): void {
    const before = view;
    view = reduceView(view, action);
    if (view === before) return;
    if (view.range !== before.range || view.lane !== before.lane || view.laneOrder !== before.laneOrder || view.pinned !== before.pinned || view.laneQuery !== before.laneQuery) {
      if (view.lane !== before.lane) toolbar.setLane(view.lane);
      changed(immediately);
    } else render();
    if (view.selectedEventId !== before.selectedEventId) save();
  }

  const setRange = (next: TimeRange) => dispatch({ type: 'setRange', range: next });

  /** Zooms by `factor` around `anchor` (default the centre); a zoom in never leaves the screen empty when the events here are known. */
  const zoom = (factor: number, anchor?: number) => {
    const times = bins?.marks && view.range && bins.from <= view.range.from && bins.to >= view.range.to ? bins.marks.map((m) => m.timestampMs) : undefined;
    // Keys and buttons zoom around the selected event when it is in view (else the centre); the wheel around the pointer.
    const selectedAt = selectedMark && view.range && selectedMark.timestampMs >= view.range.from && selectedMark.timestampMs <= view.range.to ? selectedMark.timestampMs : undefined;
    const at = anchor ?? selectedAt;
    if (factor < 1) zoomedIn = true;
    dispatch({ type: 'zoom', factor, ...(at !== undefined ? { anchor: at } : {}), ...(times ? { times } : {}) });
  };

  /**
   * A zoom in landed on an empty screen before the events there were known
   * (they are listed only below a threshold): move to the nearest event, as
   * keepEventsInView does when they are.
   */
  let zoomedIn = false;
  async function snapToNearestEvent(): Promise<void> {
    const range = view.range;
    if (!range) return;
    const centre = (range.from + range.to) / 2;
    const visibleTypes = hidden.size > 0 ? types.map((t) => t.type).filter((t) => !hidden.has(t)) : undefined;
    const ask = (direction: 'next' | 'previous') =>
      host.request(NeighbourRequest, { timestampMs: centre, direction, lane: view.lane, ...(visibleTypes ? { types: visibleTypes } : {}), ...(!isRestEmpty(filterRest) ? { filter: filterRest } : {}) });
    const [next, previous] = await Promise.all([ask('next'), ask('previous')]);
    const nearest = [next, previous].filter((m) => m !== null).sort((a, b) => Math.abs(a.timestampMs - centre) - Math.abs(b.timestampMs - centre))[0];
    // Only if the user has not moved on meanwhile.
    if (nearest && view.range === range) dispatch({ type: 'setRange', range: { from: nearest.timestampMs - (range.to - range.from) / 2, to: nearest.timestampMs + (range.to - range.from) / 2 } }, true);
  }

  /** "Next/previous event": from the selection (or the view's centre), among the events the filter keeps. */
  async function stepEvent(direction: 'next' | 'previous'): Promise<void> {
    if (!view.range) return;
    const visibleTypes = hidden.size > 0 ? types.map((t) => t.type).filter((t) => !hidden.has(t)) : undefined;
    try {
      const mark = await host.request(NeighbourRequest, {
        ...(view.selectedEventId ? { eventId: view.selectedEventId } : {}),
        timestampMs: (view.range.from + view.range.to) / 2,
        direction,
        lane: view.lane,
        ...(visibleTypes ? { types: visibleTypes } : {}),
        ...(!isRestEmpty(filterRest) ? { filter: filterRest } : {}),
      });
      if (!mark) {
        setStatus(direction === 'next' ? 'No later event: this is the last one the filter shows.' : 'No earlier event: this is the first one the filter shows.');
        return;
      }
      follow = false;
      toolbar.setFollow(false);
      dispatch({ type: 'step', eventId: mark.eventId, timestampMs: mark.timestampMs }, true);
      select(mark);
    } catch (error) {
      setStatus(`Could not find the ${direction} event: ${messageOf(error)}`);
    }
  }

  /** A click on a lane's label: `(other)` opens the list of what it folds; any other lane is pinned or unpinned. */
  function laneLabelClicked(y: number): void {
    const keys = bins?.lanes.map((l) => l.key) ?? [];
    const row = Math.floor((y - layout.axisHeight) / layout.rowHeight);
    const key = row >= 0 ? keys[row] : undefined;
    if (key === undefined) return;
    if (key === OTHER_LANE) {
      otherListOpen = !otherListOpen;
      askBins(true);
      showOtherLanes();
      return;
    }
    dispatch({ type: 'togglePin', key }, true);
  }

  function showOtherLanes(): void {
    renderOtherLanes(elements.otherLanes, otherListOpen && bins ? { lanes: bins.otherLanes ?? [], count: bins.otherLaneCount ?? 0, mode: view.lane } : null, {
      pin: (key) => dispatch({ type: 'togglePin', key }, true),
      close: () => {
        otherListOpen = false;
        showOtherLanes();
      },
    });
  }

  const changed = (immediately: boolean) => {
    askBins(immediately);
    render();
    save();
  };

  const fit = () => dispatch({ type: 'fit' });

  function toggleType(type: string): void {
    if (hidden.has(type)) hidden.delete(type);
    else hidden.add(type);
    renderLegend(elements.legend, types, colours, hidden, toggleType);
    refilter(true);
  }

  /** After any filter change: fresh counts, the filter bar, and (when the user made it here) the trees follow. */
  function refilter(publish: boolean): void {
    bins = null;
    showFilter();
    void loadOverview().then(render, (error: unknown) => setStatus(messageOf(error)));
    changed(true);
    if (publish) api.postMessage(FilterChangedCommand.create({ filter: sharedFilterOf(types.map((t) => t.type), hidden, filterRest) }));
  }

  function showFilter(): void {
    filterBar.setAggregatePrefix(filterRest.aggregatePrefix ?? '');
    filterBar.setSources(sources, filterRest.sources);
    filterBar.setWindow(hasWindow(filterRest) ? `${filterRest.from !== undefined ? formatTime(filterRest.from) : '…'} → ${filterRest.to !== undefined ? formatTime(filterRest.to) : '…'}` : null);
    filterBar.setClearable(hidden.size > 0 || !isRestEmpty(filterRest));
    elements.filters.dataset.filter = JSON.stringify(sharedFilterOf(types.map((t) => t.type), hidden, filterRest));
  }

  function select(mark: TimelineEventMark | null, fetchChain = true): void {
    const sameCorrelation = mark?.correlationId && chain?.correlationId === mark.correlationId;
    selectedMark = mark;
    view = reduceView(view, { type: 'select', eventId: mark?.eventId ?? null });
    if (!mark?.correlationId) {
      chain = null;
      toolbar.setCorrelationEnabled(false);
    } else if (!sameCorrelation && (fetchChain || chain === null)) {
      chain = null;
      void loadChain(mark.correlationId);
    }
    save();
    render();
  }

  // ------------------------------------------------------------ drawing

  let frame: number | undefined;
  function render(): void {
    if (frame !== undefined) return;
    frame = requestAnimationFrame(() => {
      frame = undefined;
      paint();
    });
  }

  function paint(): void {
    const started = performance.now();
    paintScene();
    // Read by the bench (and handy in the webview's devtools): what the last frame's drawing cost.
    elements.lanes.dataset.lastPaintMs = (performance.now() - started).toFixed(2);
  }

  function paintScene(): void {
    const range = view.range;
    elements.lanes.dataset.range = range ? JSON.stringify(range) : '';
    elements.lanes.dataset.minSpanMs = String(minSpanOf(view));
    elements.lanes.dataset.selected = view.selectedEventId ?? '';
    elements.lanes.dataset.debugEventId = debugMarker?.eventId ?? '';
    if (!range) {
      drawMinimap(minimapCtx, { width: minimapSize.width, height: minimapSize.height, left: layout.labelWidth, overview, visible: null, theme }, overviewSums);
      return;
    }
    const rows = rowIndex(bins?.lanes.map((l) => l.key) ?? []);
    const arrows = chain ? layoutArrows(chain, view.lane, rows, layout, range) : [];
    drawLanes(lanesCtx, {
      layout,
      range,
      bins,
      laneMode: view.lane,
      rows,
      colours,
      pinned: new Set(pinnedLanesOf(view)),
      otherLaneCount: bins?.otherLaneCount,
      selectedEventId: view.selectedEventId,
      arrows,
      theme,
      window: filterRest,
      brush,
      debugMarker: debugMarker && debugMarker.timestampMs !== null ? { timestampMs: debugMarker.timestampMs, label: debugMarker.label } : null,
    });
    paintTooltip();
    drawMinimap(minimapCtx, { width: minimapSize.width, height: minimapSize.height, left: layout.labelWidth, overview, visible: range, theme }, overviewSums);
    toolbar.setRange(`${formatTime(range.from)} → ${formatTime(range.to)} (${formatDuration(spanOf(range))})`);
    if (bins) {
      paints++;
      elements.lanes.dataset.paints = String(paints);
      elements.lanes.dataset.lanes = String(bins.lanes.length);
      elements.lanes.dataset.laneKeys = JSON.stringify(bins.lanes.map((l) => l.key));
      elements.lanes.dataset.marks = String(bins.marks?.length ?? 0);
      // The newest event drawn: the bench times an append until it is on screen.
      elements.lanes.dataset.lastMarkId = bins.marks?.[bins.marks.length - 1]?.eventId ?? '';
      if (paints === 1) performance.mark('timeline-first-paint');
      const detail = bins.marks ? `${formatCount(bins.marks.length)} events shown individually` : `one bucket = ${formatDuration(bins.bucketMs)}`;
      setStatus(`${formatCount(bins.total)} events in view · ${bins.lanes.length} lanes · ${detail}${selectedMark ? ` · selected ${selectedMark.type} ${selectedMark.eventId}` : ''}`);
    }
  }

  /** The tooltip shows what is drawn under the pointer now (so it never names a lane that moved), and only while the pointer rests. */
  function paintTooltip(): void {
    const pointer = view.pointer;
    const rows = pointer && !dragging ? (tooltipMarkRows(pointer.x, pointer.y) ?? bucketRows(pointer.x, pointer.y)) : undefined;
    if (pointer && rows) showTooltip(elements.tooltip, rows, pointer.x, pointer.y, layout);
    else hideTooltip(elements.tooltip);
  }

  function tooltipMarkRows(x: number, y: number): [string, string][] | undefined {
    const mark = markUnder(x, y);
    return mark ? markTooltipRows(mark) : undefined;
  }

  function setStatus(text: string): void {
    elements.status.textContent = text;
  }

  // ------------------------------------------------------------ sizes

  const resize = () => {
    const dpr = window.devicePixelRatio || 1;
    const box = elements.plot.getBoundingClientRect();
    const width = Math.max(1, Math.floor(box.width));
    const height = Math.max(1, Math.floor(box.height));
    sizeCanvas(elements.lanes, lanesCtx, width, height, dpr);
    layout = layoutFor(width, height);
    // The overview's CSS sets its size; only its backing store follows (setting its style size would feed back into the layout).
    minimapSize = { width: Math.max(1, elements.minimap.clientWidth), height: Math.max(1, elements.minimap.clientHeight) };
    sizeBackingStore(elements.minimap, minimapCtx, minimapSize.width, minimapSize.height, dpr);
    theme = readThemeColours(document.body);
    view = reduceView(view, { type: 'plotWidth', width: plotWidth(layout) });
    askBins(false);
    render();
  };
  new ResizeObserver(resize).observe(elements.plot);
  // Theme changes arrive as a class change on <body>.
  new MutationObserver(() => {
    theme = readThemeColours(document.body);
    render();
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });

  // ------------------------------------------------------------ input

  let clickTimer: ReturnType<typeof setTimeout> | undefined;
  const markUnder = (x: number, y: number) => (view.range && bins?.marks ? markAt(bins.marks, rowIndex(bins.lanes.map((l) => l.key)), layout, view.range, x, y) : undefined);
  attachLaneInput(
    elements.lanes,
    {
      zoomAt: (factor, x) => {
        if (!view.range) return;
        zoom(factor, inPlot(layout, x) ? timeAtCanvasX(layout, view.range, x) : undefined);
      },
      panPixels: (dx) => view.range && dispatch({ type: 'pan', deltaMs: -(dx / plotWidth(layout)) * spanOf(view.range) }),
      hover: (x, y) => {
        if (!view.range || !bins || dragging) return;
        dispatch({ type: 'hover', x, y });
      },
      leave: () => dispatch({ type: 'leave' }),
      click: (x, y) => {
        if (x < layout.labelWidth) return laneLabelClicked(y);
        const mark = markUnder(x, y);
        select(mark ?? null);
        if (clickTimer !== undefined) clearTimeout(clickTimer);
        if (mark) {
          clickTimer = setTimeout(() => {
            clickTimer = undefined;
            api.postMessage(OpenEventCommand.create({ eventId: mark.eventId }));
          }, CLICK_DELAY_MS);
        }
      },
      doubleClick: (x, y) => {
        if (clickTimer !== undefined) clearTimeout(clickTimer);
        clickTimer = undefined;
        const mark = markUnder(x, y);
        if (mark) api.postMessage(OpenInspectorCommand.create({ eventId: mark.eventId }));
      },
      key: (action) => {
        if (action === 'clear') return select(null);
        if (action === 'fit') return fit();
        if (action === 'next' || action === 'previous') return void stepEvent(action);
        const { range, extent } = view;
        if (!range) return;
        const span = spanOf(range);
        if (action === 'zoomIn') zoom(0.5);
        else if (action === 'zoomOut') zoom(2);
        else if (action === 'left') dispatch({ type: 'pan', deltaMs: -span * 0.1 });
        else if (action === 'right') dispatch({ type: 'pan', deltaMs: span * 0.1 });
        else if (action === 'home' && extent) setRange({ from: extent.from - span * 0.02, to: extent.from + span * 0.98 });
        else if (action === 'end' && extent) setRange({ from: extent.to - span * 0.98, to: extent.to + span * 0.02 });
      },
      dragging: (active) => {
        dragging = active;
        elements.lanes.classList.toggle('dragging', active);
      },
      brush: (x1, x2, done) => {
        const range = view.range;
        if (!range) return;
        const left = layout.labelWidth;
        const clampX = (x: number) => Math.min(layout.width, Math.max(left, x));
        brush = done ? null : { x1: clampX(x1), x2: clampX(x2) };
        if (done && Math.abs(clampX(x2) - clampX(x1)) >= 2) {
          filterRest = restOf({ ...filterRest, ...windowBetween(timeAtCanvasX(layout, range, clampX(x1)), timeAtCanvasX(layout, range, clampX(x2))) });
          refilter(true);
        }
        render();
      },
    },
    wheelZoomFactor,
  );
  attachMinimapInput(elements.minimap, (x1, x2, isClick) => {
    if (!view.extent || !overview) return;
    const plot = Math.max(1, minimapSize.width - layout.labelWidth);
    const whole = { from: overview.from, to: overview.to };
    const t1 = timeOfX(whole, plot, x1 - layout.labelWidth);
    const t2 = timeOfX(whole, plot, x2 - layout.labelWidth);
    if (isClick && view.range) {
      const half = spanOf(view.range) / 2;
      setRange({ from: t1 - half, to: t1 + half });
    } else if (!isClick) setRange({ from: t1, to: Math.max(t2, t1 + 1) });
  });

  function bucketRows(x: number, y: number): [string, string][] | undefined {
    if (!view.range || !bins) return undefined;
    const hit = bucketAt(bins, layout, view.range, x, y);
    return hit && hit.count > 0 ? bucketTooltipRows(hit.lane, hit.count, hit.from, hit.to) : undefined;
  }

  // ------------------------------------------------------------ host notifications

  host.onNotification(StoreInfoNotification, (info) => {
    store = info.store;
    save();
    toolbar.setStore(`${info.label} · ${formatCount(info.eventCount)} events`);
    if (info.filter) adoptFilter(info.filter);
    else if (hidden.size > 0 || !isRestEmpty(filterRest)) announceSavedFilter();
  });
  host.onNotification(StoreGrewNotification, (grew) => {
    // Following: move to the new end and ask for it at once; the legend, overview and sources catch up after.
    const { range, extent } = view;
    if (follow && range && extent && grew.lastTimestampMs !== undefined && grew.lastTimestampMs > extent.to) {
      view = reduceView(view, { type: 'extent', extent: { from: extent.from, to: grew.lastTimestampMs } });
      dispatch({ type: 'setRange', range: followRange(range, grew.lastTimestampMs) }, true);
    }
    void loadAll();
  });
  host.onNotification(FilterNotification, ({ filter }) => adoptFilter(filter));

  /** The trees' filter: shown here, not sent back. */
  function adoptFilter(filter: SharedFilter): void {
    announceWhenTypesKnown = false;
    if (types.length > 0) hidden = hiddenFor(types.map((t) => t.type), filter.types);
    else pendingTypes = filter.types;
    filterRest = restOf(filter);
    renderLegend(elements.legend, types, colours, hidden, toggleType);
    refilter(false);
  }

  /** The filter this page restored (a window reload) is the newest: the trees take it over, once the types are known. */
  function announceSavedFilter(): void {
    if (types.length === 0) {
      announceWhenTypesKnown = true;
      return;
    }
    api.postMessage(FilterChangedCommand.create({ filter: sharedFilterOf(types.map((t) => t.type), hidden, filterRest) }));
  }
  host.onNotification(RevealEventNotification, (reveal) => {
    view = reduceView(view, { type: 'select', eventId: reveal.eventId });
    if (reveal.correlationId) void loadChain(reveal.correlationId);
    if (reveal.timestampMs !== null) {
      const span = Math.min(view.range ? spanOf(view.range) : REVEAL_SPAN_MS, REVEAL_SPAN_MS);
      follow = false;
      toolbar.setFollow(false);
      setRange({ from: reveal.timestampMs - span / 2, to: reveal.timestampMs + span / 2 });
    }
  });

  host.onNotification(DebugMarkerNotification, ({ marker }) => {
    debugMarker = marker;
    // The marker moves the view only when it would be off screen: a person looking elsewhere on purpose keeps the view while stepping nearby.
    const range = view.range;
    if (marker && marker.timestampMs !== null && range && (marker.timestampMs < range.from || marker.timestampMs > range.to)) {
      const half = spanOf(range) / 2;
      follow = false;
      toolbar.setFollow(false);
      setRange({ from: marker.timestampMs - half, to: marker.timestampMs + half });
    }
    render();
  });

  window.addEventListener('message', (event: MessageEvent<unknown>) => host.receive(event.data));
  resize();
  host.ready();
  void loadAll();
}

function context2d(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const ctx = canvas.getContext('2d', { alpha: false });
  if (!ctx) throw new Error('this browser gives the timeline no 2D canvas');
  return ctx;
}

function sizeBackingStore(canvas: HTMLCanvasElement, ctx: CanvasRenderingContext2D, width: number, height: number, dpr: number): void {
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(height * dpr);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
}

/** The lanes canvas fills the plot (absolutely placed, so its size never feeds back into the plot's). */
function sizeCanvas(canvas: HTMLCanvasElement, ctx: CanvasRenderingContext2D, width: number, height: number, dpr: number): void {
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  sizeBackingStore(canvas, ctx, width, height, dpr);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
