import {
  DebugFromHereCommand,
  SnapshotDriftRequest,
  SnapshotsListRequest,
  StateRequest,
  StepsAppendedNotification,
  StepsRequest,
  StoreRewrittenNotification,
  SubjectNotification,
  type InspectorMode,
  type InspectorSavedState,
  type InspectorSnapshot,
  type InspectorSubject,
  type StateAtSequence,
  type StepsPage,
  type SubjectParams,
} from '../../shared/webviewProtocol';
import { el } from '../shared/dom';
import { prettyJson } from '../shared/escape';
import type { HostConnection } from '../shared/hostConnection';
import type { VsCodeApi } from '../shared/vscodeApi';
import type { DiffRow } from './diffRows';
import { diffBlock, type DiffBlockOptions } from './diffTable';
import { buildInspectorDom, DEFAULT_PLAY_SPEED, type InspectorDom } from './inspectorDom';
import { validateJump } from './jumpToSequence';
import { DEFAULT_CHOICES, restoreChoices, sameSubject, toSavedState, type PageChoices } from './savedState';
import { StateCache } from './stateCache';
import { addPage, EMPTY_STEPS, hasMore, indexOfSequence, nextPage, positionLabel, sequenceBefore, stepLabel, type StepList } from './stepList';
import { appendStepRows, markRows, rowAt } from './stepListView';

export interface InspectorPageDeps {
  readonly connection: HostConnection;
  readonly api: VsCodeApi<InspectorSavedState>;
  readonly root: HTMLElement;
  readonly diff: (before: unknown, after: unknown) => Promise<DiffRow[]>;
  readonly pageSize?: number;
  /** Wait after the slider moves before rebuilding (dragging would otherwise ask for every step passed). */
  readonly settleMs?: number;
}

type Marks = { selected: number | null; a: number | null; b: number | null };

/**
 * The inspector page: keeps the loaded steps and the person's choices,
 * asks the host for steps, states and snapshot drift, and renders them as
 * text. Choices are saved with setState after every change, so a hidden
 * and re-shown (or reloaded) page comes back where it was.
 */
export class InspectorPage {
  private readonly ui: InspectorDom;
  private readonly states: StateCache<StateAtSequence>;
  private readonly pageSize: number;
  private subject: InspectorSubject | null = null;
  private steps: StepList = EMPTY_STEPS;
  private selected: number | null = null;
  private choices: PageChoices = DEFAULT_CHOICES;
  private snapshots: InspectorSnapshot[] = [];
  private marks: Marks = { selected: null, a: null, b: null };
  /** Bumped by each detail render: an older render whose replies arrive late draws nothing. */
  private detailToken = 0;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  /** The detail render in flight: play waits for it, so it never outruns the server. */
  private rendering: Promise<void> = Promise.resolve();
  private playing = false;
  private playTimer: ReturnType<typeof setTimeout> | undefined;
  /** Where the slider rests while its page loads. */
  private pendingIndex: number | null = null;

  constructor(private readonly deps: InspectorPageDeps) {
    this.ui = buildInspectorDom(deps.root);
    this.pageSize = deps.pageSize ?? 500;
    this.states = new StateCache((atSequence) => deps.connection.request(StateRequest, { atSequence }));
    this.wireControls();
    deps.connection.onNotification(SubjectNotification, (params) => this.track(this.openSubject(params)));
    deps.connection.onNotification(StepsAppendedNotification, (page) => this.track(this.onAppended(page)));
    deps.connection.onNotification(StoreRewrittenNotification, () => this.track(this.reload()));
    const saved = deps.api.getState();
    if (saved) this.ui.title.textContent = titleOf(saved.subject);
  }

  // ------------------------------------------------------------ host messages

