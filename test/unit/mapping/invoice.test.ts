import { describe, expect, it } from 'vitest';
import { addDecimals, multiplyDecimals } from '../../../src/canonical/index.js';
import { TransactionSetError } from '../../../src/x12/index.js';
import { envelope, fixtureSets, mapFixture, mapSet, only, textSets } from './fixture-sets.js';

describe('810 -> invoice (EDI.Net sample with line and summary SAC)', () => {
  const invoice = only(mapFixture('810/EDI.Net__x12.810a.edi'), 'invoice');

  it('reads BIG, CUR, REF and the invoice date', () => {
    expect(invoice).toMatchObject({
      invoiceNumber: 'DO091003TESTINV01',
      invoiceDate: '2003-03-10',
      poNumber: 'DO091003',
      poDate: '2003-09-10',
      invoiceType: 'invoice',
      invoiceTypeCode: 'DI',
      purpose: 'original',
      currency: 'USD',
      references: [{ qualifier: 'VN', value: 'DO091003' }],
      dates: [{ type: 'invoice', qualifier: '003', date: '2003-09-10', time: '10:59:20', timeZone: 'PD' }],
    });
  });

  it('reads parties with N2 names, PER contacts and REF', () => {
    expect(invoice.parties).toEqual([
      {
        role: 'sold_to',
        roleCode: 'SO',
        name: 'Aaron Copeland',
        additionalNames: ['Aaron Copeland'],
        addressLines: ['123 Symphony Street'],
        city: 'San Francisco',
        state: 'CA',
        postalCode: '94107',
        country: 'US',
        contacts: [
          { function: 'CN', name: 'default', email: 'aaronc@musicinsurance.com' },
          { function: 'CN', name: 'work', phone: '14151234567', fax: '14151112222' },
        ],
      },
      expect.objectContaining({
        role: 'remit_to',
        name: 'XYZ Bank',
        references: [
          { qualifier: 'AP', value: '00000-11111' },
          { qualifier: 'RT', value: '123456789' },
        ],
      }),
    ]);
  });

  it('reads the five ITD terms, negative percents included', () => {
    expect(invoice.terms?.map((t) => [t.typeCode, t.discountPercent, t.discountDays])).toEqual([
      ['52', '10', 10],
      ['52', '5', 20],
      ['52', '0', 30],
      ['05', '-5', 40],
      ['05', '-10', 50],
    ]);
  });

  it('reads IT1 loops with their SAC (N2 amounts) and nested N1 parties', () => {
    const [first, second] = invoice.lines;
    expect(first).toMatchObject({
      lineNumber: '1',
      quantity: '2',
      uom: 'EA',
      unitPrice: '99.99',
      ids: { vendorPartNumber: 'ID001' },
      description: 'Power Cord',
      references: [{ qualifier: 'FJ', value: '1' }],
    });
    expect(first?.allowancesCharges).toEqual([
      {
        indicator: 'no_charge',
        indicatorCode: 'N',
        code: 'B840',
        agencyQualifier: 'AB',
        agencyCode: 'Buyer assi',
        amount: '199.98',
        percentQualifier: 'Z',
        percent: '100',
        referenceId: 'ABC123456789',
        description: 'Production Control',
      },
      { indicator: 'charge', indicatorCode: 'C', code: 'G830', amount: '3.00' },
    ]);
    expect(first?.parties?.map((p) => [p.role, p.name])).toEqual([
      ['ship_from', 'Philadelphia'],
      ['ship_to', 'Music Insurance Co. - San Fran'],
    ]);
    expect(second).toMatchObject({ lineNumber: '2', unitPrice: '79.99', ids: { vendorPartNumber: 'ID002' } });
  });

  it('reads TDS as two implied decimals, and the lines plus summary charges make the total', () => {
    expect(invoice.totals).toEqual({ amount: '365.96', lineCount: 2 });
    expect(invoice.allowancesCharges).toEqual([
      { indicator: 'charge', indicatorCode: 'C', code: 'G830', amount: '6.00' },
      { indicator: 'charge', indicatorCode: 'C', code: 'H850', amount: '0.00', description: 'no tax' },
    ]);
    const lines = invoice.lines.map((l) => multiplyDecimals(l.quantity, l.unitPrice));
    const charges = (invoice.allowancesCharges ?? []).map((c) => c.amount ?? '0');
    expect(addDecimals(...lines, ...charges)).toBe('365.96');
  });
});

describe('810 taxes (EDI.Net sample b)', () => {
  const invoice = only(mapFixture('810/EDI.Net__x12.810b.edi'), 'invoice');

  it('reads line TXI inside the SAC loop and summary TXI', () => {
    expect(invoice.lines[0]?.taxes).toEqual([
      {
        typeCode: 'ST',
        amount: '15.99',
        percent: '8',
        jurisdictionQualifier: 'VD',
        jurisdiction: 'CA',
        basisAmount: '199.98',
      },
      { typeCode: 'FD', amount: '3.99', percent: '2', basisAmount: '199.98' },
    ]);
    expect(invoice.taxes?.map((t) => [t.typeCode, t.amount])).toEqual([
      ['ST', '28.78'],
      ['FD', '7.18'],
    ]);
    expect(invoice.totals.amount).toBe('401.92');
  });
});

describe('810 without line numbers, two sets in one group (staedi sample)', () => {
  const sets = fixtureSets('810/staedi__simple810.edi');
  const first = only(mapSet(sets[0]), 'invoice');
  const second = only(mapSet(sets[1]), 'invoice');

  it('numbers lines by position and totals them exactly', () => {
    expect(first).toMatchObject({ invoiceNumber: '00001', invoiceDate: '1997-12-11', poNumber: 'A99999-01' });
    expect(first.lines.map((l) => [l.lineNumber, l.quantity, l.uom, l.ids.caseUpc])).toEqual([
      ['1', '16', 'CA', '002840022222'],
      ['2', '13', 'CA', '002840033333'],
      ['3', '32', 'CA', '002840044444'],
      ['4', '51', 'CA', '002840055555'],
      ['5', '9', 'CA', '002840066666'],
      ['6', '85', 'CA', '002840077777'],
      ['7', '1', 'CA', '002840088888'],
    ]);
    expect(first.totals).toEqual({ amount: '2554.38', lineCount: 7 });
    expect(addDecimals(...first.lines.map((l) => multiplyDecimals(l.quantity, l.unitPrice)))).toBe('2554.38');
    expect(first.terms).toEqual([
      {
        typeCode: '01',
        basisDateCode: '3',
        discountPercent: '1.000',
        discountDays: 15,
        netDays: 16,
        description: '1/15 NET 30',
      },
    ]);
    expect(first.parties.map((p) => p.role)).toEqual(['ship_to', 'bill_to', 'remit_to']);
  });

  it('gives each set of the group its own id and control number', () => {
    expect(second.source.transactionSetControlNumber).toBe('000000002');
    expect(second.lines).toHaveLength(2);
    expect(second.id).not.toBe(first.id);
  });
});

describe('810 with a TDS that is not a number', () => {
  it('reports TDS01 and drops the invoice that has no total', () => {
    const result = mapSet(
      textSets(envelope('810', ['BIG*20240102*INV-1', 'IT1*1*1*EA*10', 'TDS*10.00'], 'IN'))[0],
    );
    expect(result.diagnostics.map((d) => [d.level, d.code, d.segmentId])).toEqual([
      ['element', '6', 'TDS'],
      ['transaction', TransactionSetError.segmentsInError, 'ST'],
    ]);
    expect(result.diagnostics[0]?.message).toContain("TDS01 '10.00' is not a whole number");
  });
});
