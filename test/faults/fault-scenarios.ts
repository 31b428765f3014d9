import type { GatewayProcess } from '../integration/gateway/gateway-process.js';
import { countOutcome, settled, type FaultCounts, type FaultRow } from './fault-outcome.js';
import { prepareWorld, type FaultWorld, type WorldOptions } from './fault-world.js';
import { startMisbehavingEndpoint } from './misbehaving-endpoint.js';
import { startPartnerSftpServer } from './partner-sftp-server.js';
import { startRedis, type RedisProcess } from './redis-process.js';

export interface ScenarioOptions {
  /** Inbound files: every third one an interchange of four purchase orders, the others one. */
  files: number;
  /** How long the gateway has to finish once the fault is over. Default 4 minutes. */
  settleMs?: number;
  /** Progress lines, for a long run. */
  log?: (line: string) => void;
}

/**
 * Redis killed with SIGKILL while `serve` and a `worker` process read the files, `serve` killed at
 * the same moment; Redis is started again, with what its append-only file kept (`appendOnly`) or
 * empty, then `serve`. The worker lives through it. Whatever Redis lost, the recovery sweep of
 * the new `serve` queues again from the database.
 *
 * @example
 * const row = await redisRestartScenario({ files: 300, appendOnly: false });
 */
export function redisRestartScenario(options: ScenarioOptions & { appendOnly: boolean }): Promise<FaultRow> {
  const scenario = options.appendOnly
    ? 'Redis SIGKILL, restarted with AOF everysec; serve SIGKILL'
    : 'Redis SIGKILL, restarted empty (no persistence); serve SIGKILL';
  return runScenario(scenario, options, options.appendOnly, async (world, redis, processes, notes) => {
    const third = Math.ceil(world.poNumbers.length / 3);
    const decided = await until(`${third} orders decided`, async () => {
      const n = await count(world, 'order_record');
      return n >= third ? n : undefined;
    });
    const serve = processes[0];
    await Promise.all([redis.kill(), serve?.stop('SIGKILL')]);
    const queued = await count(world, 'transmission', `direction = 'outbound' and status <> 'sent'`);
    notes.push(
      `killed with ${decided} of ${world.poNumbers.length} orders decided, ${queued} outbound undelivered`,
    );
    options.log?.(`${scenario}: ${notes.at(-1) ?? ''}`);
    await redis.restart();
    processes.push(await world.start('serve', redis.url));
  });
}

/**
 * The gateway's PostgreSQL connections terminated (`pg_terminate_backend`), eight times at 0.7 s
 * intervals, while `serve` and a `worker` process read the files: statements fail in the middle of
 * transactions and commits, and the jobs retry.
 *
 * @example
 * const row = await postgresDropScenario({ files: 300 });
 */
export function postgresDropScenario(options: ScenarioOptions): Promise<FaultRow> {
  const scenario = 'PostgreSQL connections terminated 8 times';
  return runScenario(scenario, options, false, async (world, _redis, _processes, notes) => {
    const tenth = Math.ceil(world.files.length / 10);
    await until(`${tenth} files read`, async () => {
      const n = await count(world, 'transmission', `direction = 'inbound' and status = 'processed'`);
      return n >= tenth ? n : undefined;
    });
    let dropped = 0;
    for (let round = 0; round < 8; round++) {
      const [row] = await world.query<{ n: string }>(
        `select count(pg_terminate_backend(pid)) as n from pg_stat_activity where application_name = ? and pid <> pg_backend_pid()`,
        [world.applicationName],
      );
      dropped += Number(row?.n ?? 0);
      await pause(700);
    }
    notes.push(`${dropped} connection(s) terminated`);
    options.log?.(`${scenario}: ${notes.at(-1) ?? ''}`);
  });
}

/**
 * The partner on the `http` transport, its endpoint misbehaving from the first post to the last:
 * of every ten posts of our 997s and 855s, one is never answered (the transport's 60 s timeout
 * ends it), one is answered 500, one 200 after 3 s, and one is read and kept and then cut off
 * without an answer, so that the gateway retries a file the partner has. The partner's files
 * come in through the intake route. Counted per file name (the `Idempotency-Key`): each 997 and
 * 855 the endpoint holds once; the copies it got again are noted.
 *
 * @example
 * const row = await partnerEndpointScenario({ files: 30 });
 */
