import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ackTransmissionId, documentHandlers, pollInboxOnce } from '../../../src/pipeline/index.js';
import { masterDataFor, purchaseOrderInterchange } from '../../../scripts/generate-850s.mjs';
import { REDIS_URL, startHarness, waitFor, type Harness } from '../pipeline/pipeline-harness.js';
import { TEST_DATABASE_URL } from '../store/postgres-test-schema.js';
import {
  countIfTable,
  failedJobs,
  outboxFiles,
  pendingJobs,
  query,
  recoveredJobs,
  repeated,
  statusCounts,
} from './pipeline-state.js';
import { spawnWorker, type WorkerChild } from './worker-child.js';

/** What is sent, and when the workers die. */
interface Scenario {
  interchanges: number;
  /** Purchase orders in each interchange: one goes through its own job, more are decided together. */
  ordersPerInterchange: number;
  /**
   * Interchanges per file, in turn: partners send single orders and batches, and a kill in the
   * middle of a file leaves some of its interchanges done and some not.
   */
  fileSizes: number[];
  /**
   * A worker dies once this many rows are in the table (`canonical_document` while documents are
   * stored, `order_record` while orders are decided), one kill after another, each with a new
   * worker started after it: well after the start, well before the end.
   */
  kills: { table: 'canonical_document' | 'order_record'; atLeast: number }[];
}

const ONE_BY_ONE: Scenario = {
  interchanges: 1000,
  ordersPerInterchange: 1,
  fileSizes: [1, 4, 2, 3],
  kills: [{ table: 'canonical_document', atLeast: 300 }],
};

const TOGETHER: Scenario = {
  interchanges: 60,
  ordersPerInterchange: 10,
  fileSizes: [1, 3, 2],
  kills: [
    { table: 'canonical_document', atLeast: 120 },
    { table: 'order_record', atLeast: 250 },
    { table: 'order_record', atLeast: 420 },
  ],
};

const PRICE_LIST = 'acme-crash';
/** Every order is accepted: its items, prices and stock exist, and it asks for delivery in a month. */
const BUSINESS = {
  priceList: PRICE_LIST,
  allocation: { strategy: 'single-location-first', locations: ['DC-EAST'] },
};

/** The scenario's interchanges, each one group of distinct 850s, in files of its sizes. */
function inboundFiles(scenario: Scenario): { name: string; content: string }[] {
  const { interchanges: INTERCHANGES, fileSizes: FILE_SIZES, ordersPerInterchange } = scenario;
  const inAMonth = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString().slice(0, 10).replace(/-/g, '');
  const files: { name: string; content: string }[] = [];
  for (let next = 1, f = 0; next <= INTERCHANGES; f++) {
    const size = Math.min(FILE_SIZES[f % FILE_SIZES.length]!, INTERCHANGES - next + 1);
    let content = '';
    for (let i = 0; i < size; i++, next++) {
      content += purchaseOrderInterchange({
        controlNumber: next,
        firstOrder: (next - 1) * ordersPerInterchange + 1,
        orders: ordersPerInterchange,
        sender: 'ACMERETAIL',
        receiver: 'OURGATEWAY',
        deliveryDate: inAMonth,
      });
    }
    files.push({ name: `po-${String(f + 1).padStart(4, '0')}.x12`, content });
  }
  return files;
}

describe('worker processes killed with SIGKILL in the middle of the work', () => {
  let harness: Harness | undefined;
  const workers: WorkerChild[] = [];
  afterEach(async () => {
    for (const w of workers.splice(0)) {
      w.process.kill('SIGKILL');
      await w.exited;
    }
    await harness?.dispose();
    harness = undefined;
  });

  it('lose nothing and send nothing twice: 1,000 single-order interchanges, one kill', async () => {
    harness = await runScenario(ONE_BY_ONE, (h) => (harness = h), workers);
  }, 150_000);

  it('lose nothing and send nothing twice: 600 orders decided ten at a time, three kills', async () => {
    harness = await runScenario(TOGETHER, (h) => (harness = h), workers);
  }, 150_000);
});

