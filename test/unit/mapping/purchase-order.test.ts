import { describe, expect, it } from 'vitest';
import { addDecimals, decimalsEqual, multiplyDecimals } from '../../../src/canonical/index.js';
import { mapFixture, only } from './fixture-sets.js';

describe('850 -> purchase_order', () => {
  const order = only(mapFixture('850/node-x12__850.edi'), 'purchase_order');

  it('reads BEG, the envelope and the defaults', () => {
    expect(order).toMatchObject({
      poNumber: '08292233294',
      orderDate: '2010-11-27',
      contractNumber: '610385385',
      purpose: 'original',
      purposeCode: '00',
      orderType: 'stand_alone',
      orderTypeCode: 'SA',
      currency: 'USD',
      partnerId: 'acme',
    });
    expect(order.source).toEqual({
      channel: 'x12',
      transmissionId: 'tx-1',
      interchangeControlNumber: '000003438',
      groupControlNumber: '1421',
      transactionSetControlNumber: '000000010',
      senderQualifier: '12',
      senderId: '4405197800',
      receiverQualifier: '01',
      receiverId: '999999999',
      applicationSenderId: '4405197800',
      applicationReceiverId: '999999999',
      version: '004010VICS',
      transactionSetId: '850',
    });
  });

  it('reads every PO1 loop with its PID and PO4', () => {
    expect(order.lines.map((l) => [l.lineNumber, l.quantity, l.uom, l.unitPrice])).toEqual([
      ['1', '120', 'EA', '9.25'],
      ['2', '220', 'EA', '13.79'],
      ['3', '126', 'EA', '10.99'],
      ['4', '76', 'EA', '4.35'],
      ['5', '72', 'EA', '7.5'],
      ['6', '696', 'EA', '9.55'],
    ]);
    const [first] = order.lines;
    expect(first?.ids).toEqual({ buyerCatalogNumber: '065322-117', vendorPartNumber: 'AB3542' });
    expect(first?.productIds).toEqual([
      { qualifier: 'CB', value: '065322-117' },
      { qualifier: 'PR', value: 'RO' },
      { qualifier: 'VN', value: 'AB3542' },
    ]);
    expect(first?.description).toBe('SMALL WIDGET');
    expect(first?.pack).toEqual({
      pack: '4',
      size: '4',
      uom: 'EA',
      packagingCode: 'PLT94',
      weight: { value: '3', uom: 'LR' },
      volume: { value: '15', uom: 'CT' },
    });
    expect(order.lines[5]?.description).toBe('ORANGE WIDGET');
  });

  it('keeps the line amounts exact: they add up to AMT*1 without float drift', () => {
    const extended = order.lines.map((l) => multiplyDecimals(l.quantity, l.unitPrice ?? '0'));
    expect(order.totals).toEqual({ lineCount: 6, lineItemsAmount: '13045.94' });
    expect(decimalsEqual(addDecimals(...extended), order.totals?.lineItemsAmount ?? '')).toBe(true);
  });

  it('reads the ship-to party, references, dates, terms and routing', () => {
    expect(order.parties).toEqual([
      {
        role: 'ship_to',
        roleCode: 'ST',
        name: 'XYZ RETAIL',
        duns: '000394726',
        identifiers: [{ qualifier: '9', value: '0003947268292' }],
        addressLines: ['31875 SOLON RD'],
        city: 'SOLON',
        state: 'OH',
        postalCode: '44139',
      },
    ]);
    expect(order.references).toEqual([
      { qualifier: 'DP', value: '038' },
      { qualifier: 'PS', value: 'R' },
    ]);
    expect(order.dates).toEqual([{ type: 'requested_delivery', qualifier: '002', date: '2010-12-14' }]);
    expect(order.terms).toEqual([
      { typeCode: '14', basisDateCode: '3', discountPercent: '2', discountDays: 45, netDays: 46 },
    ]);
    expect(order.carriers).toEqual([
      {
        routingSequence: 'A',
        identifierQualifier: '92',
        identifier: 'P3',
        routing: 'SEE XYZ RETAIL ROUTING GUIDE',
      },
    ]);
  });

  it('gives the same id to the same set translated twice, and another to another partner', () => {
    const again = only(mapFixture('850/node-x12__850.edi'), 'purchase_order');
    const otherPartner = only(
      mapFixture('850/node-x12__850.edi', 0, { partnerId: 'globex' }),
      'purchase_order',
    );
    expect(again.id).toBe(order.id);
    expect(order.id).toMatch(/^purchase_order:[0-9a-f]{32}$/);
    expect(otherPartner.id).not.toBe(order.id);
  });
});

