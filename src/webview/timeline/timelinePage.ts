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
  FilterChangedCommand,
  FilterNotification,
  type LaneMode,
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
} from '../../shared/timelineProtocol';
import type { HostConnection } from '../shared/hostConnection';
import type { VsCodeApi } from '../shared/vscodeApi';
import { correlationRange, layoutArrows } from './arrowLayout';
import { binsParamsFor, bucketsForWidth, createLatestOnly } from './binPlanner';
import { assignColours } from './colours';
import { bucketTooltipRows, formatCount, formatDuration, formatTime, markTooltipRows } from './format';
import { bucketAt, inPlot, markAt, timeAtCanvasX } from './hitTest';
import { drawLanes } from './lanesRenderer';
import { drawMinimap, overviewCounts } from './minimapRenderer';
import { laneRowsThatFit, layoutFor, type PlotLayout, plotWidth, rowIndex } from './plotLayout';
import { attachLaneInput, attachMinimapInput } from './pointerInput';
import { readThemeColours, type ThemeColours } from './themeColours';
import { type FilterRest, hasWindow, hiddenFor, isRestEmpty, restOf, sharedFilterOf, windowBetween, withoutWindow } from './sharedFilterState';
import { buildFilterBar, buildToolbar, hideTooltip, renderLegend, showTooltip } from './timelineDom';
import { clampRange, fitRange, followRange, panBy, panByPixels, spanOf, timeOfX, wheelZoomFactor, zoomAround } from './timeScale';

export interface TimelineElements {
  readonly toolbar: HTMLElement;
  readonly filters: HTMLElement;
  readonly minimap: HTMLCanvasElement;
  readonly plot: HTMLElement;
  readonly lanes: HTMLCanvasElement;
  readonly tooltip: HTMLElement;
  readonly legend: HTMLElement;
  readonly status: HTMLElement;
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
  let range: TimeRange | null = saved.range;
  let lane: LaneMode = saved.lane;
  let hidden = new Set(saved.hiddenTypes);
  let filterRest: FilterRest = saved.filter ?? {};
  /** Shown types from the trees that arrived before the type list (applied once it has). */
  let pendingTypes: readonly string[] | undefined | null = null;
  let sources: SourceCount[] = [];
  let brush: { x1: number; x2: number } | null = null;
  let announceWhenTypesKnown = false;
  let follow = saved.follow;
  let selectedEventId: string | null = saved.selectedEventId;
  let selectedMark: TimelineEventMark | null = null;
  let chain: CausationChain | null = null;
  let extent: TimeRange | null = null;
  let overview: BinsResult | null = null;
  let overviewSums: number[] = [];
  let bins: BinsResult | null = null;
  let types: TypeCount[] = [];
  let colours = new Map<string, string>();
  let theme: ThemeColours = readThemeColours(document.body);
  let layout: PlotLayout = layoutFor(1, 1);
  let minimapSize = { width: 1, height: 1 };
  let paints = 0;
  let dragging = false;

  const lanesCtx = context2d(elements.lanes);
  const minimapCtx = context2d(elements.minimap);

