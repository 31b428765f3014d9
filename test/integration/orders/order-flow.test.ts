import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processDocument } from '../../../src/pipeline/index.js';
import { waitFor } from '../pipeline/pipeline-harness.js';
import { interchange850 } from './order-850.js';
import { HOOK_TIMEOUT, startOrderHarness, TODAY, type OrderHarness } from './order-fixture.js';

describe('a purchase order through the core', () => {
  let h: OrderHarness;
  beforeAll(async () => {
    h = await startOrderHarness();
  }, HOOK_TIMEOUT);
  afterAll(async () => {
    await h?.dispose();
  }, HOOK_TIMEOUT);

  it('is stored, allocated and answered: 997 and 855 in the outbox, stock committed, audited', async () => {
    await h.drop(
      'po-flow.edi',
      interchange850(1001, {
        poNumber: 'PO-FLOW',
        lines: [
          { quantity: '20', price: '10.00', vendorPart: 'WID-1' },
          { quantity: '12', price: '5.00', vendorPart: 'PAK-1' },
        ],
      }),
    );
    const order = await h.order('PO-FLOW', 'acknowledged');
    expect(order.lines.map((l) => [l.lineNumber, l.itemId, l.allocated, l.backordered, l.status])).toEqual([
      ['1', 'WIDGET', '20', '0', 'allocated'],
      ['2', 'PACKED', '12', '0', 'allocated'],
    ]);
    const ack = await h.ack855('PO-FLOW');
    expect(ack).toEqual({ poNumber: 'PO-FLOW', ackType: 'AD', lines: { '1': ['IA 20'], '2': ['IA 12'] } });
    const files = await h.outboxFiles();
    expect(files.some((f) => f.content.includes('ST*997*') && f.content.includes('AK1*PO*1001~'))).toBe(true);
    expect(files.find((f) => f.content.includes('ST*855*'))?.content).toContain('BAK*00*AD*PO-FLOW*20250301');
    expect(await h.committed('WIDGET', 'DC-EAST')).toBe('20');
    expect(await h.committed('PACKED', 'DC-EAST')).toBe('12');
    const audit = await h.repositories.audit.list({ type: 'order', id: order.id });
    expect(audit.map((e) => [e.actor, e.action])).toEqual([
      ['pipeline', 'order-received'],
      ['pipeline', 'order-allocated'],
      ['pipeline', 'order-acknowledged'],
    ]);
    expect(order.ackDocumentId).toMatch(/^purchase_order_ack:/);
    expect((await h.repositories.documents.get(order.ackDocumentId!))?.document).toMatchObject({
      ackTypeCode: 'AD',
      ackDate: TODAY.toISOString().slice(0, 10),
    });
  });

  it('backorders what is not in stock: the 855 says IA for what ships and IB for the rest', async () => {
    // DC-EAST holds 80 of the 100 left after the first test, DC-WEST 50: the line never splits,
    // so DC-EAST (the one with most) ships 80 and backorders 40.
    await h.drop(
      'po-backorder.edi',
      interchange850(1002, {
        poNumber: 'PO-BACKORDER',
        lines: [{ quantity: '120', price: '10.00', vendorPart: 'WID-1' }],
      }),
    );
    const order = await h.order('PO-BACKORDER', 'acknowledged');
    expect(order.lines[0]).toMatchObject({
      allocated: '80',
      backordered: '40',
      status: 'partially_allocated',
    });
    expect(order.lines[0]?.locations).toEqual([
      { lineNumber: '1', allocated: '80', backordered: '40', locationId: 'DC-EAST' },
    ]);
    expect(await h.ack855('PO-BACKORDER')).toEqual({
      poNumber: 'PO-BACKORDER',
      ackType: 'AC',
      lines: { '1': ['IA 80', 'IB 40'] },
    });
    expect(await h.committed('WIDGET', 'DC-EAST')).toBe('100');
    expect(await h.committed('WIDGET', 'DC-WEST')).toBe('0');
  });

  it('runs the same document twice, concurrently and again, to one order, one 855 and one reservation', async () => {
    await h.drop(
      'po-twice.edi',
      interchange850(1003, {
        poNumber: 'PO-TWICE',
        lines: [{ quantity: '5', price: '10.00', vendorPart: 'WID-1' }],
      }),
    );
    const order = await h.order('PO-TWICE', 'acknowledged');
    await h.ack855('PO-TWICE');
    const deps = {
      repositories: h.repositories,
      partners: h.partners,
      queues: h.pipeline.queues,
      now: () => TODAY,
    };
    const before = { outbound: await h.count('outbound'), committed: await h.committed('WIDGET', 'DC-WEST') };
    const outcomes = await Promise.all([processDocument(order.id, deps), processDocument(order.id, deps)]);
    await processDocument(order.id, deps);
    expect(outcomes.map((o) => o.action)).toEqual(['acknowledged', 'acknowledged']);
    expect(await h.repositories.orders.list({ poNumber: 'PO-TWICE' })).toHaveLength(1);
    expect(await h.count('outbound')).toBe(before.outbound);
    expect(await h.committed('WIDGET', 'DC-WEST')).toBe(before.committed);
    expect(await h.repositories.inventory.reservations(order.id)).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await h.acks855()).filter((f) => f.content.includes('BAK*00*AD*PO-TWICE*'))).toHaveLength(1);
  });
});

