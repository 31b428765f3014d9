import type { Command } from 'commander';
import { Redis } from 'ioredis';
import { loadConfig } from '../config/env.js';
import { defaultMappingsDir } from '../mapping/index.js';
import {
  listTransmissions,
  openQueues,
  parseListFilter,
  reprocessTransmission,
  resendTransmission,
  showTransmission,
  type PipelineQueues,
  type QueueingSupportDeps,
  type SupportDeps,
} from '../pipeline/index.js';
import { createRepositories } from '../store/index.js';
import { checkRedis, loadPartnerRegistry, openConfiguredStore, osUserName } from './gateway-runtime.js';
import type { CliOutput } from './output.js';
import { transmissionDetail, transmissionTable } from './transmission-format.js';

interface ActorOption {
  actor: string;
}

interface ListOptions extends ActorOption {
  status?: string;
  partner?: string;
  limit: string;
  json?: boolean;
}

/**
 * `edi-gateway transmissions list|show|resend|reprocess`: the support operations, run against
 * the gateway's database (DATABASE_URL or DATA_DIR) and, to resend or reprocess, its Redis
 * (REDIS_URL, QUEUE_PREFIX). The gateway need not run; its workers pick the jobs up when it does.
 * Every operation is audited under `--actor` (default: the OS user).
 *
 * @example
 * registerTransmissionCommands(program, output, (code) => (exitCode = code));
 */
export function registerTransmissionCommands(
  program: Command,
  output: CliOutput,
  setExitCode: (code: number) => void,
): void {
  const group = program
    .command('transmissions')
    .description('support operations on stored transmissions: list, show, resend, reprocess (audited)');
  const actorOption = ['--actor <name>', 'who does this, for the audit trail', osUserName()] as const;

  group
    .command('list')
    .description('transmissions, newest first')
    .option(
      '--status <status>',
      'only this status: received, processing, processed, rejected, failed, sent, acknowledged',
    )
    .option('--partner <id>', 'only this partner')
    .option('--limit <n>', 'at most this many (1-1000)', '50')
    .option('--json', 'a JSON array instead of a table')
    .option(...actorOption)
    .action(async (opts: ListOptions) => {
      const filter = parseListFilter({ status: opts.status, partner: opts.partner, limit: opts.limit });
      const rows = await withDeps(false, (deps) => listTransmissions(filter, opts.actor, deps));
      output.out(opts.json === true ? `${JSON.stringify(rows, null, 2)}\n` : transmissionTable(rows));
      setExitCode(0);
    });

  group
    .command('show')
    .description('one transmission: history, envelopes, documents, acknowledgements, exceptions, audit trail')
    .argument('<id>', 'transmission id')
    .option('--json', 'JSON instead of text')
    .option(...actorOption)
    .action(async (id: string, opts: ActorOption & { json?: boolean }) => {
      const view = await withDeps(false, (deps) => showTransmission(id, opts.actor, deps));
      output.out(opts.json === true ? `${JSON.stringify(view, null, 2)}\n` : transmissionDetail(view));
      setExitCode(0);
    });

  group
    .command('resend')
    .description('deliver an outbound transmission (failed or sent) again: same bytes, same file name')
    .argument('<id>', 'outbound transmission id')
    .option(...actorOption)
    .action(async (id: string, opts: ActorOption) => {
      const result = await withDeps(true, (deps) => resendTransmission(id, opts.actor, deps));
      output.out(
        `resend of ${id} (${result.fileName}, was ${result.previousStatus}) queued as job ${result.jobId}\n`,
      );
      setExitCode(0);
    });

  group
    .command('reprocess')
    .description('read an inbound transmission again from its stored bytes, and rerun its failed documents')
    .argument('<id>', 'inbound transmission id')
    .option(...actorOption)
    .action(async (id: string, opts: ActorOption) => {
      const result = await withDeps(true, (deps) => reprocessTransmission(id, opts.actor, deps));
      const documents =
        result.retriedDocuments.length === 0
          ? ''
          : `; documents run again: ${result.retriedDocuments.join(', ')}`;
      const batches =
        result.retriedBatches.length === 0
          ? ''
          : `; 855 batches sent again: ${result.retriedBatches.join(', ')}`;
      output.out(
        `reprocess of ${id} (was ${result.previousStatus}) queued as job ${result.jobId}${documents}${batches}\n`,
      );
      setExitCode(0);
    });
}

/** Opens the configured store (and queues when asked), runs one operation, closes everything. */
async function withDeps<T>(queueing: true, run: (deps: QueueingSupportDeps) => Promise<T>): Promise<T>;
async function withDeps<T>(queueing: false, run: (deps: SupportDeps) => Promise<T>): Promise<T>;
async function withDeps<T>(queueing: boolean, run: (deps: QueueingSupportDeps) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env);
  const mappingsDir = defaultMappingsDir();
  const partners = loadPartnerRegistry(config, mappingsDir);
  if (queueing) await checkRedis(config.REDIS_URL);
  const store = await openConfiguredStore(config, { existing: true });
  let redis: Redis | undefined;
  let queues: PipelineQueues | undefined;
  try {
    if (queueing) {
      redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1 });
      queues = openQueues(redis, config.QUEUE_PREFIX);
    }
    const deps = { repositories: createRepositories(store.orm), partners, mappingsDir };
    // Reading needs no queues: a `show` works while Redis is down. The overloads above keep a
    // caller that asked for no queues from using them.
    return await run((queues === undefined ? deps : { ...deps, queues }) as QueueingSupportDeps);
  } finally {
    await queues?.close();
    if (redis !== undefined) await redis.quit().catch(() => redis?.disconnect());
    await store.close();
  }
}