  private async openSubject(params: SubjectParams): Promise<void> {
    if (this.subject && sameSubject(this.subject, params)) {
      // The command named the aggregate again (maybe with a step to show).
      if (params.focusSequence !== undefined) await this.selectSequence(params.focusSequence);
      return;
    }
    this.subject = { aggregateId: params.aggregateId, store: params.store };
    this.choices = restoreChoices(this.deps.api.getState(), params);
    this.steps = EMPTY_STEPS;
    this.selected = null;
    this.states.clear();
    this.ui.stepList.replaceChildren();
    this.ui.title.textContent = titleOf(this.subject);
    const wantedSequence = this.choices.selectedSequence;
    await this.loadSteps(Math.max(this.choices.loadedCount, 1), wantedSequence);
    await this.loadSnapshots();
    const wanted = wantedSequence === null ? -1 : indexOfSequence(this.steps, wantedSequence);
    this.select(wanted >= 0 ? wanted : this.steps.steps.length > 0 ? 0 : null);
    this.setMode(this.choices.mode);
  }

  private async onAppended(page: StepsPage): Promise<void> {
    if (!this.subject) return;
    const before = this.steps.steps.length;
    this.steps = addPage(this.steps, page);
    appendStepRows(this.ui.stepList, this.steps.steps, before);
    this.renderPosition();
    this.setStatus(`${this.steps.total.toLocaleString('en-US')} events (${page.steps.length} new)`);
  }

  /** The store was rewritten: states may have changed, so fetch everything again and keep the place by sequence. */
  private async reload(): Promise<void> {
    if (!this.subject) return;
    const keep = this.currentSequence();
    const count = this.steps.steps.length;
    this.states.clear();
    this.steps = EMPTY_STEPS;
    this.selected = null;
    this.ui.stepList.replaceChildren();
    await this.loadSteps(Math.max(count, 1), keep);
    await this.loadSnapshots();
    const index = keep === null ? -1 : indexOfSequence(this.steps, keep);
    this.select(index >= 0 ? index : this.steps.steps.length > 0 ? 0 : null);
  }

  // ------------------------------------------------------------ loading

  /** Loads pages until `count` steps are there (and `sequence`, when given, is among them or past every page). */
  private async loadSteps(count: number, sequence: number | null = null): Promise<void> {
    const isThere = (): boolean =>
      this.steps.steps.length >= count && (sequence === null || indexOfSequence(this.steps, sequence) >= 0);
    do {
      const request = this.steps.steps.length === 0 && this.steps.total === 0 ? { offset: 0, limit: this.pageSize } : nextPage(this.steps, this.pageSize);
      if (!request) break;
      let page;
      try {
        page = await this.deps.connection.request(StepsRequest, request);
      } catch (error) {
        this.setStatus(`Could not load the events: ${messageOf(error)}`, true);
        return;
      }
      const before = this.steps.steps.length;
      this.steps = addPage(this.steps, page);
      appendStepRows(this.ui.stepList, this.steps.steps, before);
      if (page.steps.length === 0) break;
    } while (!isThere());
    this.renderPosition();
    this.saveChoices();
    if (this.steps.total === 0) this.setStatus('This aggregate has no events.');
  }

  private async loadSnapshots(): Promise<void> {
    try {
      this.snapshots = (await this.deps.connection.request(SnapshotsListRequest, {})).snapshots;
    } catch (error) {
      this.snapshots = [];
      this.setStatus(`Could not list the snapshots: ${messageOf(error)}`, true);
    }
  }

  // ------------------------------------------------------------ selection and modes

  private select(index: number | null): void {
    if (index !== null && (index < 0 || index >= this.steps.steps.length)) return;
    this.selected = index;
    this.renderMarks();
    this.renderPosition();
    if (index !== null) rowAt(this.ui.stepList, index)?.scrollIntoView({ block: 'nearest' });
    this.saveChoices();
    this.renderDetail();
  }

  private async selectSequence(sequence: number): Promise<void> {
    let index = indexOfSequence(this.steps, sequence);
    if (index < 0 && hasMore(this.steps)) {
      await this.loadSteps(this.steps.steps.length, sequence);
      index = indexOfSequence(this.steps, sequence);
    }
    if (index >= 0) this.select(index);
    else this.setStatus(`No event of this aggregate has sequence ${sequence}.`, true);
  }

  private setMode(mode: InspectorMode): void {
    this.choices = { ...this.choices, mode };
    for (const [name, button] of Object.entries(this.ui.modeButtons)) button.setAttribute('aria-pressed', String(name === mode));
    this.saveChoices();
    this.renderDetail();
  }