describe('a document handled twice at once from the start', () => {
  let h: OrderHarness;
  beforeAll(async () => {
    h = await startOrderHarness({ workers: 'none' });
  }, HOOK_TIMEOUT);
  afterAll(async () => {
    await h?.dispose();
  }, HOOK_TIMEOUT);

  it('creates one order, reserves once and stores one 855 transmission', async () => {
    const { translateX12 } = await import('../../../src/mapping/index.js');
    const file = interchange850(2001, {
      poNumber: 'PO-RACE',
      lines: [{ quantity: '7', price: '10.00', vendorPart: 'WID-1' }],
    });
    const [po] = translateX12(Buffer.from(file), { partners: h.partners }).documents;
    await h.repositories.documents.save(po!);
    const deps = {
      repositories: h.repositories,
      partners: h.partners,
      queues: h.pipeline.queues,
      now: () => TODAY,
    };
    const outcomes = await Promise.all([1, 2, 3].map(() => processDocument(po!.id, deps)));
    expect(outcomes.map((o) => o.action)).toEqual(['acknowledged', 'acknowledged', 'acknowledged']);
    expect(await h.repositories.orders.list({ poNumber: 'PO-RACE' })).toHaveLength(1);
    expect(await h.repositories.inventory.reservations(po!.id)).toHaveLength(1);
    expect(await h.committed('WIDGET', 'DC-EAST')).toBe('7');
    expect(await h.count('outbound')).toBe(1);
    const audit = await h.repositories.audit.list({ type: 'order', id: po!.id });
    expect(audit.filter((e) => e.action === 'order-allocated')).toHaveLength(1);
  });
});

describe('a partner that does not take 855s', () => {
  let h: OrderHarness;
  beforeAll(async () => {
    h = await startOrderHarness({ outbound: ['856'] });
  }, HOOK_TIMEOUT);
  afterAll(async () => {
    await h?.dispose();
  }, HOOK_TIMEOUT);

  it('gets no 855; the acknowledgement is only stored with the order', async () => {
    await h.drop(
      'po-quiet.edi',
      interchange850(3001, {
        poNumber: 'PO-QUIET',
        lines: [{ quantity: '1', price: '10.00', vendorPart: 'WID-1' }],
      }),
    );
    const order = await h.order('PO-QUIET', 'acknowledged');
    expect(await h.repositories.documents.get(order.ackDocumentId!)).toMatchObject({
      type: 'purchase_order_ack',
    });
    await waitFor('the 997', async () => ((await h.outboxFiles()).length > 0 ? true : undefined));
    expect(await h.acks855()).toEqual([]);
    expect(await h.count('outbound')).toBe(1);
  });
});
