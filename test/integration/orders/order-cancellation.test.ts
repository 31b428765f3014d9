import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../pipeline/pipeline-harness.js';
import { interchange850 } from './order-850.js';
import { HOOK_TIMEOUT, startOrderHarness, type OrderHarness } from './order-fixture.js';

const widgets = (quantity: string) => [{ quantity, price: '10.00', vendorPart: 'WID-1' }];

describe('cancellations (850 with BEG01 01)', () => {
  let h: OrderHarness;
  let isa13 = 7000;
  beforeAll(async () => {
    h = await startOrderHarness();
  }, HOOK_TIMEOUT);
  afterAll(async () => {
    await h?.dispose();
  }, HOOK_TIMEOUT);

  async function cancellation(poNumber: string) {
    await h.drop(
      `${poNumber}-cancel.edi`,
      interchange850(++isa13, { poNumber, purpose: '01', lines: widgets('1') }),
    );
    return waitFor(`the cancellation of ${poNumber} to be decided`, async () => {
      const [found] = await h.repositories.orders.list({ poNumber, kind: 'cancellation' });
      return found !== undefined && found.status !== 'open' ? found : undefined;
    });
  }

  it('cancels an acknowledged order and gives its stock back, answering no 855', async () => {
    await h.drop('PO-CXL.edi', interchange850(++isa13, { poNumber: 'PO-CXL', lines: widgets('30') }));
    const order = await h.order('PO-CXL', 'acknowledged');
    await h.ack855('PO-CXL');
    expect(await h.committed('WIDGET', 'DC-EAST')).toBe('30');

    const applied = await cancellation('PO-CXL');
    expect(applied).toMatchObject({ status: 'cancelled', targetOrderId: order.id, findings: [] });
    const cancelled = await h.repositories.orders.get(order.id);
    expect(cancelled?.status).toBe('cancelled');
    expect(cancelled?.lines.map((l) => l.status)).toEqual(['cancelled']);
    expect(await h.committed('WIDGET', 'DC-EAST')).toBe('0');
    expect(await h.repositories.inventory.reservations(order.id)).toEqual([]);
    const audit = await h.repositories.audit.list({ type: 'order', id: order.id });
    expect(audit.at(-1)).toMatchObject({
      actor: 'pipeline',
      action: 'order-cancelled',
      details: { cancellationId: applied.id, previousStatus: 'acknowledged' },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await h.acks855()).filter((f) => f.content.includes('*PO-CXL*'))).toHaveLength(1);
    expect(await h.repositories.exceptions.list({ subjectId: applied.id })).toEqual([]);
  });

  it('cancels a held order and closes its exception', async () => {
    await h.drop(
      'PO-CXL-HELD.edi',
      interchange850(++isa13, {
        poNumber: 'PO-CXL-HELD',
        lines: [{ quantity: '1', price: '1.00', vendorPart: 'WID-1' }],
      }),
    );
    const held = await h.order('PO-CXL-HELD', 'on_hold');
    const [exception] = await waitFor('the hold exception', async () => {
      const open = await h.repositories.exceptions.list({ subjectId: held.id, status: 'open' });
      return open.length > 0 ? open : undefined;
    });
    await cancellation('PO-CXL-HELD');
    expect((await h.repositories.orders.get(held.id))?.status).toBe('cancelled');
    expect(await h.repositories.exceptions.get(exception!.id)).toMatchObject({
      status: 'resolved',
      resolvedBy: 'pipeline',
      resolution: { note: 'cancelled by the buyer' },
    });
  });

  it('holds the cancellation of a partly shipped order until staff release it, then cancels it', async () => {
    await h.drop(
      'PO-CXL-PART.edi',
      interchange850(++isa13, { poNumber: 'PO-CXL-PART', lines: widgets('4') }),
    );
    const order = await h.order('PO-CXL-PART', 'acknowledged');
    await h.repositories.orders.update(order.id, { status: 'partially_shipped' });
    const held = await cancellation('PO-CXL-PART');
    expect(held.status).toBe('on_hold');
    const [exception] = await waitFor('the hold exception', async () => {
      const open = await h.repositories.exceptions.list({ subjectId: held.id, status: 'open' });
      return open.length > 0 ? open : undefined;
    });
    expect(exception?.message).toContain(
      '[cancellation-target] PO PO-CXL-PART cannot be cancelled as asked: part of it has shipped',
    );
    const response = await h.post(`/api/exceptions/${exception!.id}/resolve`, {
      actor: 'erin',
      resolution: {
        id: 'release-hold',
        ruleId: 'cancellation-target',
        note: 'buyer agreed to keep what shipped',
      },
    });
    expect(response).toMatchObject({
      status: 200,
      body: { decision: 'accept', order: { status: 'cancelled' } },
    });
    expect((await h.repositories.orders.get(order.id))?.status).toBe('cancelled');
    const audit = await h.repositories.audit.list({ type: 'order', id: order.id });
    expect(audit.at(-1)).toMatchObject({
      actor: 'erin',
      action: 'order-cancelled',
      details: { previousStatus: 'partially_shipped' },
    });
  });

  it('refuses to cancel a PO never received: an exception naming it, closed by staff, and no 855', async () => {
    const refused = await cancellation('PO-NEVER');
    expect(refused).toMatchObject({ status: 'rejected', decision: 'reject' });
    const [exception] = await waitFor('the exception', async () => {
      const open = await h.repositories.exceptions.list({ subjectId: refused.id, status: 'open' });
      return open.length > 0 ? open : undefined;
    });
    expect(exception).toMatchObject({ kind: 'cancellation-rejected', subjectType: 'order' });
    expect(exception?.message).toContain(
      '[cancellation-target] The cancellation refers to PO PO-NEVER, which we never received',
    );
    const response = await h.post(`/api/exceptions/${exception!.id}/resolve`, {
      actor: 'dave',
      resolution: { id: 'reject-order', reason: 'told the buyer by phone' },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      decision: 'reject',
      exception: { status: 'resolved', resolvedBy: 'dave' },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await h.acks855()).filter((f) => f.content.includes('*PO-NEVER*'))).toEqual([]);
  });

  it('takes a second cancellation of a cancelled PO as done, changing nothing', async () => {
    await h.drop('PO-CXL-2.edi', interchange850(++isa13, { poNumber: 'PO-CXL-2', lines: widgets('2') }));
    const order = await h.order('PO-CXL-2', 'acknowledged');
    await cancellation('PO-CXL-2');
    await h.drop(
      'PO-CXL-2-again.edi',
      interchange850(++isa13, { poNumber: 'PO-CXL-2', purpose: '01', lines: widgets('1') }),
    );
    const both = await waitFor('the second cancellation', async () => {
      const found = await h.repositories.orders.list({ poNumber: 'PO-CXL-2', kind: 'cancellation' });
      return found.length === 2 && found.every((c) => c.status === 'cancelled') ? found : undefined;
    });
    const second = both.find((c) => c.targetOrderId === null);
    expect(second?.findings.map((f) => [f.ruleId, f.severity])).toEqual([['cancellation-target', 'warning']]);
    expect((await h.repositories.orders.get(order.id))?.status).toBe('cancelled');
  });
});
