// `npm run lint`: the rooms of the house (ARCHITECTURE.md) as rules the build
// enforces. Data flows files → engine → server → client; each room may import
// only the rooms below it, and the libraries of its own process:
//   engine     node, its libraries; never vscode or an LSP package, never a room above
//   cli        engine
//   server     engine, shared, vscode-languageserver
//   debugAdapter  engine, shared, @vscode/debugadapter (its own process over stdio, or inline in the client)
//   extension  shared, vscode, vscode-languageclient (and four pure modules
//              of the engine and the pages, named below, until they move to shared),
//              and the debug adapter's session (run inline)
//   shared     protocol types only (vscode-jsonrpc)
//   webview    shared (browser code: no node, no vscode)
// test/unit/lintBoundaries.unit.spec.ts proves each rule catches a wrong-way import.
import tseslint from 'typescript-eslint';

const VSCODE_PACKAGES = ['vscode', 'vscode-languageclient', 'vscode-languageclient/*', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-protocol', 'vscode-languageserver-textdocument', 'vscode-jsonrpc', 'vscode-jsonrpc/*'];

/** An import of another room, however many `../` lead to it. */
function room(name) {
  return [`**/${name}`, `**/${name}/**`];
}

function forbid(message, groups) {
  return { group: groups, message };
}

function rule(...patterns) {
  return ['error', { patterns }];
}

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'out/**', 'dist/**', 'media/**', 'test/**'] },
  {
    files: ['src/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    // Registered so that the disable comments naming its rules resolve; only the boundary rules run.
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': rule(
        forbid('The engine never imports vscode or an LSP package: it runs in the CLI and the language server alike.', VSCODE_PACKAGES),
        forbid('The engine is the ground floor: it imports no room above it (cli, server, debugAdapter, extension, shared, webview).', [...room('cli'), ...room('server'), ...room('debugAdapter'), ...room('extension'), ...room('shared'), ...room('webview')]),
      ),
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': rule(
        forbid('The CLI runs without VS Code: no vscode or LSP package.', VSCODE_PACKAGES),
        forbid('The CLI stands on the engine only.', [...room('server'), ...room('extension'), ...room('shared'), ...room('webview')]),
      ),
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': rule(
        forbid('The language server is its own process: it never imports the vscode API or the client library.', ['vscode', 'vscode-languageclient', 'vscode-languageclient/*']),
        forbid('The server imports the engine and shared, never the client, the CLI or the webviews.', [...room('extension'), ...room('cli'), ...room('webview')]),
      ),
    },
  },
  {
    files: ['src/debugAdapter/**/*.ts'],
    rules: {
      'no-restricted-imports': rule(
        forbid('The debug adapter is a DAP process of its own (stdio) or runs inline: never the vscode API or an LSP package.', VSCODE_PACKAGES),
        forbid('The debug adapter stands on the engine and shared only.', [...room('server'), ...room('extension'), ...room('cli'), ...room('webview')]),
      ),
    },
  },
  {
    files: ['src/extension/**/*.ts'],
    rules: {
      'no-restricted-imports': rule(
        forbid('The client never hosts the server library: it asks the server.', ['vscode-languageserver', 'vscode-languageserver/*']),
        forbid('The client asks the server; it never imports the server or the CLI.', [...room('server'), ...room('cli')]),
        {
          // Pure data, the natural id order the views and pickers share, and one gunzip helper, until they move to shared.
          regex: '^(\\.\\./)+(engine/(?!(model/eventTypes|model/naturalOrder|config/busConfig|store/lineReader)$)|webview/(?!shared/escape$)|debugAdapter/(?!eventBusDebugSession$))',
          message: 'The client never parses the store itself (ask the server) and never imports the webview pages; only the modules named in test/lint/eslint.config.mjs are allowed.',
        },
      ),
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': rule(
        forbid('shared holds the contracts between processes: protocol types only.', ['vscode', 'vscode-languageclient', 'vscode-languageclient/*', 'vscode-languageserver', 'vscode-languageserver/*']),
        forbid('shared imports no room: every room imports it.', [...room('engine'), ...room('cli'), ...room('server'), ...room('extension'), ...room('webview')]),
      ),
    },
  },
  {
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': rule(
        forbid('Webview pages run in the browser: no node, no vscode, no LSP package.', [...VSCODE_PACKAGES, 'node:*']),
        forbid('Webview pages import shared only.', [...room('engine'), ...room('cli'), ...room('server'), ...room('extension')]),
      ),
    },
  },
);
