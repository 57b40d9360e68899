"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TROUBLE_COLOUR = exports.PATTERNS = exports.PALETTE = void 0;
exports.hashHue = hashHue;
exports.styleOfRank = styleOfRank;
exports.assignTypeStyles = assignTypeStyles;
exports.styleOf = styleOf;
exports.colourOf = colourOf;
exports.swatchBackground = swatchBackground;
exports.isTroubled = isTroubled;
exports.isTroubledLane = isTroubledLane;
exports.densityAlpha = densityAlpha;
exports.PALETTE = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#CC79A7', '#BBBBBB'];
exports.PATTERNS = ['solid', 'stripes', 'dots', 'cross'];
/** Reserved for events that failed or were retried (never a type's colour). */
exports.TROUBLE_COLOUR = '#e15759';
function hashHue(text) {
    let hash = 2166136261;
    for (let i = 0; i < text.length; i++) {
        hash ^= text.charCodeAt(i);
        hash = Math.imul(hash, 16777619);
    }
    // Skip the reds (around 0°/360°): red means trouble.
    return 30 + ((hash >>> 0) % 300);
}
/** The style of the type ranked `rank` (0 = most frequent). */
function styleOfRank(rank, type) {
    const round = Math.floor(rank / exports.PALETTE.length);
    if (round < exports.PATTERNS.length)
        return { colour: exports.PALETTE[rank % exports.PALETTE.length], pattern: exports.PATTERNS[round] };
    return { colour: `hsl(${hashHue(type)}, 55%, 55%)`, pattern: exports.PATTERNS[rank % exports.PATTERNS.length] };
}
function assignTypeStyles(types) {
    const ordered = [...types].sort((a, b) => b.count - a.count || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
    return new Map(ordered.map((entry, rank) => [entry.type, styleOfRank(rank, entry.type)]));
}
function styleOf(styles, type) {
    return styles.get(type) ?? { colour: `hsl(${hashHue(type)}, 55%, 55%)`, pattern: 'solid' };
}
function colourOf(styles, type) {
    return styleOf(styles, type).colour;
}
/** The legend swatch's CSS background for a style (a gradient draws the pattern). */
function swatchBackground(style) {
    const c = style.colour;
    switch (style.pattern) {
        case 'solid':
            return c;
        case 'stripes':
            return `repeating-linear-gradient(45deg, ${c} 0 2px, transparent 2px 4px)`;
        case 'dots':
            return `radial-gradient(${c} 1.2px, transparent 1.4px) 0 0 / 4px 4px`;
        case 'cross':
            return `repeating-linear-gradient(45deg, ${c} 0 1px, transparent 1px 4px), repeating-linear-gradient(-45deg, ${c} 0 1px, transparent 1px 4px)`;
    }
}
const TROUBLE_STATUS = new Set(['failed', 'error', 'errored', 'dead_letter', 'dead-lettered', 'retrying']);
const TROUBLE_TYPE = /fail|error|exception|dead.?letter|rejected/i;
/**
 * An event that failed, errored or was retried: by its status and retry
 * count when the server sends them, else by a type name that says so.
 */
function isTroubled(mark) {
    if (mark.status !== undefined && TROUBLE_STATUS.has(mark.status.toLowerCase()))
        return true;
    if ((mark.retryCount ?? 0) > 0)
        return true;
    return TROUBLE_TYPE.test(mark.type);
}
/** A lane whose key names trouble (lanes by type: `payment_failed`). */
function isTroubledLane(key) {
    return TROUBLE_TYPE.test(key);
}
/** Density as opacity: log-scaled so one event in a bucket is visible next to a thousand. */
function densityAlpha(count, max) {
    if (count <= 0 || max <= 0)
        return 0;
    return 0.18 + 0.82 * (Math.log1p(count) / Math.log1p(max));
}
//# sourceMappingURL=colours.js.map