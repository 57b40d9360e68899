// `npm run lint`, second half: the engine's floors and import loops, which
// eslint's path rules cannot see (a loop is a property of the whole graph).
// The rooms' boundaries are in eslint.config.mjs; ARCHITECTURE.md explains both.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-import-loops',
      comment: 'Two modules that import each other (directly or around a loop) cannot be understood, tested or moved one at a time.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'model-is-the-ground-floor',
      comment: 'engine/model holds the data shapes every floor shares: it imports nothing else of the engine.',
      severity: 'error',
      from: { path: '^src/engine/model/' },
      to: { path: '^src/', pathNot: '^src/engine/model/' },
    },
    {
      name: 'store-stands-on-model-only',
      comment: "engine/store owns the store's files (layout, lines, locks, crash-safe writes, journals); index, state, snapshot, migrate, ttl and the bus stand on it, never the other way.",
      severity: 'error',
      from: { path: '^src/engine/store/' },
      to: { path: '^src/', pathNot: '^src/engine/(store|model)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(out|dist|media|node_modules)/' },
  },
};