/** Runs a scenario to the end and checks every document, order and acknowledgement. */
async function runScenario(
  scenario: Scenario,
  started: (h: Harness) => void,
  workers: WorkerChild[],
): Promise<Harness> {
  const INTERCHANGES = scenario.interchanges;
  const ORDERS = INTERCHANGES * scenario.ordersPerInterchange;
  {
    const began = Date.now();
    const h = await startHarness({
      workers: 'none',
      business: BUSINESS,
      seed: masterDataFor(ORDERS, { priceListId: PRICE_LIST, locationId: 'DC-EAST' }),
    });
    started(h);
    const env = {
      DATABASE_URL: TEST_DATABASE_URL,
      DATABASE_SCHEMA: h.schema,
      REDIS_URL,
      QUEUE_PREFIX: h.prefix,
      PARTNERS_DIR: h.partnersDir,
      // A dead worker's jobs come back once their lock lapses: seconds here, not BullMQ's 30 s.
      QUEUE_LOCK_MS: '4000',
      QUEUE_STALLED_CHECK_MS: '1000',
    };
    const start = (): WorkerChild => {
      const worker = spawnWorker(env);
      workers.push(worker);
      return worker;
    };
    const seeded = Date.now();
    let current = start();
    await current.ready;

    const files = inboundFiles(scenario);
    await Promise.all(files.map((f) => writeFile(join(h.inbox, f.name), f.content)));
    const intake = takeEveryFile(h, files.length);

    const atKill: string[] = [];
    for (const kill of scenario.kills) {
      const seen = await waitFor(
        `${kill.atLeast} rows in ${kill.table}`,
        async () => {
          const n = (await countIfTable(h, kill.table)) ?? 0;
          return n >= kill.atLeast ? n : undefined;
        },
        60_000,
      );
      current.process.kill('SIGKILL');
      expect(await current.exited).toEqual({ code: null, signal: 'SIGKILL' });
      workers.splice(workers.indexOf(current), 1);
      atKill.push(`${seen}-${(await countIfTable(h, kill.table)) ?? 0} ${kill.table}`);
      current = start();
      await current.ready;
    }
    expect(await purchaseOrders(h)).toBeLessThanOrEqual(ORDERS);

    const killed = Date.now();
    const second = current;
    expect(await intake).toBe(files.length);
    let last = {};
    await waitFor(
      'every transmission to be read and every acknowledgement sent',
      async () => {
        const inbound = await statusCounts(h, 'inbound');
        const outbound = await statusCounts(h, 'outbound');
        const pending = await pendingJobs(h);
        last = { inbound, outbound, pending };
        const settled =
          inbound['processed'] === files.length &&
          (outbound['sent'] ?? 0) >= INTERCHANGES + Math.ceil(ORDERS / scenario.ordersPerInterchange) &&
          Object.keys(outbound).every((s) => s === 'sent') &&
          pending === 0;
        return settled ? true : undefined;
      },
      90_000,
    ).catch((error: Error) => {
      const stderr = second.stderr().slice(-2000);
      throw new Error(`${error.message}; last seen ${JSON.stringify(last)}; worker stderr: ${stderr}`);
    });
    const finished = Date.now();
    second.process.kill('SIGTERM');
    await second.exited;
    workers.splice(workers.indexOf(second), 1);
    // The kill hit jobs in the middle of their work, which the new process ran again.
    const rerun = await recoveredJobs(h);
    const unlinked = await countIfTable(
      h,
      'canonical_document',
      `type = 'purchase_order' and transaction_set_id is null`,
    );
    const s = (from: number, to: number) => `${((to - from) / 1000).toFixed(1)} s`;
    console.info(
      `killed at ${atKill.join(', ')} (of ${ORDERS} purchase orders); jobs run again: ` +
        `${JSON.stringify(rerun)}; documents without their transaction set: ${unlinked}; setup ` +
        `${s(began, seeded)}, until the last kill ${s(seeded, killed)}, last worker ${s(killed, finished)}`,
    );
    expect(Object.values(rerun).reduce((sum, n) => sum + n, 0)).toBeGreaterThan(0);

    // Nothing lost, nothing stored twice.
    expect(await statusCounts(h, 'inbound')).toEqual({ processed: files.length });
    expect(await purchaseOrders(h)).toBe(ORDERS);
    // A run that died between indexing and storing documents is completed with the same links.
    expect(unlinked).toBe(0);
    // Orders exist once the core takes purchase orders (the table may come before the handler).
    const takesOrders = documentHandlers.purchase_order !== undefined;
    if (takesOrders) expect(await countIfTable(h, 'order_record')).toBe(ORDERS);
    expect(await failedJobs(h)).toBe(0);
    expect(await countIfTable(h, 'exception_record', `kind = 'processing-failed'`)).toBe(0);

    // Exactly one acknowledgement transmission per inbound interchange, under its derived id.
    const interchanges = await query<{ transmission_id: string; control_number: string }>(
      h,
      `select transmission_id, control_number from $schema.interchange_record where direction = 'inbound'`,
    );
    expect(interchanges).toHaveLength(INTERCHANGES);
    const acks = await query<{ id: string; source_ref: string; payload: Buffer }>(
      h,
      `select id, source_ref, payload from $schema.transmission where direction = 'outbound' and source_ref like '997-%'`,
    );
    expect(acks.map((a) => a.id).sort()).toEqual(
      interchanges.map((i) => ackTransmissionId(i.transmission_id, i.control_number)).sort(),
    );

    // One 997 file per inbound interchange, none delivered twice, no ISA13 used twice.
    const outbox = await outboxFiles(h);
    // A second delivery of a file would land beside the first as `997-000000123-1.x12`.
    expect(outbox.map((f) => f.name).filter((n) => !/^(997|855)-\d{9}\.x12$/.test(n))).toEqual([]);
    const sent997 = outbox.filter((f) => f.set === '997');
    expect(sent997).toHaveLength(INTERCHANGES);
    expect(repeated(outbox.map((f) => f.content))).toEqual({});
    expect(repeated(outbox.map((f) => f.isa13))).toEqual({});
    expect(outbox.filter((f) => f.set !== '997' && f.set !== '855').map((f) => f.name)).toEqual([]);
    const allOutbound = await query<{ payload: Buffer }>(
      h,
      `select payload from $schema.transmission where direction = 'outbound'`,
    );
    expect(outbox).toHaveLength(allOutbound.length);
    expect(repeated(allOutbound.map((t) => t.payload.toString('utf8').split('*')[13] ?? ''))).toEqual({});

    // Each inbound group (GS06 = ISA13 here) acknowledged by exactly one AK1 across all files.
    const ak1 = sent997.flatMap((f) => [...f.content.matchAll(/AK1\*PO\*(\d+)~/g)].map((m) => Number(m[1])));
    expect(ak1.sort((a, b) => a - b)).toEqual(Array.from({ length: INTERCHANGES }, (_, i) => i + 1));

    // Where the core answers orders, every one of them (all acceptable) gets exactly one 855.
    const pos855 = outbox
      .filter((f) => f.set === '855')
      .flatMap((f) => [...f.content.matchAll(/BAK\*\w*\*\w*\*([^*~]+)/g)].map((m) => m[1]!));
    expect(pos855.sort()).toEqual(
      takesOrders ? Array.from({ length: ORDERS }, (_, i) => `PO${String(i + 1).padStart(9, '0')}`) : [],
    );
    return h;
  }
}

async function purchaseOrders(h: Harness): Promise<number> {
  return (await countIfTable(h, 'canonical_document', `type = 'purchase_order'`)) ?? 0;
}

/** Runs intake over the inbox until `expected` files were stored and queued; returns how many. */
async function takeEveryFile(h: Harness, expected: number): Promise<number> {
  const transport = h.transports.forPartner(h.partner);
  const deps = { transmissions: h.repositories.transmissions, queues: h.pipeline.queues };
  let taken = 0;
  for (let pass = 0; taken < expected; pass++) {
    if (pass > 20) throw new Error(`only ${taken} of ${expected} files were taken from the inbox`);
    taken += (await pollInboxOnce(transport, h.partner, deps)).stored.length;
  }
  return taken;
}
