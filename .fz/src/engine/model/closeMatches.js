"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.editDistance = editDistance;
exports.closeMatches = closeMatches;
/** Levenshtein distance (one row, no recursion). */
function editDistance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const above = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
            diagonal = above;
        }
    }
    return row[b.length];
}
/** The known names close to `name` (typos, a shared word), closest first, at most `limit`. */
function closeMatches(name, known, limit = 3) {
    const lower = name.toLowerCase();
    const words = lower.split(/[^a-z0-9]+/).filter((w) => w.length >= 4);
    return known
        .map((candidate) => {
        const distance = editDistance(lower, candidate.toLowerCase());
        const sharesWord = words.some((w) => candidate.toLowerCase().includes(w));
        return { candidate, score: distance <= Math.max(2, Math.floor(name.length / 3)) ? distance : sharesWord ? 100 + distance : Infinity };
    })
        .filter((m) => Number.isFinite(m.score))
        .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
        .slice(0, limit)
        .map((m) => m.candidate);
}
//# sourceMappingURL=closeMatches.js.map