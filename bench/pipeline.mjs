#!/usr/bin/env node
// End-to-end speed of the pipeline on PostgreSQL and the local Redis: purchase orders land in a
// partner's folder inbox, intake stores and queues them (in this process), and 1, 2 or 4
// `edi-gateway worker` processes read them, store documents and orders, and deliver a 997 per
// interchange and an 855 per order (every order is acceptable: catalog, prices and stock are
// seeded) to the outbox. Prints POs/s from the first file landing to the last 997 delivered and
// to the last 855 delivered, intake time, p50/p99 latency per interchange from stored to its 997
// marked sent (the database's own timestamps), and the workers' CPU time per PO, which is the
// figure to compare on a shared machine. Every run has a fresh schema and queue prefix, removed
// afterwards.
// Usage: npm run bench:pipeline
//        node bench/pipeline.mjs [--pos 2000] [--workers 1,2,4] [--shapes single,batch]
//                                [--profile] [--count-queries] [--dist dirA,dirB]
// --profile writes a CPU profile of every worker to bench/out/profiles/ (read it with
// `node bench/profile-summary.mjs <file.cpuprofile>`); --count-queries makes every worker print
// the SQL statements it sent, by shape, when it stops. --dist runs the workers from each of
// several builds in turn (copies of dist/ under bench/out/, say one taken before a change), so
// that before and after are measured side by side.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { PartnerRegistry } from '../dist/partners/index.js';
import {
  ackTransmissionId,
  createPartnerTransports,
  openQueues,
  pollInboxOnce,
} from '../dist/pipeline/index.js';
import { createRepositories, openStore } from '../dist/store/index.js';
import { masterDataFor, purchaseOrderInterchange } from '../scripts/generate-850s.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PARTNER_ID = 'acme-retail';
const PER_BATCH_FILE = 100;
const PRICE_LIST = 'acme-bench';
const IN_A_MONTH = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString().slice(0, 10).replace(/-/g, '');

const { values: args } = parseArgs({
  options: {
    pos: { type: 'string', default: '2000' },
    workers: { type: 'string', default: '1,2,4' },
    shapes: { type: 'string', default: 'single,batch' },
    profile: { type: 'boolean', default: false },
    'count-queries': { type: 'boolean', default: false },
    dist: { type: 'string' },
  },
});
const POS = Number(args.pos);
const WORKER_COUNTS = args.workers.split(',').map(Number);
const SHAPES = args.shapes.split(',');
// Builds to compare, taking turns within each row of the table: on a shared machine, figures
// measured minutes apart are not comparable.
const BUILDS = args.dist === undefined ? [undefined] : args.dist.split(',');

/** The inbound files of one run: one PO per file, or one interchange of 100 POs per file. */
function inboundFiles(shape) {
  const perFile = shape === 'batch' ? PER_BATCH_FILE : 1;
  const files = [];
  for (let first = 1, n = 1; first <= POS; first += perFile, n++) {
    const orders = Math.min(perFile, POS - first + 1);
    const content = purchaseOrderInterchange({
      controlNumber: n,
      firstOrder: first,
      orders,
      sender: 'ACMERETAIL',
      receiver: 'OURGATEWAY',
      deliveryDate: IN_A_MONTH,
    });
    files.push({ name: `po-${String(n).padStart(5, '0')}.x12`, content });
  }
  return files;
}

function partnerYaml(inbox, outbox) {
  return `id: ${PARTNER_ID}
name: Acme Retail
kind: x12
identity:
  theirs: { isaQualifier: ZZ, isaId: ACMERETAIL, gsId: ACMERETAIL }
  ours: { isaQualifier: ZZ, isaId: OURGATEWAY, gsId: OURGATEWAY }
x12:
  version: '004010'
documents:
  inbound: ['850']
  outbound: ['855']
acknowledgements: { functional: '997' }
duplicates: { windowDays: 30, policy: reject }
transport:
  type: folder
  inbox: ${JSON.stringify(inbox)}
  outbox: ${JSON.stringify(outbox)}
  pollSeconds: 5
business:
  priceList: ${PRICE_LIST}
  allocation: { strategy: single-location-first, locations: [DC-EAST] }
`;
}

