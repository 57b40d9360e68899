"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HIDDEN_PROBLEMS_KEY = exports.DiagnosticsPublisher = void 0;
const severity_1 = require("../engine/validate/severity");
const codeLinks_1 = require("../shared/codeLinks");
const settings_1 = require("../shared/settings");
const findingToDiagnostic_1 = require("./findingToDiagnostic");
const findingToDiagnostic_2 = require("./findingToDiagnostic");
/**
 * Sends `textDocument/publishDiagnostics` and remembers, per URI, what it
 * sent: so a URI that had diagnostics gets an empty list when they are gone,
 * one that never had any is not sent empties, and a store's problem counts
 * (status bar, storeChanged) are a sum over its URIs.
 */
class DiagnosticsPublisher {
    connection;
    counts = new Map();
    constructor(connection) {
        this.connection = connection;
    }
    /**
     * Publishes findings (each with the 0-based line it is on now). `group`
     * is the store root the URI belongs to, for counts. At most
     * `limits.maxPerFile` diagnostics go out, the most severe first: the rest
     * are summed up by code in one diagnostic at the top of the file.
     */
    publish(uri, group, visit, overrides, version, limits = {}) {
        const max = Math.max(1, limits.maxPerFile ?? settings_1.DEFAULT_MAX_PROBLEMS_PER_FILE);
        // Kept per severity, each list at most `max` long: memory follows the cap, not the file.
        const kept = { error: [], warning: [], information: [], hint: [] };
        const counts = { error: 0, warning: 0, information: 0, hint: 0 };
        const byCode = new Map();
        let total = 0;
        visit((finding, line0) => {
            const severity = (0, findingToDiagnostic_2.effectiveSeverity)(finding, overrides);
            if (severity === null)
                return;
            counts[severity]++;
            total++;
            byCode.set(finding.code, (byCode.get(finding.code) ?? 0) + 1);
            if (kept[severity].length >= max)
                return;
            const diagnostic = (0, findingToDiagnostic_2.findingToDiagnostic)(finding, overrides, line0, limits.uriOf);
            if (diagnostic)
                kept[severity].push(diagnostic);
        });
        const diagnostics = capDiagnostics(kept, counts, total, max, byCode);
        const key = `${group}\u0000${uri}`;
        // An open document always gets its publish (the client tracks versions); a closed file only when it has or had some.
        if (diagnostics.length === 0 && !this.counts.has(key) && version === undefined)
            return;
        if (diagnostics.length === 0)
            this.counts.delete(key);
        else
            this.counts.set(key, counts);
        void this.connection.sendDiagnostics({ uri, diagnostics, ...(version !== undefined ? { version } : {}) });
    }
    /** Clears one URI (a closed document outside any store, a removed file). */
    clear(uri, group) {
        const key = `${group}\u0000${uri}`;
        if (!this.counts.has(key))
            return;
        this.counts.delete(key);
        void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    /** Clears every URI of a group (a store closed or reopened). */
    clearGroup(group) {
        for (const key of [...this.counts.keys()]) {
            const [owner, uri] = key.split('\u0000');
            if (owner === group)
                this.clear(uri, group);
        }
    }
    /** URIs of the group that currently have diagnostics. */
    urisOf(group) {
        const uris = [];
        for (const key of this.counts.keys()) {
            const [owner, uri] = key.split('\u0000');
            if (owner === group)
                uris.push(uri);
        }
        return uris;
    }
    countsOf(group) {
        const total = { error: 0, warning: 0, information: 0, hint: 0 };
        for (const [key, counts] of this.counts) {
            if (!key.startsWith(`${group}\u0000`))
                continue;
            total.error += counts.error;
            total.warning += counts.warning;
            total.information += counts.information;
            total.hint += counts.hint;
        }
        return total;
    }
}
exports.DiagnosticsPublisher = DiagnosticsPublisher;
/** Marks the diagnostic that stands for the problems left out (`data.hiddenProblems` is how many). */
exports.HIDDEN_PROBLEMS_KEY = 'hiddenProblems';
/**
 * The diagnostics to send: all of them when they fit, else the `max - 1`
 * most severe (in line order) and one diagnostic on the file's first line
 * that counts the rest by code and says how to see them.
 */
function capDiagnostics(kept, counts, total, max, byCode) {
    const all = severity_1.SEVERITIES.flatMap((severity) => kept[severity]);
    if (total <= max)
        return all;
    const shown = all.slice(0, max - 1);
    const shownByCode = new Map();
    for (const d of shown)
        shownByCode.set(String(d.code), (shownByCode.get(String(d.code)) ?? 0) + 1);
    const hidden = total - shown.length;
    const parts = [...byCode]
        .map(([code, count]) => [code, count - (shownByCode.get(code) ?? 0)])
        .filter(([, count]) => count > 0)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .map(([code, count]) => `${count.toLocaleString('en')} ${code}`);
    const shownBySeverity = new Map();
    for (const d of shown)
        shownBySeverity.set(d.severity ?? 0, (shownBySeverity.get(d.severity ?? 0) ?? 0) + 1);
    // The summary is as severe as the worst problem it hides.
    const worst = severity_1.SEVERITIES.find((severity) => counts[severity] > (shownBySeverity.get(findingToDiagnostic_1.LSP_SEVERITY[severity]) ?? 0)) ?? 'hint';
    shown.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    shown.unshift({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: findingToDiagnostic_1.LSP_SEVERITY[worst],
        source: codeLinks_1.DIAGNOSTIC_SOURCE,
        message: `${hidden.toLocaleString('en')} more problems in this file are not listed here (${parts.join(', ')}): ` +
            `eventbus.maxProblemsPerFile shows ${max}. Run "Event Bus: Validate Store", or \`eventbus validate --all\` in a terminal, to see every one.`,
        data: { [exports.HIDDEN_PROBLEMS_KEY]: hidden },
    });
    return shown;
}
//# sourceMappingURL=diagnosticsPublisher.js.map