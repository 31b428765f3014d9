import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../unit/cli/run-cli.js';
import { REDIS_URL } from '../pipeline/pipeline-harness.js';
import { TEST_DATABASE_URL } from '../store/postgres-test-schema.js';
import { interchange850 } from './order-850.js';
import { HOOK_TIMEOUT, PRICE_LIST, startOrderHarness, type OrderHarness } from './order-fixture.js';

describe('edi-gateway orders', () => {
  let h: OrderHarness;
  const savedEnv = { ...process.env };
  beforeAll(async () => {
    h = await startOrderHarness();
    // The CLI finds the gateway's database and queues the way the gateway does: from the environment.
    Object.assign(process.env, {
      DATABASE_URL: TEST_DATABASE_URL,
      DATABASE_SCHEMA: h.schema,
      REDIS_URL,
      QUEUE_PREFIX: h.prefix,
      PARTNERS_DIR: h.partnersDir,
    });
  }, HOOK_TIMEOUT);
  afterAll(async () => {
    process.env = savedEnv;
    await h?.dispose();
  }, HOOK_TIMEOUT);

  it('prints the timeline of an acknowledged order, and re-checks a held order after the catalog is loaded', async () => {
    await h.drop(
      'ok.edi',
      interchange850(4101, {
        poNumber: 'PO-CLI-1',
        lines: [{ quantity: '2', price: '10.00', vendorPart: 'WID-1' }],
      }),
    );
    const acknowledged = await h.order('PO-CLI-1', 'acknowledged');
    await h.ack855('PO-CLI-1');
    const timeline = await runCli('orders', 'timeline', acknowledged.id, '--json', '--actor', 'ivy');
    expect(timeline.code).toBe(0);
    const kinds = (JSON.parse(timeline.stdout) as { kind: string }[]).map((e) => e.kind);
    expect(kinds[0]).toBe('received');
    expect(kinds).toContain('acknowledged');

    // An item the catalog does not know holds the order; loading it and re-checking releases it.
    await h.drop(
      'unknown.edi',
      interchange850(4102, {
        poNumber: 'PO-CLI-2',
        lines: [{ quantity: '2', price: '5.00', vendorPart: 'NEW-CLI' }],
      }),
    );
    const held = await h.order('PO-CLI-2', 'on_hold');
    const still = await runCli('orders', 'recheck', held.id, '--actor', 'ivy');
    expect(still.code).toBe(0);
    expect(JSON.parse(still.stdout)).toMatchObject({ orderId: held.id, status: 'on_hold' });
    await h.repositories.catalog.upsertItems([
      {
        itemId: 'NEW-CLI',
        status: 'active',
        units: [{ uom: 'EA' }],
        crossReference: { vendorPartNumber: ['NEW-CLI'] },
      },
    ]);
    await h.repositories.priceLists.upsertEntries(PRICE_LIST, [
      { itemId: 'NEW-CLI', uom: 'EA', unitPrice: '5.00' },
    ]);
    const all = await runCli('orders', 'recheck', '--partner', 'acme-retail', '--actor', 'ivy');
    expect(all.code).toBe(0);
    expect(JSON.parse(all.stdout)).toMatchObject({
      checked: 1,
      released: [{ orderId: held.id }],
      stillHeld: [],
    });
  });
});
