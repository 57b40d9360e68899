"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EMPTY_STEPS = void 0;
exports.addPage = addPage;
exports.hasMore = hasMore;
exports.nextPage = nextPage;
exports.indexOfSequence = indexOfSequence;
exports.sequenceBefore = sequenceBefore;
exports.stepLabel = stepLabel;
exports.positionLabel = positionLabel;
exports.stepFlags = stepFlags;
exports.EMPTY_STEPS = { steps: [], total: 0 };
/**
 * Merges a page. A page that starts inside or right after what is loaded
 * replaces from its offset on (the store may have been re-read); a page past
 * the end would leave a hole, so only its total is taken.
 */
function addPage(list, page) {
    if (page.offset > list.steps.length)
        return { steps: list.steps, total: Math.max(page.total, list.steps.length) };
    const steps = list.steps.slice(0, page.offset).concat(page.steps);
    return { steps, total: Math.max(page.total, steps.length) };
}
function hasMore(list) {
    return list.steps.length < list.total;
}
/** The request for the next page, or undefined when every step is loaded. */
function nextPage(list, pageSize) {
    if (!hasMore(list))
        return undefined;
    return { offset: list.steps.length, limit: Math.max(1, Math.min(pageSize, list.total - list.steps.length)) };
}
function indexOfSequence(list, sequence) {
    return list.steps.findIndex((step) => step.sequence === sequence);
}
/**
 * The sequence whose state is "before" step `index`: the previous step that
 * has a sequence, or one less than the step's own for the first step (the
 * rebuild then applies none of the aggregate's events). Null when the step
 * itself has no sequence.
 */
function sequenceBefore(list, index) {
    const step = list.steps[index];
    if (!step || step.sequence === null)
        return null;
    for (let i = index - 1; i >= 0; i--) {
        const sequence = list.steps[i].sequence;
        if (sequence !== null)
            return sequence;
    }
    return step.sequence - 1;
}
function stepLabel(step) {
    return `#${step.sequence ?? '–'} ${step.type}`;
}
/**
 * "step 3 of 12,000": the position in the whole aggregate, whatever is
 * loaded (the slider spans every event; pages load as it moves).
 * `pending` is a place the slider reached whose page is still on its way.
 */
function positionLabel(list, index, pending = false) {
    const total = Math.max(list.total, list.steps.length);
    if (total === 0)
        return 'no events';
    const at = index === null ? '–' : (index + 1).toLocaleString('en-US');
    return `step ${at} of ${total.toLocaleString('en-US')}${pending ? ' (loading…)' : ''}`;
}
/** Whether the step is marked in the list: failed or retried events stand out. */
function stepFlags(step) {
    const flags = [];
    if (step.status !== 'completed' && step.status !== '')
        flags.push(step.status);
    if (step.retryCount > 0)
        flags.push(`retried ${step.retryCount}×`);
    if (step.sequence === null)
        flags.push('no sequence');
    return flags;
}
//# sourceMappingURL=stepList.js.map