  private currentSequence(): number | null {
    return this.selected === null ? null : (this.steps.steps[this.selected]?.sequence ?? null);
  }

  private saveChoices(): void {
    if (!this.subject) return;
    // While steps load nothing is selected yet: keep the sequence that will be selected.
    const selectedSequence = this.selected === null ? this.choices.selectedSequence : this.currentSequence();
    this.choices = { ...this.choices, selectedSequence, loadedCount: this.steps.steps.length };
    this.deps.api.setState(toSavedState(this.subject, this.choices));
  }

  // ------------------------------------------------------------ rendering

  private renderPosition(): void {
    const count = this.steps.steps.length;
    // The slider spans the whole aggregate; steps past what is loaded load when it rests there.
    const total = Math.max(this.steps.total, count);
    this.ui.slider.max = String(Math.max(0, total - 1));
    this.ui.slider.disabled = total === 0;
    this.ui.play.disabled = total === 0;
    const at = this.pendingIndex ?? this.selected;
    if (at !== null) this.ui.slider.value = String(at);
    this.ui.position.textContent = positionLabel(this.steps, at, this.pendingIndex !== null);
    this.ui.loadMore.hidden = !hasMore(this.steps);
    this.ui.loadMore.textContent = `Load more (${(this.steps.total - count).toLocaleString('en-US')} left)`;
  }

  private renderMarks(): void {
    const next: Marks = {
      selected: this.selected,
      a: this.choices.compareA === null ? null : nonNegative(indexOfSequence(this.steps, this.choices.compareA)),
      b: this.choices.compareB === null ? null : nonNegative(indexOfSequence(this.steps, this.choices.compareB)),
    };
    markRows(this.ui.stepList, next, this.marks);
    this.marks = next;
    if (this.selected !== null) this.ui.stepList.setAttribute('aria-activedescendant', `step-${this.selected}`);
    // A step without a sequence number has no place to start a session from.
    this.ui.debugHere.disabled = this.currentSequence() === null;
  }

  private renderDetail(): void {
    const token = ++this.detailToken;
    const mode = this.choices.mode;
    const render = mode === 'compare' ? this.renderCompare(token) : mode === 'snapshot' ? this.renderSnapshot(token) : this.renderStep(token);
    this.rendering = render.catch(() => undefined);
    this.track(render);
  }

  private show(token: number, ...parts: HTMLElement[]): boolean {
    if (token !== this.detailToken) return false;
    this.ui.detail.replaceChildren(...parts);
    return true;
  }

  private async renderStep(token: number): Promise<void> {
    const step = this.selected === null ? undefined : this.steps.steps[this.selected];
    if (!step || this.selected === null) {
      this.show(token, el('p', { className: 'note', text: this.steps.steps.length === 0 ? 'No events to show.' : 'Select a step.' }));
      return;
    }
    const heading = el('h2', { text: stepLabel(step) });
    const meta = el('p', { className: 'meta', text: [step.timestamp ?? 'no timestamp', step.source, step.status, step.eventId].join(' · ') });
    if (step.sequence === null) {
      this.show(token, heading, meta, el('p', { className: 'note', text: 'This event has no sequence number, so no state can be rebuilt at it.' }));
      return;
    }
    this.show(token, heading, meta, el('p', { className: 'note', text: 'Rebuilding…' }));
    const beforeSequence = sequenceBefore(this.steps, this.selected);
    try {
      const [after, before] = await Promise.all([
        this.states.get(step.sequence),
        beforeSequence === null ? Promise.resolve(undefined) : this.states.get(beforeSequence),
      ]);
      if (token !== this.detailToken) return;
      const rows = await this.deps.diff(before?.state ?? {}, after.state);
      this.show(
        token,
        heading,
        meta,
        diffBlock(rows, this.selected === 0 ? 'Changes from the initial state' : `Changes from #${beforeSequence}`, blockOptions(before, after)),
        el('h3', { text: `State after #${step.sequence}` }),
        ...(after.fromSnapshot ? [el('p', { className: 'note', text: `Rebuilt from snapshot ${after.fromSnapshot} plus ${after.eventsApplied} events.` })] : []),
        ...roundedNote(after),
        el('pre', { className: 'state', text: stateTextOf(after) }),
      );
    } catch (error) {
      this.show(token, heading, meta, el('p', { className: 'error', text: `Could not rebuild the state at #${step.sequence}: ${messageOf(error)}` }));
    }
  }

