import { describe, expect, it } from 'vitest';
import { mapFixture, only } from './fixture-sets.js';

describe('855 -> purchase_order_ack', () => {
  const ack = only(mapFixture('855/node-x12__855.edi'), 'purchase_order_ack');

  it('reads BAK, CUR and the ship-to party', () => {
    expect(ack).toMatchObject({
      poNumber: 'POTEST1112',
      poDate: '2020-10-15',
      purpose: 'original',
      ackType: 'accepted_no_changes',
      ackTypeCode: 'AD',
      requestReference: '60169126',
      ackDate: '2020-10-15',
      currency: 'USD',
      references: [{ qualifier: 'ZZZ', value: 'ORDER PROCESSED' }],
    });
    expect(ack.parties[0]).toMatchObject({
      role: 'ship_to',
      name: 'EDI TEST ACCOUNT-SUFFIX',
      identifiers: [{ qualifier: '15', value: '123MILL 0001' }],
      addressLines: ['REGULAR EDI ACCOUNT', 'ATTN ACQ SERVS', '7615 DISALLE BOULEVARD'],
      city: 'FORT WAYNE',
    });
  });

  it('reads each line with its ACK status items, keeping the X12 code', () => {
    expect(ack.lines.map((l) => [l.lineNumber, l.quantityOrdered, l.unitPrice, l.ids.ean])).toEqual([
      ['1', '3', '4.5', '9780446360265'],
      ['2', '2', '15.99', '9780767928427'],
      ['3', '1', '0', '9780099599531'],
      ['4', '2', '4.5', '9780446360272'],
    ]);
    expect(ack.lines.map((l) => l.statuses)).toEqual([
      [{ status: 'accepted', statusCode: 'IA', quantity: '3', uom: 'UN' }],
      [{ status: 'rejected', statusCode: 'IR', quantity: '0', uom: 'UN' }],
      [{ status: 'rejected', statusCode: 'IR', quantity: '0', uom: 'UN' }],
      [{ status: 'accepted', statusCode: 'IA', quantity: '2', uom: 'UN' }],
    ]);
    expect(ack.lines[0]?.description).toBe('DIC WEBSTERS NEW WORLD');
    expect(ack.lines[0]?.schedules).toEqual([
      {
        quantity: '3',
        uom: 'UN',
        dates: [{ type: 'other', qualifier: '080', date: '2004-12-31' }],
        requestReference: '000',
      },
    ]);
    expect(ack.totals).toEqual({ lineCount: 4, quantityTotal: '5' });
  });

  it('reads price, date, quantity and substitution changes on one line', () => {
    const changed = only(
      mapFixture('855/stupidedi__004010_X358-SC855_pass_po-ack-minor-changes.edi'),
      'purchase_order_ack',
    );
    expect(changed).toMatchObject({
      ackType: 'accepted_with_changes',
      purpose: 'response',
      contractNumber: 'AE123',
    });
    expect(changed.contacts).toEqual([
      { function: 'SU', name: 'XYZ AIRCRAFT PARTS', phone: '1-800-555-1212' },
    ]);
    expect(changed.lines[0]?.statuses).toEqual([
      { status: 'price_changed', statusCode: 'IP' },
      {
        status: 'date_rescheduled',
        statusCode: 'DR',
        date: { type: 'required_by', qualifier: '106', date: '2017-05-20' },
      },
      { status: 'quantity_changed', statusCode: 'IQ', quantity: '20' },
      {
        status: 'substituted',
        statusCode: 'IS',
        ids: { manufacturerPartNumber: 'XX-1234-A' },
        productIds: [{ qualifier: 'MG', value: 'XX-1234-A' }],
      },
    ]);
    expect(changed.lines.map((l) => l.statuses.map((s) => s.status))).toEqual([
      ['price_changed', 'date_rescheduled', 'quantity_changed', 'substituted'],
      ['accepted'],
      ['rejected'],
    ]);
  });

  it('reads a rejection without lines', () => {
    const rejected = only(
      mapFixture('855/stupidedi__004010_X358-SC855_pass_basic-po-ack-rejected.edi'),
      'purchase_order_ack',
    );
    expect(rejected).toMatchObject({
      poNumber: 'XX-1234',
      ackType: 'rejected',
      ackTypeCode: 'RJ',
      lines: [],
      totals: { lineCount: 0 },
    });
  });
});
