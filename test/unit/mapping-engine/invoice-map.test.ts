import { describe, expect, it } from 'vitest';
import type { Invoice } from '../../../src/canonical/index.js';
import { envelope, textSets } from './texts.js';
import { content } from './round-trip.js';
import { canonicalHeader, readSample, readSet, readText, renderedBody } from './sample-documents.js';

describe('810 samples read with the 004010 mapping', () => {
  const invoice = readSample('810/EDI.Net__x12.810a.edi', 'invoice');

  it('reads BIG, CUR, REF, DTM and the TDS total as a decimal', () => {
    expect(invoice).toMatchObject({
      invoiceNumber: 'DO091003TESTINV01',
      invoiceDate: '2003-03-10',
      poNumber: 'DO091003',
      poDate: '2003-09-10',
      invoiceType: 'invoice',
      invoiceTypeCode: 'DI',
      purpose: 'original',
      purposeCode: '00',
      currency: 'USD',
      references: [{ qualifier: 'VN', value: 'DO091003' }],
      dates: [{ type: 'invoice', qualifier: '003', date: '2003-09-10', time: '10:59:20', timeZone: 'PD' }],
      totals: { amount: '365.96', lineCount: 2 },
    });
  });

  it('reads N1 loops with N2, N3, N4, PER contacts and REF', () => {
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
      {
        role: 'remit_to',
        roleCode: 'RI',
        name: 'XYZ Bank',
        additionalNames: ['XYZ Bank'],
        addressLines: ['111 5th Avenue'],
        city: 'New York',
        state: 'NY',
        postalCode: '10007',
        country: 'US',
        references: [
          { qualifier: 'AP', value: '00000-11111' },
          { qualifier: 'RT', value: '123456789' },
        ],
        contacts: [
          { function: 'CN', name: 'default', email: 'money@xyzbank.com' },
          { function: 'CN', name: 'work', phone: '12121234567' },
        ],
      },
    ]);
  });

  it('reads the ITD terms, negative percents included', () => {
    expect(
      invoice.terms?.map((t) => [t.typeCode, t.basisDateCode, t.discountPercent, t.discountDays]),
    ).toEqual([
      ['52', '3', '10', 10],
      ['52', '3', '5', 20],
      ['52', '3', '0', 30],
      ['05', '3', '-5', 40],
      ['05', '3', '-10', 50],
    ]);
  });

  it('reads IT1 lines with PID, REF, SAC amounts (N2) and their N1 parties', () => {
    const [first, second] = invoice.lines;
    expect(first).toMatchObject({
      lineNumber: '1',
      quantity: '2',
      uom: 'EA',
      unitPrice: '99.99',
      ids: { vendorPartNumber: 'ID001' },
      productIds: [{ qualifier: 'VP', value: 'ID001' }],
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
    expect(first?.parties?.map((p) => [p.role, p.name, p.city])).toEqual([
      ['ship_from', 'Philadelphia', 'Philadelphia'],
      ['ship_to', 'Music Insurance Co. - San Fran', 'San Francisco'],
    ]);
    expect(second).toMatchObject({
      lineNumber: '2',
      quantity: '2',
      unitPrice: '79.99',
      ids: { vendorPartNumber: 'ID002' },
    });
  });

  it('reads the summary SAC loops', () => {
    expect(invoice.allowancesCharges).toEqual([
      { indicator: 'charge', indicatorCode: 'C', code: 'G830', amount: '6.00' },
      { indicator: 'charge', indicatorCode: 'C', code: 'H850', amount: '0.00', description: 'no tax' },
    ]);
  });

  it('reads the TXI inside SAC loops as taxes of the line and of the invoice', () => {
    const taxed = readSample('810/EDI.Net__x12.810b.edi', 'invoice');
    expect(taxed.totals.amount).toBe('401.92');
    expect(taxed.lines[0]?.taxes).toEqual([
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
    expect(taxed.taxes?.map((t) => [t.typeCode, t.amount, t.basisAmount])).toEqual([
      ['ST', '28.78', '359.96'],
      ['FD', '7.18', '359.96'],
    ]);
  });

  it('reads the staedi sample: the ITD percent as sent, the CAD routing, case UPCs and the TDS total', () => {
    const chips = readSample('810/staedi__simple810.edi', 'invoice');
    expect(chips).toMatchObject({
      invoiceNumber: '00001',
      invoiceDate: '1997-12-11',
      poNumber: 'A99999-01',
      terms: [
        {
          typeCode: '01',
          basisDateCode: '3',
          discountPercent: '1.000',
          discountDays: 15,
          netDays: 16,
          description: '1/15 NET 30',
        },
      ],
      carriers: [{ routing: 'FREEFORM' }],
      totals: { amount: '2554.38', lineCount: 7 },
    });
    expect(chips.parties.map((p) => [p.role, p.name, p.identifiers])).toEqual([
      ['ship_to', 'BUYSNACKS PORT', [{ qualifier: '9', value: '1223334445' }]],
      ['bill_to', 'BUYSNACKS', [{ qualifier: '9', value: '1223334444' }]],
      ['remit_to', 'FOODSELLER', [{ qualifier: '9', value: '12345QQQQ' }]],
    ]);
    expect(chips.lines.map((l) => [l.quantity, l.uom, l.unitPrice, l.ids.caseUpc, l.description])).toEqual([
      ['16', 'CA', '12.34', '002840022222', 'CRUNCHY CHIPS LSS'],
      ['13', 'CA', '12.34', '002840033333', 'NACHO CHIPS LSS'],
      ['32', 'CA', '12.34', '002840044444', 'POTATO CHIPS'],
      ['51', 'CA', '12.34', '002840055555', 'CORN CHIPS'],
      ['9', 'CA', '12.34', '002840066666', 'BBQ CHIPS'],
      ['85', 'CA', '12.34', '002840077777', 'GREAT BIG CHIPS LSS'],
      ['1', 'CA', '12.34', '002840088888', 'MINI CHIPS LSS'],
    ]);
  });

  it('reads a consolidated invoice whose only product id has no well-known name', () => {
    const basic = readSample('810/stupidedi__004010_X348-SC810_pass_basic-invoice.edi', 'invoice');
    expect(basic).toMatchObject({
      invoiceType: 'consolidated_invoice',
      invoiceTypeCode: 'CI',
      totals: { amount: '170.60', lineCount: 1 },
      terms: [{ typeCode: '05', basisDateCode: '3', netDays: 14 }],
    });
    expect(basic.lines).toEqual([
      {
        lineNumber: '1',
        quantity: '1',
        uom: 'EA',
        unitPrice: '170.6',
        ids: {},
        productIds: [{ qualifier: 'VX', value: '654321234002345' }],
      },
    ]);
  });
});

describe('810 read from X12 written in the test', () => {
  it('reads NTE notes: no code is general, a known code its type, another code other', () => {
    const invoice = readText('810', 'invoice', [
      'BIG*20240401*INV-7',
      'NTE**THANK YOU',
      'NTE*DEL*LEFT AT DOCK 4',
      'NTE*XYZ*SEE CONTRACT',
      'IT1*1*1*EA*5**VP*A1',
      'TDS*500',
    ]);
    expect(invoice.notes).toEqual([
      { type: 'general', text: 'THANK YOU' },
      { type: 'delivery', code: 'DEL', text: 'LEFT AT DOCK 4' },
      { type: 'other', code: 'XYZ', text: 'SEE CONTRACT' },
    ]);
  });

  it('reads 005010 TXI loops inside SAC loops as taxes', () => {
    const invoice = readText(
      '810',
      'invoice',
      [
        'BIG*20240401*INV-9',
        'IT1*1*2*EA*10**VP*A1',
        'SAC*C*H850***150',
        'TXI*ST*1.5*7.5',
        'TDS*2150',
        'SAC*C*D240***500',
        'TXI*ST*0.5*10',
        'CTT*1',
      ],
      '005010',
    );
    expect(invoice.lines[0]?.allowancesCharges).toEqual([
      { indicator: 'charge', indicatorCode: 'C', code: 'H850', amount: '1.50' },
    ]);
    expect(invoice.lines[0]?.taxes).toEqual([{ typeCode: 'ST', amount: '1.5', percent: '7.5' }]);
    expect(invoice.taxes).toEqual([{ typeCode: 'ST', amount: '0.5', percent: '10' }]);
    expect(invoice.totals).toEqual({ amount: '21.50', lineCount: 1 });
  });
});

const invoice: Invoice = {
  type: 'invoice',
  ...canonicalHeader('invoice', '810', '004010'),
  invoiceNumber: 'INV-2001',
  invoiceDate: '2024-04-01',
  poNumber: 'PO-1001',
  poDate: '2024-03-05',
  invoiceType: 'invoice',
  invoiceTypeCode: 'DI',
  purpose: 'original',
  purposeCode: '00',
  currency: 'USD',
  notes: [
    { type: 'general', text: 'Thank you' },
    { type: 'delivery', code: 'DEL', text: 'Delivered to dock 4' },
  ],
  references: [{ qualifier: 'IA', value: 'V-778' }],
  parties: [
    {
      role: 'remit_to',
      roleCode: 'RI',
      name: 'Seller Inc',
      identifiers: [{ qualifier: '1', value: '123456789' }],
      addressLines: ['PO Box 9'],
      city: 'Dallas',
      state: 'TX',
      postalCode: '75201',
    },
  ],
  terms: [
    {
      typeCode: '01',
      basisDateCode: '3',
      discountPercent: '2',
      discountDays: 10,
      netDays: 30,
      description: '2% 10 NET 30',
    },
  ],
  dates: [{ type: 'shipped', qualifier: '011', date: '2024-03-28' }],
  lines: [
    {
      lineNumber: '1',
      quantity: '12',
      uom: 'EA',
      unitPrice: '9.25',
      ids: { vendorPartNumber: 'V-1', upc: '012345678905' },
      productIds: [
        { qualifier: 'VN', value: 'V-1' },
        { qualifier: 'UP', value: '012345678905' },
      ],
      description: 'Widget',
      taxes: [{ typeCode: 'ST', amount: '7.22', percent: '6.5' }],
      allowancesCharges: [
        {
          indicator: 'allowance',
          indicatorCode: 'A',
          code: 'C310',
          amount: '11.10',
          percentQualifier: '3',
          percent: '10',
        },
      ],
    },
  ],
  taxes: [{ typeCode: 'ST', amount: '7.22', percent: '6.5' }],
  carriers: [{ modeCode: 'U', scac: 'UPSN', routing: 'UPS GROUND' }],
  allowancesCharges: [
    { indicator: 'charge', indicatorCode: 'C', code: 'D240', amount: '8.00', description: 'Freight' },
  ],
  totals: { amount: '107.12', lineCount: 1, quantityTotal: '12' },
};

describe('invoice rendered as an 810 with the 004010 mapping', () => {
  const body = renderedBody(invoice, 'x12/004010/810', '004010', 'IN');

  it('writes each segment in the order of the standard, amounts in cents where the element is N2', () => {
    expect(body).toEqual([
      'BIG*20240401*INV-2001*20240305*PO-1001***DI*00',
      'NTE**Thank you',
      'NTE*DEL*Delivered to dock 4',
      'CUR*SE*USD',
      'REF*IA*V-778',
      'N1*RI*Seller Inc*1*123456789',
      'N3*PO Box 9',
      'N4*Dallas*TX*75201',
      'ITD*01*3*2**10**30*****2% 10 NET 30',
      'DTM*011*20240328',
      'IT1*1*12*EA*9.25**VN*V-1*UP*012345678905',
      'TXI*ST*7.22*6.5',
      'PID*F****Widget',
      'SAC*A*C310***1110*3*10',
      'TDS*10712',
      'TXI*ST*7.22*6.5',
      'CAD*U***UPSN*UPS GROUND',
      'SAC*C*D240***800**********Freight',
      'CTT*1*12',
    ]);
  });

  it('reads back as the same invoice', () => {
    const [back] = textSets(envelope('810', body, 'IN'));
    const { documents } = readSet(back);
    expect(documents[0]).toMatchObject(content(invoice) as object);
  });

  it('writes the same segments with the 005010 mapping', () => {
    expect(renderedBody(invoice, 'x12/005010/810', '005010', 'IN')).toEqual(body);
  });
});