export async function partnerEndpointScenario(options: ScenarioOptions): Promise<FaultRow> {
  const scenario = 'partner HTTP endpoint hangs, 500s, slow, cuts off after reading';
  const endpoint = await startMisbehavingEndpoint();
  try {
    return await runScenario(scenario, options, false, () => Promise.resolve(), { endpoint });
  } finally {
    await endpoint.close();
  }
}

/**
 * The partner on the `sftp` transport, its OpenSSH server on loopback killed with SIGKILL (the
 * listener and every session process, so our connections drop mid-request) four times and started
 * again a second later on the same port with the same host key, each time once our connections are
 * back: twice while our polls take the files from its inbox (a quarter taken, two thirds taken),
 * twice while our 997s and 855s go to its outbox (an eighth of them more there since the restart). Counted from the finished names in the remote outbox;
 * a temporary upload left there is noted (it is no delivery).
 *
 * @example
 * const row = await partnerSftpScenario({ files: 30 });
 */
export async function partnerSftpScenario(options: ScenarioOptions): Promise<FaultRow> {
  const scenario = "partner's sshd SIGKILL x4 mid-download/upload, restarted";
  const server = await startPartnerSftpServer();
  try {
    return await runScenario(
      scenario,
      options,
      false,
      async (world, _redis, _processes, notes) => {
        const files = world.files.length;
        const outbound = files * 2; // one 997 and one 855 per interchange
        let deliveredAtRestart = 0;
        // Some uploads since the last restart, and short of the last one so that some are still to go.
        const moreDelivered = async () =>
          (await server.delivered()) >= Math.min(outbound - 1, deliveredAtRestart + outbound / 8);
        const kills: [string, () => Promise<boolean>][] = [
          ['a quarter taken', async () => (await server.waiting()) <= files * 0.75],
          ['two thirds taken', async () => (await server.waiting()) <= files / 3],
          ['uploads going on', moreDelivered],
          ['uploads going on again', moreDelivered],
        ];
        for (const [moment, reached] of kills) {
          // Only once our connections are back: a kill of the bare listener cuts nothing off.
          await until(
            moment,
            async () => (server.connected() && (await reached()) ? true : undefined),
            180_000,
          );
          const { processes, open } = await server.kill();
          const [waiting, delivered] = [await server.waiting(), await server.delivered()];
          notes.push(
            `sshd killed at ${moment} (${processes} process(es), open: ${open.join(' ') || 'none'}): ${files - waiting}/${files} taken, ${delivered}/${outbound} delivered`,
          );
          options.log?.(`${scenario}: ${notes.at(-1) ?? ''}`);
          await pause(1_000);
          await server.restart();
          deliveredAtRestart = await server.delivered();
        }
      },
      { sftp: server },
    );
  } finally {
    await server.stop();
  }
}

/** How many orders, in files of how many, and how the workers die. */
export interface WorkerKillOptions extends Omit<ScenarioOptions, 'files'> {
  /** Purchase orders in all. Default 10,000. */
  orders?: number;
  /** Purchase orders in each file (one interchange). Default 10. */
  ordersPerFile?: number;
  /** `worker` processes beside `serve`. Default 2. */
  workers?: number;
  /** SIGKILLs, each followed by a new worker. Default 5. */
  kills?: number;
  /** Seed of the moments and the victims, so that a run can be repeated. Default 1. */
  seed?: number;
}

/**
 * `serve` and two `worker` processes on files of ten purchase orders each (10,000 orders, 1,000
 * files by default), a worker killed with SIGKILL five times at moments drawn from a seed: a
 * share of the orders decided, between 5 % and 90 %, then up to a second more, so that the kill
 * lands anywhere in a job; the victim is one of the live workers, also drawn, and a new worker is
 * started at once. `serve` lives through it. The dead worker's jobs come back when their locks
 * lapse (the stalled check), or from the recovery sweep.
 *
 * @example
 * const row = await workerKillScenario({ orders: 10_000, ordersPerFile: 10, kills: 5, seed: 1 });
 */
