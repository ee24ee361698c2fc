// Dependency rules `npm run lint` enforces (dependency-cruiser): the domain stays pure, SQL stays in
// persistence, apps don't reach into one another, unit specs need no services.
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'libs/domain is plain TypeScript: no Nest, no database or queue client, no other lib.',
      severity: 'error',
      from: { path: '^libs/domain/', pathNot: '\\.int-spec\\.ts$' },
      to: { path: ['node_modules/(@nestjs|typeorm|pg|ioredis|bullmq)/', '^libs/(?!domain/)', '^apps/'] },
    },
    {
      name: 'typeorm-only-in-persistence',
      comment: 'Only libs/persistence talks to the database through TypeORM (tests may inspect it).',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: ['^libs/persistence/', '\\.(int-)?spec\\.ts$'] },
      to: { path: 'node_modules/(typeorm|@nestjs/typeorm)/' },
    },
    {
      name: 'pg-only-in-persistence',
      comment: "pg directly: persistence, the test and bench helpers, and the relay's LISTEN connection.",
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: ['^libs/(persistence|testing)/', '^apps/worker/src/outbox/outbox-relay\\.ts$', '\\.(int-)?spec\\.ts$'] },
      to: { path: 'node_modules/pg/' },
    },
    {
      name: 'apps-are-apart',
      comment: 'One app never imports another (test/ and bench/ boot them).',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'unit-specs-need-no-services',
      comment: 'The unit tier (*.spec.ts) runs without PostgreSQL, Redis or files outside the repository.',
      severity: 'error',
      from: { path: '\\.spec\\.ts$', pathNot: '\\.int-spec\\.ts$' },
      to: { path: ['node_modules/(pg|ioredis|bullmq|typeorm|@nestjs/(typeorm|bullmq))/', '^libs/testing/src/(services|test-environment)\\.ts$'] },
    },
    {
      name: 'unit-specs-read-no-files',
      comment: 'A unit spec reads no files (a fixture comes in as a module); one that does belongs to the integration tier.',
      severity: 'error',
      from: { path: '\\.spec\\.ts$', pathNot: '\\.int-spec\\.ts$' },
      to: { dependencyTypes: ['core'], path: '^(node:)?fs(/promises)?$' },
    },
    {
      name: 'unit-specs-reach-no-services',
      comment: 'Not even through a barrel: a unit spec that loads pg or ioredis by way of @motcua/testing. A warning until render-pdf.spec.ts stops doing so.',
      severity: 'warn',
      from: { path: '\\.spec\\.ts$', pathNot: '\\.int-spec\\.ts$' },
      to: { reachable: true, path: ['node_modules/(pg|ioredis|bullmq|typeorm|@nestjs/(typeorm|bullmq))/', '^libs/testing/src/(services|test-environment)\\.ts$'] },
    },
    {
      name: 'no-circular-between-libs',
      comment: 'Libs form a hierarchy: no cycle that leaves the lib it starts in (cycles inside one lib are its own business).',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { circular: true, viaSomeNot: '^libs/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/|schema\\.d\\.ts$' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
