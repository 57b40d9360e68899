"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_CHOICES = void 0;
exports.toSavedState = toSavedState;
exports.sameSubject = sameSubject;
exports.restoreChoices = restoreChoices;
exports.DEFAULT_CHOICES = {
    mode: 'step',
    selectedSequence: null,
    compareA: null,
    compareB: null,
    snapshotSequence: null,
    loadedCount: 0,
};
function toSavedState(subject, choices) {
    return {
        version: 1,
        // Only the subject's own fields: the saved state goes to disk with the window.
        subject: subject.store === undefined ? { aggregateId: subject.aggregateId } : { aggregateId: subject.aggregateId, store: subject.store },
        ...choices,
    };
}
function sameSubject(a, b) {
    return a.aggregateId === b.aggregateId && (a.store ?? '') === (b.store ?? '');
}
/**
 * What to restore when the host names the subject: the saved choices when
 * they were made for the same aggregate (a hide/show or a reload), else the
 * defaults; a `focusSequence` from the command wins over a saved selection.
 */
function restoreChoices(saved, subject) {
    const base = saved && sameSubject(saved.subject, subject) ? pickChoices(saved) : exports.DEFAULT_CHOICES;
    if (subject.focusSequence === undefined)
        return base;
    return { ...base, mode: base.mode === 'snapshot' ? 'snapshot' : 'step', selectedSequence: subject.focusSequence };
}
function pickChoices(saved) {
    return {
        mode: saved.mode,
        selectedSequence: saved.selectedSequence,
        compareA: saved.compareA,
        compareB: saved.compareB,
        snapshotSequence: saved.snapshotSequence,
        loadedCount: saved.loadedCount,
    };
}
//# sourceMappingURL=savedState.js.map