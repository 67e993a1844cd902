// Layout rules of the house (README "How it works"), checked by `npm run lint` in .ci/run. Type-only imports
// count: a room that needs another's types depends on it too.
const PRODUCT = '^(core|ingest|analyze|store|reports|pipeline|bin)/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'No import cycles. Known exception, left to the extraction work (analyze/extract/ is edited in ' +
        'parallel): gazetteer.ts and groups.ts import the types VictimRef and GroupRef from reference.ts, which ' +
        'imports them; moving each type to the module that uses it ends both cycles.',
      from: { pathNot: '^analyze/extract/(gazetteer|groups|reference)[.]ts$' },
      to: { circular: true },
    },
    {
      name: 'no-circular-beyond-the-known-one',
      severity: 'error',
      comment: 'The known type-only cycles above, and no other, may pass through those three files.',
      from: { path: '^analyze/extract/(gazetteer|groups|reference)[.]ts$' },
      to: { circular: true, pathNot: '^analyze/extract/(gazetteer|groups|reference)[.]ts$' },
    },
    {
      name: 'core-imports-no-room',
      severity: 'error',
      comment: 'core/ is the floor every room stands on: records, errors, effects, hashes, paths.',
      from: { path: '^core/' },
      to: { path: '^(ingest|analyze|store|reports|pipeline|bin|demo|bench|test|data)/' },
    },
    {
      name: 'stages-import-neither-pipeline-nor-bin',
      severity: 'error',
      from: { path: '^(ingest|analyze|store|reports)/' },
      to: { path: '^(pipeline|bin)/' },
    },
    {
      name: 'pipeline-does-not-import-bin',
      severity: 'error',
      from: { path: '^pipeline/' },
      to: { path: '^bin/' },
    },
    {
      name: 'store-imports-only-core',
      severity: 'error',
      comment: 'The store is the floor reports read from and stages write to: it imports no stage.',
      from: { path: '^store/' },
      to: { path: '^(ingest|analyze|reports)/' },
    },
    {
      name: 'ingest-and-analyze-do-not-import-store-or-reports',
      severity: 'error',
      comment: 'Stages pass records; pipeline/ connects them to the store.',
      from: { path: '^(ingest|analyze)/' },
      to: { path: '^(store|reports)/' },
    },
    {
      name: 'product-imports-no-bench-test-or-demo',
      severity: 'error',
      comment: 'Only bin/ may start the demo (demo/server.ts).',
      from: { path: PRODUCT },
      to: { path: '^(bench|test|demo)/', pathNot: '^demo/server[.]ts$' },
    },
    {
      name: 'only-bin-starts-the-demo',
      severity: 'error',
      from: { path: PRODUCT, pathNot: '^bin/' },
      to: { path: '^demo/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|demo/sites)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
