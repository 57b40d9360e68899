"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sarifLevel = sarifLevel;
exports.sarifResult = sarifResult;
exports.buildSarif = buildSarif;
exports.sarifFindingWriter = sarifFindingWriter;
const codes_1 = require("../../engine/validate/codes");
const repeatedCauses_1 = require("../../engine/validate/repeatedCauses");
const findingWriter_1 = require("./findingWriter");
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const STORE_BASE = 'STORE';
/** SARIF has no "hint"; both information and hint are notes. */
function sarifLevel(severity) {
    return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}
/** One SARIF result; a repeated cause carries its count and its first places as related locations. */
function sarifResult(finding, ruleIndex) {
    const count = finding.count ?? 1;
    return {
        ruleId: finding.code,
        ruleIndex,
        level: sarifLevel(finding.severity),
        message: { text: finding.message + (0, repeatedCauses_1.repeatSuffix)(finding) },
        locations: [
            {
                physicalLocation: {
                    artifactLocation: { uri: encodeRelative(finding.file), uriBaseId: STORE_BASE },
                    region: {
                        startLine: finding.line,
                        startColumn: finding.column,
                        endLine: finding.endLine,
                        endColumn: Math.max(finding.endColumn, finding.column),
                    },
                },
            },
        ],
        ...(count > 1
            ? {
                occurrenceCount: count,
                relatedLocations: (finding.places ?? []).map((place, id) => ({
                    id,
                    physicalLocation: {
                        artifactLocation: { uri: encodeRelative(place.file), uriBaseId: STORE_BASE },
                        region: { startLine: place.line, startColumn: place.column },
                    },
                })),
            }
            : {}),
    };
}
const RULE_INDEX = new Map(codes_1.ALL_CODES.map((code, index) => [code, index]));
/** A SARIF 2.1.0 log: one run, the rules from the codes table, one result per finding. */
function buildSarif(findings, options = {}) {
    const run = {
        tool: {
            driver: {
                name: 'eventbus',
                ...(options.toolVersion ? { version: options.toolVersion } : {}),
                rules: codes_1.ALL_CODES.map((code) => ({
                    id: code,
                    name: codes_1.CODES[code].name,
                    shortDescription: { text: codes_1.CODES[code].title },
                    fullDescription: { text: codes_1.CODES[code].description },
                    defaultConfiguration: { level: sarifLevel(codes_1.CODES[code].severity) },
                })),
            },
        },
        ...(options.storeRoot ? { originalUriBaseIds: { [STORE_BASE]: { uri: directoryUri(options.storeRoot) } } } : {}),
        results: findings.map((finding) => sarifResult(finding, RULE_INDEX.get(finding.code))),
    };
    return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}
/**
 * The SARIF log written result by result: the log without results is
 * printed once and cut where its empty results array is, so the head and
 * the close are exactly what JSON.stringify gives, at any number of results.
 */
function sarifFindingWriter(out, options = {}) {
    const skeleton = JSON.stringify(buildSarif([], options), null, 2);
    const marker = '"results": []';
    const at = skeleton.indexOf(marker);
    const lineStart = skeleton.lastIndexOf('\n', at) + 1;
    const indent = `${skeleton.slice(lineStart, at)}  `;
    const head = `${skeleton.slice(0, at)}"results": [`;
    const close = `${indent.slice(2)}]${skeleton.slice(at + marker.length)}`;
    let written = 0;
    return {
        write(findings) {
            if (findings.length === 0)
                return;
            let text = written === 0 ? `${head}\n` : ',\n';
            findings.forEach((finding, index) => {
                text += `${index > 0 ? ',\n' : ''}${(0, findingWriter_1.indentLines)(JSON.stringify(sarifResult(finding, RULE_INDEX.get(finding.code)), null, 2), indent)}`;
            });
            written += findings.length;
            out(text);
        },
        end() {
            out(written === 0 ? `${skeleton}\n` : `\n${close}\n`);
        },
    };
}
function encodeRelative(file) {
    return file.split('/').map(encodeURIComponent).join('/');
}
/** file:///abs/path/ with a trailing slash, as SARIF requires of a base URI. */
function directoryUri(absolute) {
    const slashed = absolute.replace(/\\/g, '/');
    const withRoot = slashed.startsWith('/') ? slashed : `/${slashed}`;
    return `file://${withRoot.split('/').map(encodeURIComponent).join('/').replace(/%3A/g, ':')}${withRoot.endsWith('/') ? '' : '/'}`;
}
//# sourceMappingURL=findingsSarif.js.map