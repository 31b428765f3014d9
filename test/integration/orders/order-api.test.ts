import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredException } from '../../../src/store/index.js';
import { waitFor } from '../pipeline/pipeline-harness.js';
import { interchange850 } from './order-850.js';
import { HOOK_TIMEOUT, PRICE_LIST, startOrderHarness, type OrderHarness } from './order-fixture.js';

interface ErrorBody {
  error: { code: string; message: string };
}

describe('HTTP API of orders, exceptions and master data', () => {
  let h: OrderHarness;
  let exception: StoredException;
  beforeAll(async () => {
    h = await startOrderHarness();
    await h.drop(
      'api.edi',
      interchange850(4001, {
        poNumber: 'PO-API',
        lines: [{ quantity: '10', price: '5.00', vendorPart: 'PAK-1' }],
      }),
    );
    const held = await h.order('PO-API', 'on_hold');
    exception = await waitFor(
      'the exception',
      async () => (await h.repositories.exceptions.list({ subjectId: held.id }))[0],
    );
  }, HOOK_TIMEOUT);
  afterAll(async () => {
    await h?.dispose();
  }, HOOK_TIMEOUT);

  it('lists open exceptions of a partner and shows one with its order and open holds', async () => {
    const list = await h.get('/api/exceptions?status=open&partner=acme-retail');
    expect(list.status).toBe(200);
    expect((list.body as { exceptions: StoredException[] }).exceptions.map((e) => e.id)).toEqual([
      exception.id,
    ]);
    expect((await h.get('/api/exceptions?status=open&partner=someone-else')).body).toEqual({
      exceptions: [],
    });
    const detail = await h.get(`/api/exceptions/${exception.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      exception: { id: exception.id, kind: 'order-hold' },
      order: {
        poNumber: 'PO-API',
        status: 'on_hold',
        lines: [{ lineNumber: '1', itemId: 'PACKED', quantity: '10' }],
      },
      openHolds: [{ ruleId: 'pack-size', lineNumber: '1' }],
    });
  });

  it('answers 400 naming the bad field, 404 for an unknown exception and 422 for a resolution that does not fit', async () => {
    // The actor is the caller's key; a body that names one is refused rather than believed.
    const claimedActor = await h.post(`/api/exceptions/${exception.id}/resolve`, {
      actor: { name: 'mallory' },
      resolution: { id: 'reject-order', reason: 'x' },
    });
    expect(claimedActor).toMatchObject({
      status: 400,
      body: { error: { code: 'bad-request', message: 'body/actor: is not a known field' } },
    });
    const unknownId = await h.post(`/api/exceptions/${exception.id}/resolve`, {
      actor: 'eve',
      resolution: { id: 'shrug' },
    });
    expect(unknownId.status).toBe(400);
    expect((unknownId.body as ErrorBody).error.message).toContain(
      'body/resolution/id: must be one of accept-price, change-quantity',
    );
    const noLine = await h.post(`/api/exceptions/${exception.id}/resolve`, {
      actor: 'eve',
      resolution: { id: 'change-quantity', quantity: '12' },
    });
    expect((noLine.body as ErrorBody).error.message).toBe('body/resolution/lineNumber: is required');
    const numberQuantity = await h.post(`/api/exceptions/${exception.id}/resolve`, {
      actor: 'eve',
      resolution: { id: 'change-quantity', lineNumber: '1', quantity: 12 },
    });
    expect((numberQuantity.body as ErrorBody).error.message).toContain(
      'body/resolution/quantity: must be a decimal number',
    );
    const extra = await h.post(`/api/exceptions/${exception.id}/resolve`, {
      actor: 'eve',
      resolution: { id: 'reject-order', reason: 'x', lineNumber: '1' },
    });
    expect((extra.body as ErrorBody).error.message).toBe('body/resolution/lineNumber: is not a known field');
    expect(
      (
        await h.post('/api/exceptions/999999/resolve', {
          actor: 'eve',
          resolution: { id: 'reject-order', reason: 'x' },
        })
      ).status,
    ).toBe(404);
    expect((await h.get('/api/exceptions/abc')).status).toBe(400);
    expect((await h.get('/api/exceptions/999999')).status).toBe(404);
    const notPrice = await h.post(`/api/exceptions/${exception.id}/resolve`, {
      actor: 'eve',
      resolution: { id: 'accept-price', lineNumber: '1' },
    });
    expect(notPrice.status).toBe(422);
    expect((notPrice.body as ErrorBody).error.message).toContain('line 1 is not held for its price');
    const notPack = await h.post(`/api/exceptions/${exception.id}/resolve`, {
      actor: 'eve',
      resolution: { id: 'change-quantity', lineNumber: '1', quantity: '11' },
    });
    expect((notPack.body as ErrorBody).error.message).toContain('11 is not a multiple of the pack of 6');
    expect((await h.repositories.orders.list({ poNumber: 'PO-API' }))[0]).toMatchObject({
      status: 'on_hold',
      revision: 0,
    });
  });

  it('resolves once, then answers 409; the order shows its stock, exceptions and audit trail', async () => {
    const body = { actor: 'frank', resolution: { id: 'change-quantity', lineNumber: '1', quantity: '12' } };
    const first = await h.post(`/api/exceptions/${exception.id}/resolve`, body);
    expect(first).toMatchObject({
      status: 200,
      body: { decision: 'accept', order: { status: 'acknowledged' } },
    });
    const again = await h.post(`/api/exceptions/${exception.id}/resolve`, body);
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    expect((again.body as ErrorBody).error.message).toContain('already resolved by frank');

    const list = await h.get('/api/orders?partner=acme-retail&status=acknowledged');
    const [order] = (list.body as { orders: { id: string; poNumber: string }[] }).orders;
    expect(order?.poNumber).toBe('PO-API');
    const detail = await h.get(`/api/orders/${encodeURIComponent(order!.id)}`);
    expect(detail.body).toMatchObject({
      order: { status: 'acknowledged', lines: [{ allocated: '12', status: 'allocated' }] },
      reservations: [{ itemId: 'PACKED', locationId: 'DC-EAST', quantity: '12' }],
      exceptions: [{ id: exception.id, status: 'resolved' }],
    });
    const actions = (detail.body as { audit: { actor: string; action: string }[] }).audit.map(
      (e) => `${e.actor} ${e.action}`,
    );
    expect(actions).toContain('frank order-resolution-applied');
    expect((await h.get('/api/orders?status=lost')).status).toBe(400);
    expect((await h.get('/api/orders/purchase_order:nope')).status).toBe(404);
  });

  it('loads catalog, prices and stock as upserts, refusing bad fields by path', async () => {
    const badItem = await h.put('/api/catalog', {
      items: [{ itemId: 'NEW-1', status: 'active', units: [{ uom: 'EA', packSize: 6 }], crossReference: {} }],
    });
    expect(badItem.status).toBe(400);
    expect((badItem.body as ErrorBody).error.message).toContain(
      'body/items/0/units/0/packSize: must be a decimal number',
    );
    const twice = await h.put('/api/catalog', {
      items: [
        { itemId: 'NEW-1', status: 'active', units: [{ uom: 'EA' }], crossReference: {} },
        { itemId: 'NEW-1', status: 'active', units: [{ uom: 'CA' }], crossReference: {} },
      ],
    });
    expect((twice.body as ErrorBody).error.message).toBe('body/items/1/itemId: repeats entry 0 (NEW-1)');
    const item = {
      itemId: 'NEW-1',
      status: 'active',
      units: [{ uom: 'EA' }],
      crossReference: { upc: ['012345678905'] },
      buyerPartNumbers: { 'acme-retail': ['AR-1'] },
    };
    expect(await h.put('/api/catalog', { items: [item] })).toMatchObject({
      status: 200,
      body: { upserted: 1 },
    });
    expect(await h.repositories.catalog.get('NEW-1')).toEqual(item);

    const badPrice = await h.put(`/api/price-lists/${PRICE_LIST}`, {
      entries: [{ itemId: 'NEW-1', uom: 'EA', unitPrice: '12,50' }],
    });
    expect((badPrice.body as ErrorBody).error.message).toContain(
      'body/entries/0/unitPrice: must be a decimal number',
    );
    const prices = await h.put(`/api/price-lists/${PRICE_LIST}`, {
      entries: [
        { itemId: 'NEW-1', uom: 'EA', unitPrice: '12.50' },
        { itemId: 'NEW-1', uom: 'EA', unitPrice: '11.75', partnerId: 'acme-retail', contractNumber: 'C-9' },
      ],
    });
    expect(prices).toMatchObject({ status: 200, body: { priceList: PRICE_LIST, upserted: 2 } });
    expect(
      (await h.repositories.priceLists.priceListFor(PRICE_LIST, 'acme-retail', ['NEW-1'])).entries,
    ).toEqual([
      { itemId: 'NEW-1', uom: 'EA', unitPrice: '12.50' },
      { itemId: 'NEW-1', uom: 'EA', unitPrice: '11.75', partnerId: 'acme-retail', contractNumber: 'C-9' },
    ]);

    const badLevel = await h.put('/api/inventory', {
      levels: [{ itemId: 'NEW-1', locationId: 'DC-EAST', kind: 'store', onHand: '5' }],
    });
    expect((badLevel.body as ErrorBody).error.message).toBe(
      'body/levels/0/kind: must be one of dc, 3pl, dropship (got "store")',
    );
    const missing = await h.put('/api/inventory', { levels: [{ itemId: 'NEW-1', kind: 'dc', onHand: '5' }] });
    expect((missing.body as ErrorBody).error.message).toBe('body/levels/0/locationId: is required');
    expect(
      await h.put('/api/inventory', {
        levels: [{ itemId: 'PACKED', locationId: 'DC-EAST', kind: 'dc', onHand: '90' }],
      }),
    ).toMatchObject({
      status: 200,
    });
    const [packed] = await h.repositories.inventory.levels(['PACKED']);
    expect(packed).toMatchObject({ onHand: '90', committed: '12', available: '78' });
  });
});
