"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.registerLanguageFeatures = registerLanguageFeatures;
const node_1 = require("vscode-languageserver/node");
const features_1 = require("./features");
const documentSymbols_1 = require("./features/documentSymbols");
const requestGuards_1 = require("./requestGuards");
/**
 * Adapts the language features (pure functions in ./features, written
 * against a FeatureContext) to the connection: finds the open document and
 * its store, waits for the store's engine, and hands over the line under the
 * cursor. A document outside any store, or a store that failed to open,
 * simply gets no hover/definition/... (its diagnostics still work).
 */
function registerLanguageFeatures(connection, ctx, capabilities) {
    capabilities.hoverProvider = true;
    capabilities.definitionProvider = true;
    capabilities.referencesProvider = true;
    capabilities.documentSymbolProvider = true;
    capabilities.workspaceSymbolProvider = true;
    capabilities.completionProvider = { triggerCharacters: ['"', ':'] };
    capabilities.codeActionProvider = { codeActionKinds: [node_1.CodeActionKind.QuickFix, node_1.CodeActionKind.Empty] };
    /** The open document and its store's feature context, or undefined when either is missing. */
    const resolve = async (uri) => {
        const entry = await ctx.documentOf(uri);
        if (!entry?.doc || !entry.session)
            return undefined;
        await entry.session.indexed;
        const features = ctx.featureContext(entry.session);
        return features ? { entry, features } : undefined;
    };
    const lineOf = (entry, line) => entry.doc?.lineText(line) ?? '';
    // Each request: parameters checked (-32602), then the document after the queued edits, then, if the client
    // cancelled meanwhile (it typed on), -32800 instead of work on a version it no longer shows.
    connection.onHover(async (params, token) => {
        (0, requestGuards_1.checkTextDocumentPosition)('textDocument/hover', params);
        const found = await resolve(params.textDocument.uri);
        (0, requestGuards_1.throwIfCancelled)('textDocument/hover', token);
        return found ? (0, features_1.hover)(found.features, lineOf(found.entry, params.position.line), params.position) : null;
    });
    connection.onDefinition(async (params, token) => {
        (0, requestGuards_1.checkTextDocumentPosition)('textDocument/definition', params);
        const found = await resolve(params.textDocument.uri);
        (0, requestGuards_1.throwIfCancelled)('textDocument/definition', token);
        return found ? (0, features_1.definition)(found.features, lineOf(found.entry, params.position.line), params.position) : null;
    });
    connection.onReferences(async (params, token) => {
        (0, requestGuards_1.checkTextDocumentPosition)('textDocument/references', params);
        const found = await resolve(params.textDocument.uri);
        (0, requestGuards_1.throwIfCancelled)('textDocument/references', token);
        if (!found)
            return [];
        return (0, features_1.references)(found.features, lineOf(found.entry, params.position.line), params.position, { includeDeclaration: params.context?.includeDeclaration === true });
    });
    connection.onDocumentSymbol(async (params, token) => {
        const uri = (0, requestGuards_1.checkTextDocument)('textDocument/documentSymbol', params);
        // Needs no store: symbols come from the text alone.
        const entry = await ctx.documentOf(uri);
        (0, requestGuards_1.throwIfCancelled)('textDocument/documentSymbol', token);
        const doc = entry?.doc;
        if (!doc)
            return [];
        let line = 0;
        return (0, documentSymbols_1.documentSymbolsOfLines)(() => (line < doc.lineCount ? doc.lineText(line++) : undefined));
    });
    connection.onWorkspaceSymbol(async ({ query }) => {
        const results = [];
        for (const session of ctx.sessions.values()) {
            await session.indexed;
            const features = ctx.featureContext(session);
            if (features)
                results.push(...(0, features_1.workspaceSymbols)(features, query));
        }
        return results;
    });
    connection.onCompletion(async (params, token) => {
        (0, requestGuards_1.checkTextDocumentPosition)('textDocument/completion', params);
        const found = await resolve(params.textDocument.uri);
        (0, requestGuards_1.throwIfCancelled)('textDocument/completion', token);
        return found ? (0, features_1.completion)(found.features, lineOf(found.entry, params.position.line), params.position) : [];
    });
    connection.onCodeAction(async (params, token) => {
        (0, requestGuards_1.checkTextDocumentRange)('textDocument/codeAction', params);
        const { textDocument, range } = params;
        const context = params.context ?? { diagnostics: [] };
        const found = await resolve(textDocument.uri);
        (0, requestGuards_1.throwIfCancelled)('textDocument/codeAction', token);
        if (!found)
            return [];
        const doc = found.entry.doc;
        const actions = (0, features_1.codeActions)(found.features, {
            uri: textDocument.uri,
            lineText: (line) => (doc && line >= 0 && line < doc.lineCount ? doc.lineText(line) : undefined),
            range,
            diagnostics: Array.isArray(context.diagnostics) ? context.diagnostics : [],
            only: context.only,
        });
        return actions.filter((action) => action.command === undefined || ctx.clientCommands.has(action.command.command));
    });
}
//# sourceMappingURL=languageFeatures.js.map