  private async renderCompare(token: number): Promise<void> {
    const { compareA, compareB } = this.choices;
    const setA = el('button', { text: 'Set A to the selected step', attrs: { type: 'button', id: 'set-a' } });
    const setB = el('button', { text: 'Set B to the selected step', attrs: { type: 'button', id: 'set-b' } });
    setA.addEventListener('click', () => this.pick('compareA'));
    setB.addEventListener('click', () => this.pick('compareB'));
    const picks = el('div', { className: 'picks' }, [
      el('span', { className: 'pick', text: `A: ${this.labelOfSequence(compareA)}` }),
      setA,
      el('span', { className: 'pick', text: `B: ${this.labelOfSequence(compareB)}` }),
      setB,
    ]);
    if (compareA === null || compareB === null) {
      this.show(token, picks, el('p', { className: 'note', text: 'Pick two steps: select one in the list and set it as A, then another as B.' }));
      return;
    }
    this.show(token, picks, el('p', { className: 'note', text: 'Rebuilding…' }));
    try {
      const [a, b] = await Promise.all([this.states.get(compareA), this.states.get(compareB)]);
      if (token !== this.detailToken) return;
      const rows = await this.deps.diff(a.state, b.state);
      this.show(
        token,
        picks,
        diffBlock(rows, `From A (#${compareA}) to B (#${compareB})`, blockOptions(a, b)),
        stateDetails(`State at A (#${compareA})`, stateTextOf(a)),
        stateDetails(`State at B (#${compareB})`, stateTextOf(b)),
      );
    } catch (error) {
      this.show(token, picks, el('p', { className: 'error', text: `Could not rebuild the states to compare: ${messageOf(error)}` }));
    }
  }

  private async renderSnapshot(token: number): Promise<void> {
    if (this.snapshots.length === 0) {
      this.show(token, el('p', { className: 'note', text: 'This aggregate has no snapshots.' }));
      return;
    }
    const chosen = this.snapshots.find((s) => s.sequenceNumber === this.choices.snapshotSequence) ?? this.snapshots[this.snapshots.length - 1];
    const picker = el(
      'select',
      { attrs: { id: 'snapshot-select', 'aria-label': 'Snapshot' } },
      this.snapshots.map((s) => el('option', { text: `#${s.sequenceNumber} ${s.file}`, attrs: { value: String(s.sequenceNumber) } })),
    );
    picker.value = String(chosen.sequenceNumber);
    picker.addEventListener('change', () => {
      this.choices = { ...this.choices, snapshotSequence: Number(picker.value) };
      this.saveChoices();
      this.renderDetail();
    });
    const header = el('div', { className: 'picks' }, [el('label', { text: 'Snapshot ', attrs: { for: 'snapshot-select' } }), picker]);
    this.show(token, header, el('p', { className: 'note', text: 'Verifying…' }));
    try {
      const drift = await this.deps.connection.request(SnapshotDriftRequest, { sequenceNumber: chosen.sequenceNumber, file: chosen.file });
      if (token !== this.detailToken) return;
      const verdict = drift.error
        ? el('p', { className: 'error', text: `Could not verify ${drift.file}: ${drift.error}` })
        : drift.ok
          ? el('p', { className: 'ok', text: `No drift: ${drift.file} equals the state rebuilt from the events up to #${drift.sequenceNumber}.` })
          : el('div', { className: 'drift' }, [
              el('p', { className: 'error', text: `Drift: ${drift.differences.length} differences between ${drift.file} and the state rebuilt from the events.` }),
              el('ul', {}, drift.differences.map((line) => el('li', { text: line }))),
            ]);
      const parts: HTMLElement[] = [header, verdict];
      const step = this.selected === null ? undefined : this.steps.steps[this.selected];
      if (drift.snapshotStateKnown && step && step.sequence !== null) {
        const at = await this.states.get(step.sequence);
        if (token !== this.detailToken) return;
        const rows = await this.deps.diff(drift.snapshotState, at.state);
        parts.push(diffBlock(rows, `From the snapshot (#${drift.sequenceNumber}) to the selected step (#${step.sequence})`, blockOptions(undefined, at)));
      }
      if (drift.snapshotStateKnown) parts.push(stateDetails('Snapshot state', prettyJson(drift.snapshotState)));
      this.show(token, ...parts);
    } catch (error) {
      this.show(token, header, el('p', { className: 'error', text: `Could not verify the snapshot: ${messageOf(error)}` }));
    }
  }

