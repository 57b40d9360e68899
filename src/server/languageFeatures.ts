import { CodeActionKind, type Connection, type ServerCapabilities } from 'vscode-languageserver/node';
import { codeActions, completion, definition, documentSymbols, type FeatureContext, hover, references, workspaceSymbols } from './features';
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
    const features = ctx.featureContext(entry.session);
    return features ? { entry, features } : undefined;
  };
  const lineOf = (entry: OpenDocument, line: number): string => entry.doc?.lineText(line) ?? '';

  connection.onHover(async ({ textDocument, position }) => {
    const found = await resolve(textDocument.uri);
    return found ? hover(found.features, lineOf(found.entry, position.line), position) : null;
  });
  connection.onDefinition(async ({ textDocument, position }) => {
    const found = await resolve(textDocument.uri);
    return found ? definition(found.features, lineOf(found.entry, position.line), position) : null;
  });
  connection.onReferences(async ({ textDocument, position, context }) => {
    const found = await resolve(textDocument.uri);
    if (!found) return [];
    return references(found.features, lineOf(found.entry, position.line), position, { includeDeclaration: context.includeDeclaration });
  });
  connection.onDocumentSymbol(async ({ textDocument }) => {
    // Needs no store: symbols come from the text alone.
    const entry = await ctx.documentOf(textDocument.uri);
    return entry?.doc ? documentSymbols(entry.doc.text()) : [];
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
  connection.onCompletion(async ({ textDocument, position }) => {
    const found = await resolve(textDocument.uri);
    return found ? completion(found.features, lineOf(found.entry, position.line), position) : [];
  });
  connection.onCodeAction(async ({ textDocument, range, context }) => {
    const found = await resolve(textDocument.uri);
    if (!found) return [];
    const doc = found.entry.doc;
    const actions = codeActions(found.features, {
      uri: textDocument.uri,
      lineText: (line) => (doc && line >= 0 && line < doc.lineCount ? doc.lineText(line) : undefined),
      range,
      diagnostics: context.diagnostics,
      only: context.only,
    });
    return actions.filter((action) => action.command === undefined || ctx.clientCommands.has(action.command.command));
  });
}
