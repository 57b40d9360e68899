// Bundles every process of the product: the `eventbus` CLI and the worker
// scripts the engine spawns (they must sit beside the bundle that spawns them,
// because the engine resolves them relative to its own __dirname).
const esbuild = require('esbuild');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const nodeEntries = {
  cli: 'src/cli/main.ts',
  server: 'src/server/main.ts',
  debugAdapter: 'src/debugAdapter/main.ts',
  extension: 'src/extension/extension.ts',
  indexWorker: 'src/engine/index/indexWorker.ts',
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
  const ctx = await esbuild.context({
    entryPoints,
    outdir: path.join(__dirname, 'dist'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: !production,
    minify: production,
    legalComments: 'none',
    logLevel: 'warning',
    external: ['vscode', 'pg-native'],
    // jsonc-parser's default (UMD) entry has a require esbuild cannot follow; its ES module entry bundles cleanly.
    mainFields: ['module', 'main'],
  });
  if (watch) {
    await Promise.all([ctx.watch(), browserCtx.watch()]);
    return;
  }
  await Promise.all([ctx.rebuild(), browserCtx.rebuild()]);
  await Promise.all([ctx.dispose(), browserCtx.dispose()]);
  const cli = path.join(__dirname, 'dist', 'cli.js');
  if (fs.existsSync(cli)) fs.chmodSync(cli, 0o755);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