  private pick(which: 'compareA' | 'compareB'): void {
    const sequence = this.currentSequence();
    if (sequence === null) {
      this.setStatus('Select a step that has a sequence number first.', true);
      return;
    }
    this.choices = { ...this.choices, [which]: sequence };
    this.renderMarks();
    this.saveChoices();
    this.renderDetail();
  }

  private labelOfSequence(sequence: number | null): string {
    if (sequence === null) return 'not set';
    const index = indexOfSequence(this.steps, sequence);
    return index >= 0 ? stepLabel(this.steps.steps[index]) : `#${sequence}`;
  }

  private setStatus(text: string, isError = false): void {
    this.ui.status.textContent = text;
    this.ui.status.classList.toggle('error', isError);
  }

  // ------------------------------------------------------------ controls

  private wireControls(): void {
    const { ui } = this;
    ui.stepList.addEventListener('click', (event) => {
      const row = event.target instanceof Element ? event.target.closest('li[data-index]') : null;
      if (row) this.select(Number(row.getAttribute('data-index')));
    });
    ui.stepList.addEventListener('keydown', (event) => {
      const delta = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
      if (delta === 0) return;
      event.preventDefault();
      const next = (this.selected ?? -1) + delta;
      if (next >= 0 && next < this.steps.steps.length) this.select(next);
    });
    ui.slider.addEventListener('input', () => {
      // Move the marks at once; load the step's page and rebuild only when the slider rests.
      const index = Number(ui.slider.value);
      if (index < this.steps.steps.length) {
        this.pendingIndex = null;
        this.selected = index;
        this.renderMarks();
      } else this.pendingIndex = index;
      this.renderPosition();
      if (this.settleTimer !== undefined) clearTimeout(this.settleTimer);
      this.settleTimer = setTimeout(() => this.track(this.goTo(index)), this.deps.settleMs ?? 120);
    });
    ui.play.addEventListener('click', () => (this.playing ? this.pause() : this.play()));
    ui.debugHere.addEventListener('click', () => {
      const sequenceNumber = this.currentSequence();
      if (sequenceNumber !== null) this.deps.connection.command(DebugFromHereCommand, { sequenceNumber });
    });
    ui.speed.addEventListener('change', () => {
      // A new speed counts from now, not from the last tick.
      if (this.playing) this.scheduleNextStep();
    });
    ui.jumpForm.addEventListener('submit', (event) => {
      event.preventDefault();
      this.track(this.jump(ui.jumpInput.value));
    });
    ui.jumpInput.addEventListener('input', () => {
      ui.jumpError.textContent = '';
      ui.jumpInput.removeAttribute('aria-invalid');
    });
    ui.loadMore.addEventListener('click', () => this.track(this.loadSteps(this.steps.steps.length + this.pageSize)));
    for (const [mode, button] of Object.entries(ui.modeButtons)) button.addEventListener('click', () => this.setMode(mode as InspectorMode));
  }

  /** Selects step `index` of the whole aggregate, loading the pages up to it first. */
  private async goTo(index: number): Promise<void> {
    if (index >= this.steps.steps.length && hasMore(this.steps)) {
      this.pendingIndex = index;
      this.renderPosition();
      await this.loadSteps(index + 1);
    }
    // The slider may have moved on while the pages loaded: only its last resting place counts.
    if (this.pendingIndex !== null && this.pendingIndex !== index) return;
    this.pendingIndex = null;
    this.select(Math.min(index, this.steps.steps.length - 1));
  }

