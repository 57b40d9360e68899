import type { InspectorSavedState, InspectorSubject, SubjectParams } from '../../shared/webviewProtocol';

/** The choices the page has made, as it keeps them with setState (positions by sequence, never states). */
export type PageChoices = Omit<InspectorSavedState, 'version' | 'subject'>;

export const DEFAULT_CHOICES: PageChoices = {
  mode: 'step',
  selectedSequence: null,
  compareA: null,
  compareB: null,
  snapshotSequence: null,
  loadedCount: 0,
};

export function toSavedState(subject: InspectorSubject, choices: PageChoices): InspectorSavedState {
  return {
    version: 1,
    // Only the subject's own fields: the saved state goes to disk with the window.
    subject: { aggregateId: subject.aggregateId, store: subject.store },
    ...choices,
  };
}

export function sameSubject(a: InspectorSubject, b: InspectorSubject): boolean {
  return a.aggregateId === b.aggregateId && a.store === b.store;
}

/**
 * What to restore when the host names the subject: the saved choices when
 * they were made for the same aggregate (a hide/show or a reload), else the
 * defaults; a `focusSequence` from the command wins over a saved selection.
 */
export function restoreChoices(saved: InspectorSavedState | undefined, subject: SubjectParams): PageChoices {
  const base = saved && sameSubject(saved.subject, subject) ? pickChoices(saved) : DEFAULT_CHOICES;
  if (subject.focusSequence === undefined) return base;
  return { ...base, mode: base.mode === 'snapshot' ? 'snapshot' : 'step', selectedSequence: subject.focusSequence };
}

function pickChoices(saved: InspectorSavedState): PageChoices {
  return {
    mode: saved.mode,
    selectedSequence: saved.selectedSequence,
    compareA: saved.compareA,
    compareB: saved.compareB,
    snapshotSequence: saved.snapshotSequence,
    loadedCount: saved.loadedCount,
  };
}
