/**
 * The language features as plain functions over a FeatureContext: the
 * server's handlers adapt them to the connection (the yaml-language-server
 * split of language service and handlers).
 */
export type { FeatureContext } from './featureContext';
export { hover } from './hover';
export { definition } from './definition';
export { references, REFERENCES_CAP, type ReferencesOptions } from './references';
export { documentSymbols, DOCUMENT_SYMBOLS_LINE_CAP } from './documentSymbols';
export { workspaceSymbols, WORKSPACE_SYMBOLS_CAP } from './workspaceSymbols';
export { completion } from './completion';
export { codeActions, type CodeActionInput } from './codeActions';
export { tokenAt, type LineToken, type EnvelopeField } from './eventLineTokens';
