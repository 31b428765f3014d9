import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  validateCanonical,
  type Invoice,
  type PurchaseOrder,
  type PurchaseOrderAck,
  type ShipNotice,
} from '../../../src/canonical/index.js';
import {
  acknowledgeOrder,
  echoIntoAck,
  echoIntoInvoice,
  echoIntoShipNotice,
} from '../../../src/core/index.js';
import { line, order } from './core-fixtures.js';

const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../../../fixtures/canonical/${name}.json`, import.meta.url), 'utf8')) as T;

/** An order from a store-numbered retailer: department and vendor number, IN and VN item ids. */
const po: PurchaseOrder = order({
  poNumber: '4500012345',
  references: [
    { qualifier: 'DP', value: '042' },
    { qualifier: 'IA', value: '778899' },
    { qualifier: 'ZZ', value: 'internal' },
  ],
  parties: [
    {
      role: 'ship_to',
      roleCode: 'ST',
      name: 'Store 0123',
      identifiers: [{ qualifier: '92', value: '0123' }],
    },
    { role: 'bill_to', roleCode: 'BT', name: 'Accounts payable' },
  ],
  lines: [
    line({
      lineNumber: '1',
      ids: { buyerPartNumber: '77001', vendorPartNumber: 'W-1', upc: '012345678905' },
      productIds: [
        { qualifier: 'IN', value: '77001' },
        { qualifier: 'VN', value: 'W-1' },
        { qualifier: 'UP', value: '012345678905' },
      ],
    }),
  ],
});

const ack = (): PurchaseOrderAck =>
  acknowledgeOrder({
    order: po,
    findings: [],
    allocation: [{ lineNumber: '1', allocated: '12', backordered: '0', locationId: 'DC-EAST' }],
    ackDate: '2024-03-02',
  });

describe('echoIntoAck', () => {
  it('without echo settings answers as before: every party, no reference, ids as ordered', () => {
    expect(echoIntoAck(ack(), po, undefined)).toEqual(ack());
  });

  it('repeats exactly the listed references, parties and line ids', () => {
    const echoed = echoIntoAck(ack(), po, { references: ['DP'], parties: ['ST'], lineIds: ['IN', 'VN'] });
    expect(validateCanonical(echoed).errors).toEqual([]);
    expect(echoed.references).toEqual([{ qualifier: 'DP', value: '042' }]);
    expect(echoed.parties.map((party) => party.roleCode)).toEqual(['ST']);
    expect(echoed.lines[0]?.productIds).toEqual([
      { qualifier: 'IN', value: '77001' },
      { qualifier: 'VN', value: 'W-1' },
    ]);
  });

  it('takes line ids from the named ids when the order has no qualifiers (a marketplace order)', () => {
    const named = { ...po, lines: po.lines.map(({ productIds: _ids, ...rest }) => rest) };
    const echoed = echoIntoAck(ack(), named, { lineIds: ['VN', 'UP'] });
    expect(echoed.lines[0]?.productIds).toEqual([
      { qualifier: 'VN', value: 'W-1' },
      { qualifier: 'UP', value: '012345678905' },
    ]);
  });
});

describe('echoIntoShipNotice', () => {
  it("adds the order's references, parties and item ids to its order level, keeping what was posted", () => {
    const notice = fixture<ShipNotice>('ship-notice');
    const echoed = echoIntoShipNotice(notice, new Map([['4500012345', po]]), {
      references: ['DP', 'IA'],
      parties: ['ST'],
      lineIds: ['IN'],
    });
    const level = echoed.orders[0];
    // DP and IA were posted already: the posted values stay, nothing is written twice.
    expect(level?.references).toEqual(notice.orders[0]?.references);
    expect(level?.parties?.map((party) => party.roleCode)).toEqual(['Z7', 'ST']);
    const item = level?.tares[0]?.packs[0]?.items[0];
    expect(item?.productIds).toEqual([
      { qualifier: 'UP', value: '012345678905' },
      { qualifier: 'IN', value: '77001' },
    ]);
    expect(validateCanonical(echoed).errors).toEqual([]);
  });

  it('leaves an order it does not know as posted', () => {
    const notice = fixture<ShipNotice>('ship-notice');
    expect(echoIntoShipNotice(notice, new Map(), { references: ['DP'] })).toEqual(notice);
  });
});

describe('echoIntoInvoice', () => {
  it('adds the listed references and parties the invoice lacks', () => {
    const invoice = { ...fixture<Invoice>('invoice'), references: [], parties: [] };
    const echoed = echoIntoInvoice(invoice, po, { references: ['DP'], parties: ['ST', 'BT'] });
    expect(echoed.references).toEqual([{ qualifier: 'DP', value: '042' }]);
    expect(echoed.parties.map((party) => party.name)).toEqual(['Store 0123', 'Accounts payable']);
  });
});
