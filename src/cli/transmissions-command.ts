import type { Command } from 'commander';
import { Redis } from 'ioredis';
import { loadConfig } from '../config/env.js';
import { defaultMappingsDir } from '../mapping/index.js';
import {
  listTransmissions,
  openQueues,
  parseListFilter,
  showTransmission,
  type ListFilterText,
  type PipelineQueues,
  type QueueingSupportDeps,
  type SupportDeps,
} from '../pipeline/index.js';
import { createRepositories } from '../store/index.js';
import { checkRedis, loadPartnerRegistry, openConfiguredStore, osUserName } from './gateway-runtime.js';
import type { CliOutput } from './output.js';
import { transmissionDetail, transmissionTable } from './transmission-format.js';
import { addFilterOptions, filterText, registerBulkCommands } from './transmissions-bulk-command.js';

interface ActorOption {
  actor: string;
}

interface ListOptions extends ActorOption, Omit<ListFilterText, 'limit'> {
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

  const list = group
    .command('list')
    .description('transmissions, newest first, a page at a time; search by business and control numbers');
  addFilterOptions(list)
    .option('--limit <n>', 'at most this many (1-1000)', '50')
    .option('--cursor <next>', 'the page after the one that printed this "next"')
    .option('--json', 'JSON { transmissions, next } instead of a table')
    .option(...actorOption)
    .action(async (opts: ListOptions) => {
      const filter = parseListFilter(filterText(opts));
      const page = await withDeps(false, (deps) => listTransmissions(filter, opts.actor, deps));
      if (opts.json === true) output.out(`${JSON.stringify(page, null, 2)}\n`);
      else {
        output.out(transmissionTable(page.transmissions));
        if (page.next !== null) output.out(`more: --cursor ${page.next}\n`);
      }
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

  registerBulkCommands(group, output, setExitCode, { actorOption, withDeps });
}

/** Opens the configured store (and queues when asked), runs one operation, closes everything. */
export async function withDeps<T>(queueing: true, run: (deps: QueueingSupportDeps) => Promise<T>): Promise<T>;
export async function withDeps<T>(queueing: false, run: (deps: SupportDeps) => Promise<T>): Promise<T>;
export async function withDeps<T>(
  queueing: boolean,
  run: (deps: QueueingSupportDeps) => Promise<T>,
): Promise<T> {
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
