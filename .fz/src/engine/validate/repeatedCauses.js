"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CauseTally = exports.FIRST_PLACES = void 0;
exports.causeOf = causeOf;
exports.scopedCauseOf = scopedCauseOf;
exports.collapseRepeats = collapseRepeats;
exports.repeatSuffix = repeatSuffix;
exports.findingsBefore = findingsBefore;
const finding_1 = require("./finding");
/** How many places of a repeated cause are kept (and shown); the rest are counted. */
exports.FIRST_PLACES = 5;
/**
 * The cause of a finding that repeats per event, or undefined for a finding
 * about its own event only. Events of one unknown type, one unknown status,
 * one older (type, schema_version) share a cause; so do timestamps going
 * back (a writer's clock, not each event, is at fault).
 */
function causeOf(finding) {
    const data = finding.data ?? {};
    switch (finding.code) {
        case 'EB011':
            return `EB011\u0000${String(data.eventType)}`;
        case 'EB020':
            return `EB020\u0000${String(data.status)}`;
        case 'EB012':
            return `EB012\u0000${String(data.eventType)}\u0000${String(data.schemaVersion)}`;
        case 'EB018':
            return 'EB018';
        case 'EB026':
            return `EB026\u0000${String(data.path)}`;
        default:
            return undefined;
    }
}
/** The cause key, scoped to the finding's file when causes are counted per file. */
function scopedCauseOf(finding, mode) {
    if (mode === 'each')
        return undefined;
    const cause = causeOf(finding);
    if (cause === undefined)
        return undefined;
    return mode === 'per-file' ? `${finding.file}\u0000${cause}` : cause;
}
/**
 * Counts findings per cause, keeping the first one and the first
 * FIRST_PLACES places of each: memory follows the number of causes, not of
 * events. Findings that are themselves summaries (with `count`) merge in,
 * so chunks, files and passes add up.
 */
class CauseTally {
    mode;
    byCause = new Map();
    constructor(mode) {
        this.mode = mode;
    }
    /** Takes the finding when it has a cause (true); false when it must be reported on its own. */
    add(finding) {
        const cause = scopedCauseOf(finding, this.mode);
        if (cause === undefined)
            return false;
        const places = finding.places ?? [placeOf(finding)];
        const lastPlaces = finding.lastPlaces ?? places;
        const known = this.byCause.get(cause);
        if (!known) {
            this.byCause.set(cause, { first: finding, count: finding.count ?? 1, places: places.slice(0, exports.FIRST_PLACES), lastPlaces: lastPlaces.slice(-exports.FIRST_PLACES) });
            return true;
        }
        known.count += finding.count ?? 1;
        if ((0, finding_1.compareFindings)(finding, known.first) < 0)
            known.first = finding;
        known.places = mergePlaces(known.places, places).slice(0, exports.FIRST_PLACES);
        known.lastPlaces = mergePlaces(known.lastPlaces, lastPlaces).slice(-exports.FIRST_PLACES);
        return true;
    }
    /** More occurrences of a cause already added, whose places are not needed (beyond the first ones). */
    addCount(finding, extra) {
        const cause = scopedCauseOf(finding, this.mode);
        const known = cause === undefined ? undefined : this.byCause.get(cause);
        if (known)
            known.count += extra;
    }
    get size() {
        return this.byCause.size;
    }
    /** One finding per cause, at its first place, in store order; a cause seen once is its plain finding. */
    findings() {
        const out = [];
        for (const { first, count, places, lastPlaces } of this.byCause.values()) {
            if (count === 1) {
                const { count: _count, places: _places, lastPlaces: _lastPlaces, ...plain } = first;
                out.push(plain);
            }
            else
                out.push({ ...first, count, places, lastPlaces });
        }
        return out.sort(finding_1.compareFindings);
    }
}
exports.CauseTally = CauseTally;
/** The findings with each repeated cause reported once (others kept as they are), in store order. */
function collapseRepeats(findings, mode) {
    if (mode === 'each')
        return [...findings];
    const tally = new CauseTally(mode);
    const out = [];
    for (const finding of findings)
        if (!tally.add(finding))
            out.push(finding);
    for (const summary of tally.findings())
        out.push(summary);
    return out.sort(finding_1.compareFindings);
}
/** "(and 41 more events with this cause: first at a:1, a:7, b:3; `eventbus validate --all` lists every one)" */
function repeatSuffix(finding, listAll = '`eventbus validate --all` lists every one') {
    const count = finding.count ?? 1;
    if (count <= 1)
        return '';
    const places = (finding.places ?? []).map((p) => `${p.file}:${p.line}`).join(', ');
    return ` (${count.toLocaleString('en')} events with this cause; first at ${places}${count > (finding.places?.length ?? 0) ? ', …' : ''}; ${listAll})`;
}
function placeOf(finding) {
    return { file: finding.file, line: finding.line, column: finding.column };
}
function comparePlaces(a, b) {
    if (a.file !== b.file)
        return a.file < b.file ? -1 : 1;
    return a.line - b.line || a.column - b.column;
}
/** Two lists of places as one, sorted, without repeats. */
function mergePlaces(a, b) {
    const sorted = [...a, ...b].sort(comparePlaces);
    return sorted.filter((place, i) => i === 0 || comparePlaces(place, sorted[i - 1]) !== 0);
}
/**
 * A file's findings from the lines before `fromLine` only (lines from there
 * on are about to be checked again, after an append). A summary keeps the
 * occurrences before that line; undefined when its last known places cannot
 * tell how many were from that line on (the file must be checked whole).
 */
function findingsBefore(findings, fromLine) {
    const kept = [];
    for (const finding of findings) {
        if (finding.line >= fromLine)
            continue;
        const count = finding.count ?? 1;
        if (count === 1) {
            kept.push(finding);
            continue;
        }
        const lastPlaces = finding.lastPlaces ?? [];
        const dropped = lastPlaces.filter((place) => place.line >= fromLine).length;
        if (dropped === lastPlaces.length && count > lastPlaces.length)
            return undefined;
        if (dropped === 0) {
            kept.push(finding);
            continue;
        }
        const places = (finding.places ?? []).filter((place) => place.line < fromLine);
        const left = lastPlaces.filter((place) => place.line < fromLine);
        if (count - dropped === 1) {
            const { count: _count, places: _places, lastPlaces: _lastPlaces, ...plain } = finding;
            kept.push(plain);
        }
        else
            kept.push({ ...finding, count: count - dropped, places, lastPlaces: left });
    }
    return kept;
}
//# sourceMappingURL=repeatedCauses.js.map