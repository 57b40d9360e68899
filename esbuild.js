// Bundles every process of the product: the `eventbus` CLI and the worker
// scripts the engine spawns (they must sit beside the bundle that spawns them,
// because the engine resolves them relative to its own __dirname).
const esbuild = require('esbuild');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const nodeEntries = {
  server: 'src/server/main.ts',
  debugAdapter: 'src/debugAdapter/main.ts',
  extension: 'src/extension/extension.ts',
  indexWorker: 'src/engine/index/indexWorker.ts',
  indexBuild: 'src/engine/index/indexBuildMain.ts',
  validateWorker: 'src/engine/validate/validateWorker.ts',
  projectionWorker: 'src/engine/state/projectionWorker.ts',
};

// The webview front ends run in the webview's browser, not in Node: one
// self-contained script each, into media/ (the only folder a webview may load).
const browserEntries = {
  inspector: 'src/webview/inspector/main.ts',
  timeline: 'src/webview/timeline/main.ts',
  query: 'src/webview/query/main.ts',
  publish: 'src/webview/publish/main.ts',
};

// The CLI is split: an ES module entry that knows the command list, and one
// chunk per command and per shared part, loaded when a command runs (start-up
// is most of a quick command's time; one 2 MB bundle took ~100 ms to parse
// and ~60 ms to evaluate before any command ran). esbuild splits ES modules
// only, so dist/cli/ holds .mjs files, and dist/cli.js (the package's bin) is
// a small CommonJS script that imports the entry.
const CLI_DIR = 'cli';
// The bundled CommonJS dependencies call require, and the engine finds its
// workers beside its bundle by __dirname: both are given to every chunk.
// __dirname is dist/, where the worker bundles are, not dist/cli/.
const ESM_PRELUDE = [
  "import { createRequire as __eventbusCreateRequire } from 'node:module';",
  "import { fileURLToPath as __eventbusFileURLToPath } from 'node:url';",
  "import { dirname as __eventbusDirname } from 'node:path';",
  'const require = __eventbusCreateRequire(import.meta.url);',
  'const __filename = __eventbusFileURLToPath(import.meta.url);',
  'const __dirname = __eventbusDirname(__eventbusDirname(__filename));',
].join('\n');
const CLI_SHIM = `#!/usr/bin/env node
'use strict';
// The eventbus command; its code is the ES modules in ./${CLI_DIR}/ (see esbuild.js).
import('./${CLI_DIR}/main.mjs').catch((error) => {
  process.stderr.write(\`eventbus: cannot start: \${error && error.message}\\n\`);
  process.exitCode = 2;
});
`;

async function main() {
  const fs = require('fs');
  const existing = (entries) =>
    Object.fromEntries(Object.entries(entries).filter(([, file]) => fs.existsSync(path.join(__dirname, file))));
  const entryPoints = existing(nodeEntries);
  const browserCtx = await esbuild.context({
    entryPoints: existing(browserEntries),
    outdir: path.join(__dirname, 'media'),
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    sourcemap: !production,
    minify: production,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const nodeOptions = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: !production,
    minify: production,
    legalComments: 'none',
    logLevel: 'warning',
    external: ['vscode', 'pg-native'],
    // jsonc-parser's default (UMD) entry has a require esbuild cannot follow; its ES module entry bundles cleanly.
    mainFields: ['module', 'main'],
  };
  const ctx = await esbuild.context({ ...nodeOptions, entryPoints, outdir: path.join(__dirname, 'dist'), format: 'cjs' });
  const cliDir = path.join(__dirname, 'dist', CLI_DIR);
  // Chunks are named by hash: old ones would pile up.
  fs.rmSync(cliDir, { recursive: true, force: true });
  const cliCtx = await esbuild.context({
    ...nodeOptions,
    entryPoints: { main: 'src/cli/main.ts' },
    outdir: cliDir,
    format: 'esm',
    splitting: true,
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    banner: { js: ESM_PRELUDE },
  });
  const cli = path.join(__dirname, 'dist', 'cli.js');
  fs.mkdirSync(path.dirname(cli), { recursive: true });
  fs.writeFileSync(cli, CLI_SHIM, { mode: 0o755 });
  fs.chmodSync(cli, 0o755);
  if (watch) {
    await Promise.all([ctx.watch(), browserCtx.watch(), cliCtx.watch()]);
    return;
  }
  await Promise.all([ctx.rebuild(), browserCtx.rebuild(), cliCtx.rebuild()]);
  await Promise.all([ctx.dispose(), browserCtx.dispose(), cliCtx.dispose()]);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
