"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.isStoreWideFinding = isStoreWideFinding;
exports.fullStorePass = fullStorePass;
exports.incrementalStorePass = incrementalStorePass;
exports.findingsOfFile = findingsOfFile;
exports.filesOf = filesOf;
const path = __importStar(require("node:path"));
const integrityRules_1 = require("../engine/validate/integrityRules");
const validateFile_1 = require("../engine/validate/validateFile");
const validateStore_1 = require("../engine/validate/validateStore");
const repeatedCauses_1 = require("../engine/validate/repeatedCauses");
const vocabulary_1 = require("../engine/validate/vocabulary");
/**
 * Findings the text of one line cannot show: the store-wide rules (they need
 * every other event) and an unreadable file. An open document gets these
 * from the store pass; everything else it computes from its own text.
 */
const STORE_WIDE = new Set(['EB013', 'EB014', 'EB015', 'EB016', 'EB017', 'EB018', 'EB021']);
function isStoreWideFinding(finding) {
    return STORE_WIDE.has(finding.code);
}
function issueKey(issue) {
    return `${issue.code}|${issue.ordinal}|${issue.field}|${issue.message}`;
}
/**
 * The first pass over a store: exactly `eventbus validate` (validateStore,
 * without severity overrides: the server applies the user's per code when it
 * publishes, so one pass serves every setting).
 */
async function fullStorePass(engine, settings, onProgress) {
    // Repeated causes once per file: the Problems panel is per file, and a million events of one unknown type are one finding.
    const report = await (0, validateStore_1.validateStore)(engine, { config: settings.config, registry: settings.registry, threads: settings.threads, linesOnThisThread: false, repeats: 'per-file', onProgress });
    const lineFindings = new Map();
    const integrityFindings = new Map();
    for (const file of engine.index.files)
        lineFindings.set(file.file, []);
    for (const finding of report.findings) {
        const target = isStoreWideFinding(finding) && finding.code !== 'EB021' ? integrityFindings : lineFindings;
        const list = target.get(finding.file) ?? [];
        list.push(finding);
        target.set(finding.file, list);
    }
    return { lineFindings, integrityFindings };
}
/**
 * After the watcher refreshed the index: the per-line rules again over the
 * files that changed only, the store-wide rules over the whole index (cheap:
 * index columns only). The result equals a full pass over the store as it
 * now is.
 */
async function incrementalStorePass(engine, settings, previous, changedFiles, 
/** Files only appended to, with the first line that may differ: earlier lines keep their findings. */
appendedFrom = new Map()) {
    const lineFindings = new Map();
    const present = new Set(engine.index.files.map((f) => f.file));
    // A schema file's findings (EB022) change only when the schemas reload, which validates the whole store again.
    for (const [file, findings] of previous.lineFindings)
        if (present.has(file) || isSchemaFileFindings(findings))
            lineFindings.set(file, findings);
    for (const file of changedFiles) {
        if (!present.has(file))
            continue;
        const absPath = path.join(engine.root, ...file.split('/'));
        const ruleSettings = { registry: settings.registry, maxRetryCount: settings.config.max_retry_count, maxNestingDepth: settings.config.max_nesting_depth, repeats: 'per-file', ...(0, vocabulary_1.vocabularyOf)(settings.config) };
        const appendedAt = appendedFrom.get(file) ?? 1;
        // Findings above the append are kept; a repeated cause is recounted without the lines checked again.
        const before = appendedAt > 1 ? (0, repeatedCauses_1.findingsBefore)(previous.lineFindings.get(file) ?? [], appendedAt) : [];
        const fromLine = before === undefined ? 1 : appendedAt;
        const kept = before ?? [];
        const result = await (0, validateFile_1.validateFile)(absPath, file, ruleSettings, undefined, fromLine);
        lineFindings.set(file, kept.length > 0 ? (0, repeatedCauses_1.collapseRepeats)([...kept, ...result.findings], 'per-file') : result.findings);
    }
    // Checked in slices, so requests are answered meanwhile; files rewritten during the check mean checking again.
    let issues;
    let version;
    do {
        version = engine.index.ordinalsVersion;
        issues = await (0, integrityRules_1.checkIntegrityInSlices)(engine.index, {
            eventTtlDays: settings.config.event_ttl_days,
            timeOrderToleranceMs: settings.config.time_order_tolerance_ms,
        });
    } while (engine.index.ordinalsVersion !== version);
    const reusable = previous.located?.ordinalsVersion === version ? previous.located.byIssue : new Map();
    const byIssue = new Map();
    const fresh = issues.filter((issue) => {
        const key = issueKey(issue);
        if (!reusable.has(key))
            return true;
        byIssue.set(key, reusable.get(key) ?? null);
        return false;
    });
    // Only new issues are located: each needs its file read for the field's range.
    const located = await (0, validateStore_1.locateEachIssue)(engine, fresh, undefined);
    fresh.forEach((issue, i) => byIssue.set(issueKey(issue), located[i] ?? null));
    const integrityFindings = new Map();
    for (const finding of byIssue.values()) {
        if (!finding)
            continue;
        const list = integrityFindings.get(finding.file) ?? [];
        list.push(finding);
        integrityFindings.set(finding.file, list);
    }
    for (const [file, list] of integrityFindings)
        integrityFindings.set(file, (0, repeatedCauses_1.collapseRepeats)(list, 'per-file'));
    return { lineFindings, integrityFindings, located: { ordinalsVersion: version, byIssue } };
}
function isSchemaFileFindings(findings) {
    return findings.length > 0 && findings.every((finding) => finding.code === 'EB022');
}
/** Every finding of one file, in line order. */
function findingsOfFile(findings, file) {
    const all = [...(findings.lineFindings.get(file) ?? []), ...(findings.integrityFindings.get(file) ?? [])];
    return all.sort((a, b) => a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
/** Every file that has or had findings. */
function filesOf(findings) {
    return new Set([...findings.lineFindings.keys(), ...findings.integrityFindings.keys()]);
}
//# sourceMappingURL=storeFindings.js.map