describe('850 with N1 loops, CUR, N9 and line DTM/MSG (EDI.Net sample)', () => {
  const order = only(mapFixture('850/EDI.Net__x12.850a.edi'), 'purchase_order');

  it('reads each header N1 loop as a party with its role', () => {
    expect(order.parties.map((p) => [p.role, p.roleCode, p.name, p.country])).toEqual([
      ['ship_to', 'ST', 'Transplace Laredo', 'US'],
      ['mark_for', 'Z7', 'Penjamo Cutting', 'MX'],
      ['bill_to', 'BT', 'Test Inc.', 'US'],
      ['buyer', 'BY', undefined, undefined],
      ['supplier', 'SU', 'Supplier Name', 'US'],
    ]);
    expect(order.parties[3]?.identifiers).toEqual([{ qualifier: '92', value: '1500' }]);
  });

  it('reads currency, N9 reference and message, and terms', () => {
    expect(order.currency).toBe('USD');
    expect(order.references).toContainEqual({ qualifier: 'PO', value: '4600000406' });
    expect(order.notes).toEqual([{ type: 'general', text: 'PO 3 EDI test ASNs' }]);
    expect(order.terms).toEqual([
      { typeCode: '14', basisDateCode: '3', netDays: 60, description: 'NET 60 DAYS' },
    ]);
  });

  it('reads line numbers as sent, line dates and line notes', () => {
    const [first, second] = order.lines;
    expect(first).toMatchObject({
      lineNumber: '000100001',
      quantity: '2500',
      uom: 'YD',
      unitPrice: '2.53',
      priceBasis: 'WE',
      ids: { buyerPartNumber: 'A_QU001-BLK', vendorPartNumber: 'SINGLE LINE DIAMOND PATTERN' },
      description: '4.4oz 3" Diamond Quilt',
      dates: [
        { type: 'available', qualifier: '018', date: '2014-07-30' },
        { type: 'scheduled_delivery', qualifier: '067', date: '2014-08-04' },
      ],
    });
    expect(first?.notes?.map((n) => n.text)).toEqual(['4.4OZ 100% POLYESTER QUILT', 'First Quality']);
    expect(second?.notes).toHaveLength(4);
    expect(order.totals).toEqual({ lineCount: 3 });
  });
});

describe('5010 drop-ship 850 (Stedi sample)', () => {
  const order = only(mapFixture('850/bootstrap-archived__5010_850_input.edi'), 'purchase_order');

  it('reads the drop-ship order with its header contact, SKUs and total', () => {
    expect(order).toMatchObject({ poNumber: '365465413', orderType: 'drop_ship', orderDate: '2022-08-30' });
    expect(order.contacts).toEqual([
      { function: 'OC', name: 'Marvin Acme', phone: '973-555-1212', email: 'marvin@acme.com' },
    ]);
    expect(
      order.lines.map((l) => [l.lineNumber, l.quantity, l.unitPrice, l.ids.sku, l.ids.vendorCatalogNumber]),
    ).toEqual([
      ['item-1', '8', '400', 'ACM/8900-400', 'VND1234567'],
      ['item-2', '4', '125', 'ACM/1100-001', 'VND000111222'],
    ]);
    expect(order.carriers).toEqual([{ mode: 'mutually_defined', modeCode: 'ZZ', routing: 'FHD' }]);
    expect(order.totals).toEqual({ lineCount: 2, amount: '3700' });
    expect(order.source.version).toBe('005010');
  });
});