/** `edi-gateway worker`, from this checkout's dist/ or from the build in `build`. */
function startWorker(env, profileDir, build) {
  const flags = profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`];
  if (args['count-queries']) flags.push('--import', join(root, 'bench/count-queries.mjs'));
  const command =
    build === undefined
      ? [join(root, 'bin/edi-gateway.js'), 'worker']
      : [
          '--input-type=module',
          '-e',
          `import { main } from ${JSON.stringify(pathToFileURL(resolve(build, 'cli/main.js')).href)};` +
            `process.exitCode = await main(['worker']);`,
        ];
  const child = spawn(process.execPath, [...flags, ...command], {
    cwd: root,
    // Warnings only, unless LOG_LEVEL says otherwise: a log line per job is a cost of its own.
    env: { PATH: process.env.PATH, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const ready = new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
      if (/^workers: /m.test(stdout)) resolve();
    });
    void exited.then((code) => reject(new Error(`a worker exited (${code}) before it was ready`)));
  });
  return { child, ready, exited };
}

/**
 * CPU time (user + system, ms) a process has used, from /proc: the figure that survives a busy,
 * shared machine, where elapsed time mostly measures the neighbours. Undefined off Linux.
 */
async function cpuMs(pid) {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, fields 14 and 15 of the whole line, in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

async function rows(connection, sql, params = []) {
  return connection.execute(sql, params, 'all');
}

async function pendingJobs(queues) {
  let pending = 0;
  for (const queue of [queues.inbound, queues.documents, queues.outbound]) {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'paused');
    pending += Object.values(counts).reduce((sum, n) => sum + n, 0);
  }
  return pending;
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** One run: fresh folders, schema, prefix and worker processes; returns its figures. */
async function run(shape, workerCount, build) {
  const dir = await mkdtemp(join(tmpdir(), 'edi-bench-'));
  const [inbox, outbox, partnersDir] = ['inbox', 'outbox', 'partners'].map((d) => join(dir, d));
  await Promise.all([inbox, outbox, partnersDir].map((d) => mkdir(d)));
  await writeFile(join(partnersDir, `${PARTNER_ID}.yaml`), partnerYaml(inbox, outbox));
  const partner = PartnerRegistry.fromDirectory(partnersDir).get(PARTNER_ID);
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const prefix = `{edi-bench-${randomBytes(6).toString('hex')}}`;
  const store = await openStore({ DATABASE_URL, DATA_DIR: 'unused' }, { schema, poolSize: 4 });
  const db = store.orm.em.getConnection();
  // Every order is acceptable (known items, list prices, stock), so each is answered with an 855.
  const repositories = createRepositories(store.orm);
  const seed = masterDataFor(POS, { priceListId: PRICE_LIST, locationId: 'DC-EAST' });
  await repositories.catalog.upsertItems(seed.catalog);
  await repositories.priceLists.upsertEntries(seed.priceList.id, seed.priceList.entries);
  await repositories.inventory.upsertLevels(seed.inventory);
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queues = openQueues(redis, prefix);
  const transports = createPartnerTransports({ folder: { settleMs: 0 } });
  const profileDir = args.profile ? join(root, 'bench/out/profiles', `${shape}-${workerCount}w`) : undefined;
  const env = {
    DATABASE_URL,
    DATABASE_SCHEMA: schema,
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    PARTNERS_DIR: partnersDir,
  };
  const workers = Array.from({ length: workerCount }, () => startWorker(env, profileDir, build));
  try {
    await Promise.all(workers.map((w) => w.ready));
    // Starting up (loading modules, migrations check) is not the work being measured.
    const cpuAtReady = await Promise.all(workers.map((w) => cpuMs(w.child.pid)));
    const files = inboundFiles(shape);

    const landed = Date.now();
    await Promise.all(files.map((f) => writeFile(join(inbox, f.name), f.content)));
    const transport = transports.forPartner(partner);
    const deps = { transmissions: repositories.transmissions, queues };
    for (let taken = 0; taken < files.length;)
      taken += (await pollInboxOnce(transport, partner, deps)).stored.length;
    const intakeMs = Date.now() - landed;

    const s = `"${schema}"`;
    for (;;) {
      await sleep(200);
      const [inb] = await rows(
        db,
        `select count(*) filter (where status = 'processed') as done, count(*) as n from ${s}.transmission where direction = 'inbound'`,
      );
      const [out] = await rows(
        db,
        `select count(*) filter (where status <> 'sent') as unsent, count(*) filter (where source_ref like '997-%') as acks from ${s}.transmission where direction = 'outbound'`,
      );
      const settled =
        Number(inb.done) === files.length &&
        Number(out.unsent) === 0 &&
        Number(out.acks) === files.length &&
        (await pendingJobs(queues)) === 0;
      if (settled) break;
    }

    const inbound = await rows(
      db,
      `select id, received_at from ${s}.transmission where direction = 'inbound'`,
    );
    const interchanges = await rows(
      db,
      `select transmission_id, control_number from ${s}.interchange_record where direction = 'inbound'`,
    );
    const sent = await rows(
      db,
      `select t.id, t.source_ref, max(e.at) as at from ${s}.transmission t join ${s}.transmission_event e on e.transmission_id = t.id where t.direction = 'outbound' and e.status = 'sent' group by t.id, t.source_ref`,
    );
    const sentAt = new Map(sent.map((r) => [r.id, new Date(r.at).getTime()]));
    const receivedAt = new Map(inbound.map((r) => [r.id, new Date(r.received_at).getTime()]));
    const latencies = interchanges
      .map(
        (i) =>
          sentAt.get(ackTransmissionId(i.transmission_id, i.control_number)) -
          receivedAt.get(i.transmission_id),
      )
      .sort((a, b) => a - b);
    const last = (prefixOfName) =>
      Math.max(...sent.filter((r) => r.source_ref.startsWith(prefixOfName)).map((r) => sentAt.get(r.id)));
    const to997 = last('997-') - landed;
    const cpuAtEnd = await Promise.all(workers.map((w) => cpuMs(w.child.pid)));
    const workerCpu = cpuAtEnd.reduce((sum, ms, i) => sum + ms - cpuAtReady[i], 0);
    const sent855 = sent.filter((r) => r.source_ref.startsWith('855-')).length;
    return {
      shape,
      workers: workerCount,
      files: files.length,
      intakeMs,
      to997,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      sent855,
      to855: sent855 > 0 ? last('855-') - landed : undefined,
      cpuPerPo: Number.isNaN(workerCpu) ? undefined : workerCpu / POS,
    };
  } finally {
    for (const w of workers) w.child.kill('SIGTERM');
    await Promise.all(workers.map((w) => w.exited));
    await queues.close();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    await db.execute(`drop schema if exists "${schema}" cascade`);
    await store.close();
    await transports.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const rate = (ms) => (ms === undefined ? '-' : Math.round(POS / (ms / 1000)).toString());
const secs = (ms) => (ms === undefined ? '-' : (ms / 1000).toFixed(1));
console.log(`${POS} POs per run; ${cpus().length} cores; node ${process.version}`);
console.log(
  'shape   POs/file  files  workers  intake s  to last 997 s  POs/s (997)  p50 ms  p99 ms  855s  to last 855 s  POs/s (855)  worker CPU ms/PO',
);
for (const shape of SHAPES) {
  for (const workers of WORKER_COUNTS) {
    for (const build of BUILDS) {
      const r = await run(shape, workers, build);
      const perFile = shape === 'batch' ? PER_BATCH_FILE : 1;
      console.log(
        [
          shape.padEnd(6),
          String(perFile).padStart(8),
          String(r.files).padStart(6),
          String(r.workers).padStart(8),
          secs(r.intakeMs).padStart(9),
          secs(r.to997).padStart(14),
          rate(r.to997).padStart(12),
          String(r.p50).padStart(7),
          String(r.p99).padStart(7),
          String(r.sent855).padStart(5),
          secs(r.to855).padStart(14),
          rate(r.to855).padStart(12),
          (r.cpuPerPo === undefined ? '-' : r.cpuPerPo.toFixed(1)).padStart(17),
          ...(build === undefined ? [] : [`  ${build}`]),
        ].join(' '),
      );
    }
  }
}