  private play(): void {
    if (this.steps.total === 0 && this.steps.steps.length === 0) return;
    // At the last step, play starts over.
    if (this.selected !== null && this.selected >= Math.max(this.steps.total, this.steps.steps.length) - 1) this.select(0);
    this.playing = true;
    this.ui.play.textContent = 'Pause';
    this.ui.play.setAttribute('aria-pressed', 'true');
    this.scheduleNextStep();
  }

  private pause(): void {
    this.playing = false;
    if (this.playTimer !== undefined) clearTimeout(this.playTimer);
    this.playTimer = undefined;
    this.ui.play.textContent = 'Play';
    this.ui.play.setAttribute('aria-pressed', 'false');
  }

  private scheduleNextStep(): void {
    if (this.playTimer !== undefined) clearTimeout(this.playTimer);
    const perSecond = Number(this.ui.speed.value) || DEFAULT_PLAY_SPEED;
    this.playTimer = setTimeout(() => this.track(this.playNextStep()), 1000 / perSecond);
  }

  /** One tick of play: the next step (its page loaded first), then the next tick once its diff is drawn. */
  private async playNextStep(): Promise<void> {
    if (!this.playing) return;
    const next = (this.selected ?? -1) + 1;
    if (next >= Math.max(this.steps.total, this.steps.steps.length)) {
      this.pause();
      this.setStatus('Played to the last event.');
      return;
    }
    if (next >= this.steps.steps.length) await this.loadSteps(next + 1);
    if (!this.playing || next >= this.steps.steps.length) {
      if (this.playing) this.pause();
      return;
    }
    this.select(next);
    await this.rendering;
    if (this.playing) this.scheduleNextStep();
  }

  private async jump(input: string): Promise<void> {
    let result = validateJump(input, this.steps);
    if (result.kind === 'loadMore') {
      await this.loadSteps(this.steps.steps.length, result.sequence);
      result = validateJump(input, this.steps);
      if (result.kind === 'loadMore') result = { kind: 'invalid', message: `No event of this aggregate has sequence ${result.sequence}.` };
    }
    if (result.kind === 'invalid') {
      this.ui.jumpError.textContent = result.message;
      this.ui.jumpInput.setAttribute('aria-invalid', 'true');
      return;
    }
    this.ui.jumpError.textContent = '';
    this.ui.jumpInput.removeAttribute('aria-invalid');
    this.select(result.index);
  }

  /** Runs background work, reporting a failure in the status line instead of an unhandled rejection. */
  private track(work: Promise<void>): void {
    work.catch((error: unknown) => this.setStatus(`Something went wrong: ${messageOf(error)}`, true));
  }
}

function stateDetails(summary: string, text: string): HTMLElement {
  return el('details', { className: 'state-details' }, [el('summary', { text: summary }), el('pre', { className: 'state', text })]);
}

/** The state as the store spelled its numbers (`1.0`, all 20 digits) when the server says, else as computed. */
function stateTextOf(at: StateAtSequence): string {
  return at.stateText ?? prettyJson(at.state);
}

function blockOptions(before: StateAtSequence | undefined, after: StateAtSequence): DiffBlockOptions {
  return {
    bookkeepingKeys: [...new Set([...(before?.bookkeepingKeys ?? []), ...(after.bookkeepingKeys ?? ['_meta'])])],
    spellings: { ...(before?.numberSpellings ? { before: before.numberSpellings } : {}), ...(after.numberSpellings ? { after: after.numberSpellings } : {}) },
  };
}

/** EB026: numbers beyond 2^53 are computed rounded; say so instead of showing a rounded value as if it were the event's. */
function roundedNote(at: StateAtSequence): HTMLElement[] {
  if (!at.roundedNumbers || at.roundedNumbers.length === 0) return [];
  const shown = at.stateText === undefined ? 'shows them rounded' : 'spells them as the events wrote them';
  return [el('p', { className: 'note rounded', text: `EB026: numbers beyond 2^53 at ${at.roundedNumbers.join(', ')} lose digits when computed with; the state below ${shown}.` })];
}

function titleOf(subject: InspectorSubject): string {
  return `Time-Travel Inspector — ${subject.aggregateId}`;
}

function nonNegative(index: number): number | null {
  return index >= 0 ? index : null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