export function workerKillScenario(options: WorkerKillOptions = {}): Promise<FaultRow> {
  const { orders = 10_000, ordersPerFile = 10, workers = 2, kills = 5, seed = 1 } = options;
  const files = Math.ceil(orders / ordersPerFile);
  const scenario = `worker SIGKILL x${kills} (${workers} workers, seed ${seed})`;
  const random = seededRandom(seed);
  const moments = Array.from({ length: kills }, () => ({
    share: 0.05 + random() * 0.85,
    delayMs: Math.floor(random() * 1_000),
    victim: random(),
  })).sort((a, b) => a.share - b.share);
  return runScenario(
    scenario,
    { settleMs: 900_000, ...options, files },
    false,
    async (world, redis, processes, notes) => {
      const live = processes.slice(1);
      for (const [k, moment] of moments.entries()) {
        const atLeast = Math.ceil(world.poNumbers.length * moment.share);
        await until(
          `${atLeast} orders decided`,
          async () => ((await count(world, 'order_record')) >= atLeast ? true : undefined),
          600_000,
        );
        await pause(moment.delayMs);
        const index = Math.floor(moment.victim * live.length);
        const [victim] = live.splice(index, 1);
        const decided = await count(world, 'order_record');
        await victim?.stop('SIGKILL');
        const [stored, unsent] = [
          await count(world, 'canonical_document'),
          await count(world, 'transmission', `direction = 'outbound' and status <> 'sent'`),
        ];
        notes.push(
          `kill ${k + 1}: worker pid ${victim?.child.pid ?? '?'} at ${decided}/${world.poNumbers.length} orders decided (${Math.round(moment.share * 100)} % + ${moment.delayMs} ms), ${stored} canonical documents, ${unsent} outbound undelivered`,
        );
        options.log?.(`${scenario}: ${notes.at(-1) ?? ''}`);
        const fresh = await world.start('worker', redis.url);
        processes.push(fresh);
        live.push(fresh);
      }
    },
    { layout: { totalOrders: orders, ordersPerFile } },
    workers,
  );
}

/** Numbers in [0, 1) from a seed (mulberry32): the same seed, the same run of kills. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Fault = (
  world: FaultWorld,
  redis: RedisProcess,
  processes: GatewayProcess[],
  notes: string[],
) => Promise<void>;

/**
 * Starts the world, `serve` and a `worker` (or `workers` of them), drops the files, injects the
 * fault, waits and counts.
 */
async function runScenario(
  scenario: string,
  options: ScenarioOptions,
  appendOnly: boolean,
  fault: Fault,
  worldOptions: WorldOptions = {},
  workers = 1,
): Promise<FaultRow> {
  const began = Date.now();
  const redis = await startRedis({ appendOnly });
  const world = await prepareWorld(options.files, worldOptions);
  const processes: GatewayProcess[] = [];
  const notes: string[] = [];
  try {
    processes.push(await world.start('serve', redis.url));
    for (let w = 0; w < workers; w++) processes.push(await world.start('worker', redis.url));
    options.log?.(`${scenario}: ${world.files.length} files, ${world.poNumbers.length} purchase orders`);
    await world.dropFiles();
    await fault(world, redis, processes, notes);
    const counts = await settle(world, options.settleMs ?? 240_000, options.log);
    if (!settled(counts, world.files.length)) {
      const errors = processes
        .flatMap((p) => p.stderr().split('\n'))
        .filter((line) => /"level":(50|60)/.test(line));
      notes.push('did not settle in time', ...errors.slice(-3).map((line) => line.slice(0, 300)));
    }
    return {
      scenario,
      filesIn: world.files.length,
      ...counts,
      notes: [...notes, ...counts.notes],
      seconds: (Date.now() - began) / 1000,
    };
  } finally {
    for (const process of processes) await process.stop('SIGKILL');
    await redis.dispose();
    await world.dispose();
  }
}

/**
 * Counts until everything is read, acknowledged and answered, then once more after a quiet spell,
 * so that a duplicate on its way is counted too. Returns the last counts, settled or not.
 */
async function settle(
  world: FaultWorld,
  timeoutMs: number,
  log?: (line: string) => void,
): Promise<FaultCounts> {
  const deadline = Date.now() + timeoutMs;
  let counts = await countOutcome(world);
  for (let polls = 1; !settled(counts, world.files.length) && Date.now() < deadline; polls++) {
    await pause(500);
    counts = await countOutcome(world);
    if (polls % 20 === 0) {
      const { stored, lost, acks997, acks855 } = counts;
      log?.(
        `  waiting: ${stored} stored, ${lost} missing, ${acks997.delivered} 997s, ${acks855.answered} POs answered`,
      );
    }
  }
  await pause(3_000);
  return countOutcome(world);
}

async function count(world: FaultWorld, table: string, where = 'true'): Promise<number> {
  const [row] = await world.query<{ n: string }>(`select count(*) as n from $schema.${table} where ${where}`);
  return Number(row?.n ?? 0);
}

async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await pause(50);
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
