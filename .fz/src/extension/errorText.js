"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.editorErrorText = editorErrorText;
/**
 * An error as a person reads it in the editor. The language server's
 * failures arrive wrapped by vscode-jsonrpc ("Request eventbus/publish
 * failed with message: …"), and a few engine messages are written for the
 * CLI and name its flags; neither means anything in a notification. The
 * engine keeps its words (the CLI prints them); the editor says what to do
 * in the editor instead. Pure: no `vscode` import, unit-tested.
 */
const REQUEST_PREFIX = /^Request [\w./-]+ failed(?: with message| with unhandled error)?[:.]\s*/;
/** CLI hints the engine's messages carry, and what the editor says instead. */
const EDITOR_HINTS = [
    [/\s*\(--allow-projections, or a trusted workspace\)/g, ' (a trusted workspace with the eventbus.projections.enabled setting on)'],
    [/open it in a trusted workspace, or pass --allow-projections to the eventbus command/g, 'open it in a trusted workspace and turn on the eventbus.projections.enabled setting'],
    [/,? or pass --allow-new-type\b/g, ''],
    [/;? ?(?:or )?pass --force to replace it/g, ', or move that store away first'],
];
function editorErrorText(error) {
    let text = error instanceof Error ? error.message : typeof error === 'string' ? error : String(error);
    text = text.replace(REQUEST_PREFIX, '');
    for (const [pattern, instead] of EDITOR_HINTS)
        text = text.replace(pattern, instead);
    return text.trim() === '' ? 'the language server gave no reason' : text;
}
//# sourceMappingURL=errorText.js.map