"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.shownTypes = shownTypes;
exports.hiddenFor = hiddenFor;
exports.sharedFilterOf = sharedFilterOf;
exports.restOf = restOf;
exports.withoutWindow = withoutWindow;
exports.hasWindow = hasWindow;
exports.isRestEmpty = isRestEmpty;
exports.windowBetween = windowBetween;
/** The shown types when some are hidden; undefined when every type shows. */
function shownTypes(allTypes, hidden) {
    return hidden.size > 0 ? allTypes.filter((type) => !hidden.has(type)) : undefined;
}
/** The hidden set for a filter's shown types (none listed: nothing hidden). */
function hiddenFor(allTypes, types) {
    if (!types || types.length === 0)
        return new Set();
    const shown = new Set(types);
    return new Set(allTypes.filter((type) => !shown.has(type)));
}
function sharedFilterOf(allTypes, hidden, rest) {
    const types = shownTypes(allTypes, hidden);
    return normalizedRest({ ...rest, ...(types ? { types } : {}) });
}
/** The fields without types, empty ones dropped. */
function restOf(filter) {
    const { types: _types, ...rest } = filter;
    return normalizedRest(rest);
}
/** What the server counts with: no time window (the overview shows the whole store so the window can be seen in it). */
function withoutWindow(rest) {
    const { from: _from, to: _to, ...others } = rest;
    return others;
}
function hasWindow(rest) {
    return rest.from !== undefined || rest.to !== undefined;
}
function isRestEmpty(rest) {
    return Object.keys(normalizedRest(rest)).length === 0;
}
/** A time window from two times in either order (a brush dragged right to left is the same window). */
function windowBetween(t1, t2) {
    return { from: Math.min(t1, t2), to: Math.max(t1, t2) };
}
function normalizedRest(filter) {
    const out = {};
    for (const [key, value] of Object.entries(filter)) {
        if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
            continue;
        out[key] = value;
    }
    return out;
}
//# sourceMappingURL=sharedFilterState.js.map