  const toolbar = buildToolbar(elements.toolbar, {
    lane: (mode) => {
      lane = mode;
      bins = null;
      changed(true);
    },
    fit: () => fit(),
    zoom: (factor) => range && setRange(zoomAround(range, factor, (range.from + range.to) / 2, extent)),
    follow: (on) => {
      follow = on;
      toolbar.setFollow(on);
      if (on && range && extent) setRange(followRange(range, extent.to));
      save();
    },
    showCorrelation: () => {
      const r = chain ? correlationRange(chain) : null;
      if (r) setRange(r);
    },
  });
  toolbar.setLane(lane);
  toolbar.setFollow(follow);

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
      if (selectedEventId && result.marks) {
        const found = result.marks.find((m) => m.eventId === selectedEventId);
        if (found) select(found, false);
      }
      render();
    },
    onError: (error: unknown) => setStatus(`Could not load the timeline: ${messageOf(error)}`),
  });

  const askBins = (immediately: boolean) => {
    if (!range) return;
    const params = binsParamsFor({ range, plotWidth: plotWidth(layout), laneRows: laneRowsThatFit(layout), lane, allTypes: types.map((t) => t.type), hiddenTypes: [...hidden], filter: filterRest });
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
    extent = result.to > result.from || result.total > 0 ? { from: result.from, to: result.to } : null;
  };

  const loadTypes = async () => {
    types = (await host.request(TypesRequest, {})).types;
    colours = assignColours(types);
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
      if (!range && extent) range = fitRange(extent);
      else if (range && follow && extent) range = followRange(range, extent.to);
      if (range) range = clampRange(range, extent);
      askBins(true);
      render();
      save();
      if (!extent) setStatus('The store holds no events with a timestamp yet.');
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

  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    if (saveTimer !== undefined) return;
    saveTimer = setTimeout(() => {
      saveTimer = undefined;
      api.setState({ version: 1, range, lane, hiddenTypes: [...hidden], follow, selectedEventId, ...(!isRestEmpty(filterRest) ? { filter: filterRest } : {}) });
    }, 150);
  };

  const setRange = (next: TimeRange) => {
    range = clampRange(next, extent);
    changed(false);
  };

  const changed = (immediately: boolean) => {
    askBins(immediately);
    render();
    save();
  };

  const fit = () => {
    if (extent) setRange(fitRange(extent));
  };

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
    selectedEventId = mark?.eventId ?? null;
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
    if (!range) {
      drawMinimap(minimapCtx, { width: minimapSize.width, height: minimapSize.height, left: layout.labelWidth, overview, visible: null, theme }, overviewSums);
      return;
    }
    const rows = rowIndex(bins?.lanes.map((l) => l.key) ?? []);
    const arrows = chain ? layoutArrows(chain, lane, rows, layout, range) : [];
    drawLanes(lanesCtx, { layout, range, bins, laneMode: lane, rows, colours, selectedEventId, arrows, theme, window: filterRest, brush });
    drawMinimap(minimapCtx, { width: minimapSize.width, height: minimapSize.height, left: layout.labelWidth, overview, visible: range, theme }, overviewSums);
    toolbar.setRange(`${formatTime(range.from)} → ${formatTime(range.to)} (${formatDuration(spanOf(range))})`);
    if (bins) {
      paints++;
      elements.lanes.dataset.paints = String(paints);
      elements.lanes.dataset.lanes = String(bins.lanes.length);
      elements.lanes.dataset.marks = String(bins.marks?.length ?? 0);
      // The newest event drawn: the bench times an append until it is on screen.
      elements.lanes.dataset.lastMarkId = bins.marks?.[bins.marks.length - 1]?.eventId ?? '';
      if (paints === 1) performance.mark('timeline-first-paint');
      const detail = bins.marks ? `${formatCount(bins.marks.length)} events shown individually` : `one bucket = ${formatDuration(bins.bucketMs)}`;
      setStatus(`${formatCount(bins.total)} events in view · ${bins.lanes.length} lanes · ${detail}${selectedMark ? ` · selected ${selectedMark.type} ${selectedMark.eventId}` : ''}`);
    }
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
  const markUnder = (x: number, y: number) => (range && bins?.marks ? markAt(bins.marks, rowIndex(bins.lanes.map((l) => l.key)), layout, range, x, y) : undefined);
  attachLaneInput(
    elements.lanes,
    {
      zoomAt: (factor, x) => {
        if (!range) return;
        const anchor = inPlot(layout, x) ? timeAtCanvasX(layout, range, x) : (range.from + range.to) / 2;
        setRange(zoomAround(range, factor, anchor, extent));
      },
      panPixels: (dx) => range && setRange(panByPixels(range, plotWidth(layout), dx, extent)),
      hover: (x, y) => {
        if (!range || !bins || dragging) return;
        const mark = markUnder(x, y);
        const rows = mark ? markTooltipRows(mark) : bucketRows(x, y);
        if (rows) showTooltip(elements.tooltip, rows, x, y, layout);
        else hideTooltip(elements.tooltip);
      },
      leave: () => hideTooltip(elements.tooltip),
      click: (x, y) => {
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
        if (!range) return;
        const span = spanOf(range);
        if (action === 'zoomIn') setRange(zoomAround(range, 0.5, (range.from + range.to) / 2, extent));
        else if (action === 'zoomOut') setRange(zoomAround(range, 2, (range.from + range.to) / 2, extent));
        else if (action === 'left') setRange(panBy(range, -span * 0.1, extent));
        else if (action === 'right') setRange(panBy(range, span * 0.1, extent));
        else if (action === 'home' && extent) setRange({ from: extent.from - span * 0.02, to: extent.from + span * 0.98 });
        else if (action === 'end' && extent) setRange({ from: extent.to - span * 0.98, to: extent.to + span * 0.02 });
      },
      dragging: (active) => {
        dragging = active;
        elements.lanes.classList.toggle('dragging', active);
      },
      brush: (x1, x2, done) => {
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
    if (!extent || !overview) return;
    const plot = Math.max(1, minimapSize.width - layout.labelWidth);
    const whole = { from: overview.from, to: overview.to };
    const t1 = timeOfX(whole, plot, x1 - layout.labelWidth);
    const t2 = timeOfX(whole, plot, x2 - layout.labelWidth);
    if (isClick && range) {
      const half = spanOf(range) / 2;
      setRange({ from: t1 - half, to: t1 + half });
    } else if (!isClick) setRange({ from: t1, to: Math.max(t2, t1 + 1) });
  });

  function bucketRows(x: number, y: number): [string, string][] | undefined {
    if (!range || !bins) return undefined;
    const hit = bucketAt(bins, layout, range, x, y);
    return hit && hit.count > 0 ? bucketTooltipRows(hit.lane, hit.count, hit.from, hit.to) : undefined;
  }

  // ------------------------------------------------------------ host notifications

  host.onNotification(StoreInfoNotification, (info) => {
    toolbar.setStore(`${info.label} · ${formatCount(info.eventCount)} events`);
    if (info.filter) adoptFilter(info.filter);
    else if (hidden.size > 0 || !isRestEmpty(filterRest)) announceSavedFilter();
  });
  host.onNotification(StoreGrewNotification, (grew) => {
    // Following: move to the new end and ask for it at once; the legend, overview and sources catch up after.
    if (follow && range && extent && grew.lastTimestampMs !== undefined && grew.lastTimestampMs > extent.to) {
      extent = { from: extent.from, to: grew.lastTimestampMs };
      range = clampRange(followRange(range, extent.to), extent);
      askBins(true);
      render();
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
    selectedEventId = reveal.eventId;
    if (reveal.correlationId) void loadChain(reveal.correlationId);
    if (reveal.timestampMs !== null) {
      const span = Math.min(range ? spanOf(range) : REVEAL_SPAN_MS, REVEAL_SPAN_MS);
      follow = false;
      toolbar.setFollow(false);
      setRange({ from: reveal.timestampMs - span / 2, to: reveal.timestampMs + span / 2 });
    }
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
