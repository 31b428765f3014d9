/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules import each other in a circle: split out what both need.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-without-io',
      severity: 'error',
      from: { path: '^src/(x12|canonical|mapping|core)/' },
      to: {
        path: [
          '^src/(store|pipeline|transports|api|cli|observability|as2|marketplaces|console|auth)/',
          '(^|/)node_modules/(bullmq|ioredis|@mikro-orm|axios|express|ssh2|ssh2-sftp-client|pg|@libsql)/',
        ],
      },
    },
    {
      name: 'domain-without-node-io',
      severity: 'error',
      comment:
        'The domain folders reach no network, process or thread. Reading files is left to the few that load the X12 specs and mapping files.',
      from: { path: '^src/(x12|canonical|mapping|core)/' },
      to: {
        dependencyTypes: ['core'],
        path: '^(node:)?(net|http|http2|https|child_process|cluster|dgram|dns|tls|worker_threads)$',
      },
    },
    {
      name: 'domain-files-in-loaders-only',
      severity: 'error',
      comment: 'Only the loaders of specs and mapping files read the disk.',
      from: {
        path: '^src/(x12|canonical|mapping|core)/',
        pathNot: [
          '^src/x12/specs/index\\.ts$',
          '^src/mapping/(mappings-dir|translate-x12)\\.ts$',
          '^src/mapping/engine/(load-mapping|file-cache)\\.ts$',
        ],
      },
      to: { dependencyTypes: ['core'], path: '^(node:)?fs(/promises)?$' },
    },
    {
      name: 'enter-through-index',
      severity: 'error',
      comment:
        'Another module is entered through an index.ts only. x12/diagnostic.ts is the one light entry: the CLI formats diagnostics without loading the X12 reader.',
      from: { path: '^src/([^/]+)/' },
      to: {
        path: '^src/([^/]+)/.+',
        pathNot: ['^src/$1/', '/index\\.ts$', '^src/x12/diagnostic\\.ts$'],
      },
    },
    {
      name: 'business-without-queue-library',
      severity: 'error',
      comment:
        'Order flow, reconciliation, support operations, business events and the recovery sweep queue work through the JobQueue port (pipeline/job-queue.ts), never through BullMQ or Redis.',
      from: { path: '^src/pipeline/(orders|reconciliation|support|events|recovery)/' },
      to: { path: '(^|/)node_modules/(bullmq|ioredis)/', reachable: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
