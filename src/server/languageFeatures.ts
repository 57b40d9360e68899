import { CodeActionKind, type Connection, type ServerCapabilities } from 'vscode-languageserver/node';
import { codeActions, completion, definition, type FeatureContext, hover, references, workspaceSymbols } from './features';
import { documentSymbolsOfLines } from './features/documentSymbols';
import { checkTextDocument, checkTextDocumentPosition, checkTextDocumentRange, readPendingMessages, throwIfCancelled } from './requestGuards';
import type { OpenDocument, ServerContext } from './serverContext';

/**
 * Adapts the language features (pure functions in ./features, written
 * against a FeatureContext) to the connection: finds the open document and
 * its store, waits for the store's engine, and hands over the line under the
 * cursor. A document outside any store, or a store that failed to open,
 * simply gets no hover/definition/... (its diagnostics still work).
 */
export function registerLanguageFeatures(connection: Connection, ctx: ServerContext, capabilities: ServerCapabilities): void {
  capabilities.hoverProvider = true;
  capabilities.definitionProvider = true;
  capabilities.referencesProvider = true;
  capabilities.documentSymbolProvider = true;
  capabilities.workspaceSymbolProvider = true;
  capabilities.completionProvider = { triggerCharacters: ['"', ':'] };
  capabilities.codeActionProvider = { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Empty] };

  /** The open document and its store's feature context, or undefined when either is missing. */
  const resolve = async (uri: string): Promise<{ entry: OpenDocument; features: FeatureContext } | undefined> => {
    const entry = await ctx.documentOf(uri);
    if (!entry?.doc || !entry.session) return undefined;
    await entry.session.indexed;
    await readPendingMessages();
    const features = ctx.featureContext(entry.session);
    return features ? { entry, features } : undefined;
  };
  const lineOf = (entry: OpenDocument, line: number): string => entry.doc?.lineText(line) ?? '';

  // Each request: parameters checked (-32602), then the document after the queued edits, then, if the client
  // cancelled meanwhile (it typed on), -32800 instead of work on a version it no longer shows.
  connection.onHover(async (params, token) => {
    checkTextDocumentPosition('textDocument/hover', params);
    const found = await resolve(params.textDocument.uri);
    throwIfCancelled('textDocument/hover', token);
    return found ? hover(found.features, lineOf(found.entry, params.position.line), params.position) : null;
  });
  connection.onDefinition(async (params, token) => {
    checkTextDocumentPosition('textDocument/definition', params);
    const found = await resolve(params.textDocument.uri);
    throwIfCancelled('textDocument/definition', token);
    return found ? definition(found.features, lineOf(found.entry, params.position.line), params.position) : null;
  });
  connection.onReferences(async (params, token) => {
    checkTextDocumentPosition('textDocument/references', params);
    const found = await resolve(params.textDocument.uri);
    throwIfCancelled('textDocument/references', token);
    if (!found) return [];
    return references(found.features, lineOf(found.entry, params.position.line), params.position, { includeDeclaration: params.context?.includeDeclaration === true });
  });
  connection.onDocumentSymbol(async (params, token) => {
    const uri = checkTextDocument('textDocument/documentSymbol', params);
    // Needs no store: symbols come from the text alone.
    const entry = await ctx.documentOf(uri);
    await readPendingMessages();
    throwIfCancelled('textDocument/documentSymbol', token);
    const doc = entry?.doc;
    if (!doc) return [];
    let line = 0;
    return documentSymbolsOfLines(() => (line < doc.lineCount ? doc.lineText(line++) : undefined));
  });
  connection.onWorkspaceSymbol(async ({ query }) => {
    const results = [];
    for (const session of ctx.sessions.values()) {
      await session.indexed;
      const features = ctx.featureContext(session);
      if (features) results.push(...workspaceSymbols(features, query));
    }
    return results;
  });
  connection.onCompletion(async (params, token) => {
    checkTextDocumentPosition('textDocument/completion', params);
    const found = await resolve(params.textDocument.uri);
    throwIfCancelled('textDocument/completion', token);
    return found ? completion(found.features, lineOf(found.entry, params.position.line), params.position) : [];
  });
  connection.onCodeAction(async (params, token) => {
    checkTextDocumentRange('textDocument/codeAction', params);
    const { textDocument, range } = params;
    const context = params.context ?? { diagnostics: [] };
    const found = await resolve(textDocument.uri);
    throwIfCancelled('textDocument/codeAction', token);
    if (!found) return [];
    const doc = found.entry.doc;
    const actions = codeActions(found.features, {
      uri: textDocument.uri,
      lineText: (line) => (doc && line >= 0 && line < doc.lineCount ? doc.lineText(line) : undefined),
      range,
      diagnostics: Array.isArray(context.diagnostics) ? context.diagnostics : [],
      only: context.only,
    });
    return actions.filter((action) => action.command === undefined || ctx.clientCommands.has(action.command.command));
  });
}
