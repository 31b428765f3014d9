import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredException } from '../../../src/store/index.js';
import { waitFor } from '../pipeline/pipeline-harness.js';
import { interchange850, type Order850 } from './order-850.js';
import { HOOK_TIMEOUT, startOrderHarness, type OrderHarness } from './order-fixture.js';

/** Each rule trips an exception naming its reason; each resolution through the API ends in the 855. */
describe('order exceptions and their resolution by staff', () => {
  let h: OrderHarness;
  let isa13 = 5000;
  beforeAll(async () => {
    h = await startOrderHarness();
  }, HOOK_TIMEOUT);
  afterAll(async () => {
    await h?.dispose();
  }, HOOK_TIMEOUT);

  async function held(order: Order850): Promise<StoredException> {
    await h.drop(`${order.poNumber}.edi`, interchange850(++isa13, order));
    const stored = await h.order(order.poNumber, 'on_hold');
    return waitFor(`the exception of ${order.poNumber}`, async () => {
      const [raised] = await h.repositories.exceptions.list({ subjectId: stored.id, status: 'open' });
      return raised;
    });
  }

  async function resolve(exception: StoredException, resolution: Record<string, unknown>, actor = 'alice') {
    const response = await h.post(`/api/exceptions/${exception.id}/resolve`, { actor, resolution });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as { decision: string; order: { status: string }; exception: { status: string } };
  }

  it('unknown SKU: held with the ids tried; cancelling the line answers it IR and ships the rest', async () => {
    const exception = await held({
      poNumber: 'PO-SKU',
      lines: [
        { quantity: '2', price: '10.00', vendorPart: 'WID-1' },
        { quantity: '3', price: '1.00', vendorPart: 'NOPE-9' },
      ],
    });
    expect(exception).toMatchObject({ partnerId: 'acme-retail', subjectType: 'order', kind: 'order-hold' });
    expect(exception.message).toContain(
      '[unknown-sku] Line 2: no catalog item matches the ids sent (vendorPartNumber NOPE-9)',
    );
    const result = await resolve(exception, {
      id: 'cancel-line',
      lineNumber: '2',
      reason: 'not an item of ours',
    });
    expect(result).toMatchObject({ decision: 'accept', exception: { status: 'resolved' } });
    expect(await h.ack855('PO-SKU')).toEqual({
      poNumber: 'PO-SKU',
      ackType: 'AC',
      lines: { '1': ['IA 2'], '2': ['IR 3'] },
    });
    const order = await h.order('PO-SKU', 'acknowledged');
    expect(order.lines.map((l) => l.status)).toEqual(['allocated', 'cancelled']);
    const audit = await h.repositories.audit.list({ type: 'order', id: order.id });
    expect(audit.map((e) => [e.actor, e.action])).toEqual([
      ['pipeline', 'order-received'],
      ['pipeline', 'order-held'],
      ['alice', 'order-resolution-applied'],
      ['alice', 'order-allocated'],
      ['alice', 'order-acknowledged'],
    ]);
    expect((await h.repositories.exceptions.get(exception.id))?.resolvedBy).toBe('alice');
  });

  it('unknown SKU: once the cross-reference is loaded, releasing the hold allocates the line', async () => {
    const exception = await held({
      poNumber: 'PO-XREF',
      lines: [{ quantity: '4', price: '10.00', vendorPart: 'WID-ALT' }],
    });
    const load = await h.put('/api/catalog', {
      items: [
        {
          itemId: 'WIDGET',
          status: 'active',
          units: [{ uom: 'EA' }],
          crossReference: { vendorPartNumber: ['WID-1', 'WID-ALT'] },
        },
      ],
    });
    expect(load.status).toBe(200);
    await resolve(exception, {
      id: 'release-hold',
      ruleId: 'unknown-sku',
      lineNumber: '1',
      note: 'WID-ALT is the old number of WIDGET',
    });
    expect(await h.ack855('PO-XREF')).toEqual({
      poNumber: 'PO-XREF',
      ackType: 'AD',
      lines: { '1': ['IA 4'] },
    });
    expect((await h.order('PO-XREF', 'acknowledged')).lines[0]).toMatchObject({
      itemId: 'WIDGET',
      allocated: '4',
    });
  });

  it('price mismatch: held with both prices; selling at our price answers IP', async () => {
    const exception = await held({
      poNumber: 'PO-PRICE',
      lines: [{ quantity: '4', price: '9.00', vendorPart: 'WID-1' }],
    });
    expect(exception.message).toContain(
      "[price-mismatch] Line 1 (item WIDGET, EA): the buyer's price 9.00 differs from our list price 10.00",
    );
    await resolve(exception, { id: 'accept-price', lineNumber: '1', unitPrice: '10.00' });
    expect(await h.ack855('PO-PRICE')).toEqual({
      poNumber: 'PO-PRICE',
      ackType: 'AC',
      lines: { '1': ['IP 4'] },
    });
    const file = (await h.acks855()).find((f) => f.content.includes('BAK*00*AC*PO-PRICE*'));
    expect(file?.content).toMatch(/PO1\*1\*4\*EA\*10(\.00)?\*/);
  });

  it('pack size: held with the pack; changing the quantity to whole packs answers IQ and reserves it', async () => {
    const exception = await held({
      poNumber: 'PO-PACK',
      lines: [{ quantity: '10', price: '5.00', vendorPart: 'PAK-1' }],
    });
    expect(exception.message).toContain(
      '[pack-size] Line 1: 10 EA of item PACKED is not a multiple of the pack of 6',
    );
    await resolve(exception, { id: 'change-quantity', lineNumber: '1', quantity: '12' });
    expect(await h.ack855('PO-PACK')).toEqual({
      poNumber: 'PO-PACK',
      ackType: 'AC',
      lines: { '1': ['IQ 12'] },
    });
    expect(await h.committed('PACKED', 'DC-EAST')).toBe('12');
  });

  it('unit of measure: held with the units sold; rejecting the order answers RJ with every line IR', async () => {
    const exception = await held({
      poNumber: 'PO-UOM',
      lines: [{ quantity: '2', uom: 'EA', price: '60.00', vendorPart: 'CAS-1' }],
    });
    expect(exception.message).toContain(
      '[unit-of-measure] Line 1: item CASED is not sold in EA (sold in CA)',
    );
    const result = await resolve(exception, { id: 'reject-order', reason: 'they only buy cases' });
    expect(result).toMatchObject({ decision: 'reject', order: { status: 'rejected' } });
    expect(await h.ack855('PO-UOM')).toEqual({ poNumber: 'PO-UOM', ackType: 'RJ', lines: { '1': ['IR 2'] } });
    expect(await h.committed('CASED', 'DC-EAST')).toBe('0');
  });

  it('minimum order quantity: held with the minimum; raising the quantity answers IQ', async () => {
    const exception = await held({
      poNumber: 'PO-MOQ',
      lines: [{ quantity: '4', price: '2.00', vendorPart: 'BLK-1' }],
    });
    expect(exception.message).toContain(
      '[minimum-order-quantity] Line 1: 4 EA is below the minimum order quantity of 10',
    );
    await resolve(exception, { id: 'change-quantity', lineNumber: '1', quantity: '10' });
    expect(await h.ack855('PO-MOQ')).toEqual({
      poNumber: 'PO-MOQ',
      ackType: 'AC',
      lines: { '1': ['IQ 10'] },
    });
  });

  it('ship-to incomplete: held naming what is missing; releasing the hold answers IA', async () => {
    const exception = await held({
      poNumber: 'PO-SHIPTO',
      shipTo: 'no-city',
      lines: [{ quantity: '1', price: '10.00', vendorPart: 'WID-1' }],
    });
    expect(exception.message).toContain('[ship-to-address] The ship-to address of Store 12 lacks city');
    await resolve(exception, {
      id: 'release-hold',
      ruleId: 'ship-to-address',
      note: 'Store 12 is in Solon, OH',
    });
    expect(await h.ack855('PO-SHIPTO')).toEqual({
      poNumber: 'PO-SHIPTO',
      ackType: 'AD',
      lines: { '1': ['IA 1'] },
    });
  });

  it('requested date in the past: held with both dates; releasing the hold answers IA', async () => {
    const exception = await held({
      poNumber: 'PO-LATE',
      requestedDelivery: '20250201',
      lines: [{ quantity: '1', price: '10.00', vendorPart: 'WID-1' }],
    });
    expect(exception.message).toContain(
      '[requested-delivery-date] PO PO-LATE asks for delivery on 2025-02-01, before today (2025-03-02)',
    );
    await resolve(exception, {
      id: 'release-hold',
      ruleId: 'requested-delivery-date',
      note: 'buyer takes it on 2025-03-09',
    });
    expect(await h.ack855('PO-LATE')).toEqual({
      poNumber: 'PO-LATE',
      ackType: 'AD',
      lines: { '1': ['IA 1'] },
    });
  });

  it('duplicate PO number: the resend is held naming the order on file; rejecting it answers RJ', async () => {
    const order = { poNumber: 'PO-DUP', lines: [{ quantity: '3', price: '10.00', vendorPart: 'WID-1' }] };
    await h.drop('PO-DUP-1.edi', interchange850(++isa13, order));
    const first = await h.order('PO-DUP', 'acknowledged');
    const exception = await held(order);
    expect(exception.message).toContain(
      '[duplicate-po-number] PO PO-DUP is already on file with status "acknowledged"',
    );
    expect(exception.subjectId).not.toBe(first.id);
    await resolve(exception, { id: 'reject-order', reason: 'the buyer resent it by mistake' });
    await waitFor('the RJ 855', async () =>
      (await h.acks855()).some((f) => f.content.includes('BAK*00*RJ*PO-DUP*')) ? true : undefined,
    );
    expect((await h.repositories.orders.get(first.id))?.status).toBe('acknowledged');
    expect((await h.repositories.orders.get(exception.subjectId))?.status).toBe('rejected');
    expect((await h.acks855()).filter((f) => f.content.includes('*PO-DUP*'))).toHaveLength(2);
  });

  it('keeps the exception open while holds remain, and goes on when the last is settled', async () => {
    const exception = await held({
      poNumber: 'PO-TWO-HOLDS',
      lines: [
        { quantity: '4', price: '9.50', vendorPart: 'WID-1' },
        { quantity: '7', price: '5.00', vendorPart: 'PAK-1' },
      ],
    });
    expect(exception.message).toMatch(/\(2 reasons\): \[price-mismatch\] .* \[pack-size\] /);
    const first = await resolve(exception, { id: 'accept-price', lineNumber: '1' }, 'bob');
    expect(first).toMatchObject({
      decision: 'hold',
      order: { status: 'on_hold' },
      exception: { status: 'open' },
    });
    const detail = await h.get(`/api/exceptions/${exception.id}`);
    expect((detail.body as { openHolds: { ruleId: string }[] }).openHolds.map((f) => f.ruleId)).toEqual([
      'pack-size',
    ]);
    const second = await resolve(
      exception,
      { id: 'change-quantity', lineNumber: '2', quantity: '6' },
      'carol',
    );
    expect(second).toMatchObject({
      decision: 'accept',
      order: { status: 'acknowledged' },
      exception: { status: 'resolved' },
    });
    // The buyer's own price stands on line 1 (IA); line 2 changed quantity (IQ).
    expect(await h.ack855('PO-TWO-HOLDS')).toEqual({
      poNumber: 'PO-TWO-HOLDS',
      ackType: 'AC',
      lines: { '1': ['IA 4'], '2': ['IQ 6'] },
    });
    expect((await h.repositories.exceptions.get(exception.id))?.resolvedBy).toBe('carol');
  });
});
