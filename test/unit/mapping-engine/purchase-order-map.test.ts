import { describe, expect, it } from 'vitest';
import type { PurchaseOrder } from '../../../src/canonical/index.js';
import { envelope, textSets } from './texts.js';
import { content } from './round-trip.js';
import { canonicalHeader, readSample, readSet, readText, renderedBody } from './sample-documents.js';

describe('850 samples read with the 004010 mapping', () => {
  const order = readSample('850/EdiEngine__850.OK.edi', 'purchase_order');

  it('reads BEG, REF, ITD, DTM and TD5, and the agreed currency where no CUR is sent', () => {
    expect(order).toMatchObject({
      poNumber: '08292233294',
      orderDate: '2010-11-27',
      contractNumber: '610385385',
      purpose: 'original',
      purposeCode: '00',
      orderType: 'stand_alone',
      orderTypeCode: 'SA',
      currency: 'USD',
      references: [
        { qualifier: 'DP', value: '038' },
        { qualifier: 'PS', value: 'R' },
      ],
      terms: [{ typeCode: '14', basisDateCode: '3', discountPercent: '2', discountDays: 45, netDays: 46 }],
      dates: [{ type: 'requested_delivery', qualifier: '002', date: '2010-12-14' }],
      carriers: [
        {
          routingSequence: 'A',
          identifierQualifier: '92',
          identifier: 'P3',
          routing: 'SEE XYZ RETAIL ROUTING GUIDE',
        },
      ],
      totals: { lineCount: 6, lineItemsAmount: '13045.94' },
    });
  });

  it('reads the N1 loop with its id and address, the DUNS of a DUNS+4 by name', () => {
    expect(order.parties).toEqual([
      {
        role: 'ship_to',
        roleCode: 'ST',
        name: 'XYZ RETAIL',
        identifiers: [{ qualifier: '9', value: '0003947268292' }],
        duns: '000394726',
        addressLines: ['31875 SOLON RD'],
        city: 'SOLON',
        state: 'OH',
        postalCode: '44139',
      },
    ]);
  });

  it('reads PO1 quantities, prices and id pairs, the PID description and the PO4 pack', () => {
    expect(order.lines).toHaveLength(6);
    const [first, second] = order.lines;
    expect(first).toEqual({
      lineNumber: '1',
      quantity: '120',
      uom: 'EA',
      unitPrice: '9.25',
      priceBasis: 'TE',
      ids: { buyerCatalogNumber: '065322-117', vendorPartNumber: 'AB3542' },
      productIds: [
        { qualifier: 'CB', value: '065322-117' },
        { qualifier: 'PR', value: 'RO' },
        { qualifier: 'VN', value: 'AB3542' },
      ],
      description: 'SMALL WIDGET',
      pack: {
        pack: '4',
        size: '4',
        uom: 'EA',
        packagingCode: 'PLT94',
        weight: { value: '3', uom: 'LR' },
        volume: { value: '15', uom: 'CT' },
      },
    });
    expect(second?.pack).toEqual({ pack: '2', size: '2', uom: 'EA' });
    expect(order.lines.map((l) => [l.quantity, l.unitPrice])).toEqual([
      ['120', '9.25'],
      ['220', '13.79'],
      ['126', '10.99'],
      ['76', '4.35'],
      ['72', '7.5'],
      ['696', '9.55'],
    ]);
  });

  it('reads the header PER, N2 names, the SCH schedule and the AMT total', () => {
    const taxExempt = readSample('850/stupidedi__004010_X357-SC850_pass_taxexempt-po.edi', 'purchase_order');
    expect(taxExempt.contacts).toEqual([{ function: 'BD', name: 'ED SMITH', phone: '8001234567' }]);
    expect(taxExempt.parties[0]).toMatchObject({
      role: 'buyer',
      name: 'ABC AEROSPACE',
      additionalNames: ['AIRCRAFT DIVISION'],
      identifiers: [{ qualifier: '9', value: '1234567890101' }],
      city: 'FIGHTER TOWN',
    });
    expect(taxExempt.lines[0]).toMatchObject({
      quantity: '25',
      unitPrice: '36',
      priceBasis: 'PE',
      ids: { manufacturerPartNumber: 'XYZ-1234' },
      schedules: [
        {
          quantity: '25',
          uom: 'EA',
          dates: [{ type: 'required_by', qualifier: '106', date: '2017-06-15' }],
        },
      ],
    });
    expect(taxExempt.totals).toEqual({ lineCount: 1, amount: '900' });
  });

  it('reads the N9 MSG as a note; a line sent without PO101 reads as line 1', () => {
    const redacted = readSample('850/node-x12__850_3.edi', 'purchase_order');
    expect(redacted.notes.map((n) => [n.type, n.text.slice(0, 24)])).toEqual([
      ['general', '000000000001010700 BUYER'],
    ]);
    // N9 is read for its notes only: REF already fills `references`.
    expect(redacted.references).toEqual([]);
    expect(redacted.lines[0]).toMatchObject({ lineNumber: '1', quantity: '1', uom: 'KI', unitPrice: '225' });
    expect(redacted.parties.map((p) => [p.role, p.name, p.city])).toEqual([
      ['vendor', '----- ------ --------- ---', 'HUNTINGTON BEACH'],
      ['ship_to', 'PETCO - CORPORATE', 'SAN DIEGO'],
    ]);
  });
});

describe('850 read from X12 written in the test', () => {
  it('reads header and line SAC amounts (N2), TXI, every MSG line of N9 and line notes', () => {
    const order = readText('850', 'purchase_order', [
      'BEG*00*SA*PO-77**20240102',
      'CUR*BY*CAD',
      'SAC*A*C310***2500*3*5',
      'SAC*C*D240***1234',
      'TXI*ST*12.34*6.5',
      'N9*L1*SPECIAL INSTRUCTIONS',
      'MSG*CALL BEFORE DELIVERY',
      'MSG*DOCK 4 ONLY',
      'N1*BY*BUYER CO*92*1',
      'PO1*1*2*CA*10.5**UP*012345678905',
      'PO1*2*1*EA*3*PE*ZZ*X-1',
      'SAC*C*D240***150',
      'DTM*010*20240110',
      'MSG*FRAGILE',
      'TXI*ST*0.2*6.5',
      'N1*Z7*STORE 12',
      'CTT*2*3',
    ]);
    expect(order.currency).toBe('CAD');
    expect(order.allowancesCharges).toEqual([
      {
        indicator: 'allowance',
        indicatorCode: 'A',
        code: 'C310',
        amount: '25.00',
        percentQualifier: '3',
        percent: '5',
      },
      { indicator: 'charge', indicatorCode: 'C', code: 'D240', amount: '12.34' },
    ]);
    expect(order.taxes).toEqual([{ typeCode: 'ST', amount: '12.34', percent: '6.5' }]);
    expect(order.notes).toEqual([
      { type: 'general', text: 'CALL BEFORE DELIVERY' },
      { type: 'general', text: 'DOCK 4 ONLY' },
    ]);
    const [first, second] = order.lines;
    expect(first).toMatchObject({
      lineNumber: '1',
      quantity: '2',
      unitPrice: '10.5',
      ids: { upc: '012345678905' },
    });
    // No id has a well-known name: `ids` is still there, empty.
    expect(second).toEqual({
      lineNumber: '2',
      quantity: '1',
      uom: 'EA',
      unitPrice: '3',
      priceBasis: 'PE',
      ids: {},
      productIds: [{ qualifier: 'ZZ', value: 'X-1' }],
      allowancesCharges: [{ indicator: 'charge', indicatorCode: 'C', code: 'D240', amount: '1.50' }],
      dates: [{ type: 'requested_ship', qualifier: '010', date: '2024-01-10' }],
      notes: [{ type: 'general', text: 'FRAGILE' }],
      taxes: [{ typeCode: 'ST', amount: '0.2', percent: '6.5' }],
      parties: [{ role: 'mark_for', roleCode: 'Z7', name: 'STORE 12' }],
    });
    expect(order.totals).toEqual({ lineCount: 2, quantityTotal: '3' });
  });

  it('reads 005010 MTX notes with their reference code, in the N9 loop and on the line', () => {
    const order = readText(
      '850',
      'purchase_order',
      [
        'BEG*00*SA*PO-5**20240102',
        'N9*L1*NOTES',
        'MTX*DEL*LEAVE AT BACK DOOR',
        'MTX**CALL AHEAD',
        'PO1*1*1*EA*5**VP*V-1',
        'MTX*SPH*KEEP UPRIGHT',
        'CTT*1',
      ],
      '005010',
    );
    expect(order.notes).toEqual([
      { type: 'delivery', code: 'DEL', text: 'LEAVE AT BACK DOOR' },
      { type: 'general', text: 'CALL AHEAD' },
    ]);
    expect(order.lines[0]?.notes).toEqual([{ type: 'special_handling', code: 'SPH', text: 'KEEP UPRIGHT' }]);
  });
});

const order: PurchaseOrder = {
  type: 'purchase_order',
  ...canonicalHeader('purchase_order', '850', '004010'),
  poNumber: 'PO-1001',
  orderDate: '2024-03-05',
  purpose: 'original',
  orderType: 'drop_ship',
  currency: 'CAD',
  references: [{ qualifier: 'DP', value: '038' }],
  contacts: [{ function: 'BD', name: 'Pat Buyer', phone: '555-0100', email: 'pat@example.com' }],
  dates: [{ type: 'requested_delivery', qualifier: '002', date: '2024-03-20' }],
  terms: [{ typeCode: '01', basisDateCode: '3', discountPercent: '2', discountDays: 10, netDays: 30 }],
  allowancesCharges: [{ indicator: 'charge', indicatorCode: 'C', code: 'D240', amount: '12.50' }],
  taxes: [{ typeCode: 'ST', amount: '7.22', percent: '6.5' }],
  carriers: [
    {
      routingSequence: 'B',
      identifierQualifier: '2',
      identifier: 'UPSN',
      modeCode: 'U',
      routing: 'UPS GROUND',
    },
  ],
  notes: [
    { type: 'general', text: 'Deliver to dock 4' },
    { type: 'general', text: 'Call before delivery' },
  ],
  parties: [
    {
      role: 'ship_to',
      name: 'Main Store',
      identifiers: [{ qualifier: '92', value: '0042' }],
      addressLines: ['1 Main St', 'Suite 2'],
      city: 'Springfield',
      state: 'IL',
      postalCode: '62701',
      country: 'US',
    },
  ],
  lines: [
    {
      lineNumber: '1',
      quantity: '12',
      uom: 'EA',
      unitPrice: '9.25',
      priceBasis: 'PE',
      ids: { buyerPartNumber: 'B-1', upc: '012345678905' },
      description: 'Widget',
      pack: { pack: '6', size: '1', uom: 'EA' },
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
      dates: [{ type: 'requested_ship', qualifier: '010', date: '2024-03-18' }],
      notes: [{ type: 'general', text: 'Fragile' }],
      taxes: [{ typeCode: 'ST', amount: '7.22', percent: '6.5' }],
      schedules: [
        {
          quantity: '12',
          uom: 'EA',
          dates: [{ type: 'requested_delivery', qualifier: '002', date: '2024-03-20' }],
        },
      ],
      parties: [{ role: 'mark_for', name: 'Store 12' }],
    },
  ],
  totals: { lineCount: 1, quantityTotal: '12', amount: '111' },
};

describe('purchase_order rendered as an 850 with the 004010 mapping', () => {
  const body = renderedBody(order, 'x12/004010/850', '004010', 'PO');

  it('writes each segment in the order of the standard, codes from the code tables', () => {
    expect(body).toEqual([
      'BEG*00*DS*PO-1001**20240305',
      'CUR*BY*CAD',
      'REF*DP*038',
      'PER*BD*Pat Buyer*TE*555-0100*EM*pat@example.com',
      'SAC*C*D240***1250',
      'ITD*01*3*2**10**30',
      'DTM*002*20240320',
      'TD5*B*2*UPSN*U*UPS GROUND',
      'TXI*ST*7.22*6.5',
      'N9*L1*GEN',
      'MSG*Deliver to dock 4',
      'MSG*Call before delivery',
      'N1*ST*Main Store*92*0042',
      'N3*1 Main St*Suite 2',
      'N4*Springfield*IL*62701*US',
      'PO1*1*12*EA*9.25*PE*BP*B-1*UP*012345678905',
      'PID*F****Widget',
      'PO4*6*1*EA',
      'SAC*A*C310***1110*3*10',
      'DTM*010*20240318',
      'MSG*Fragile',
      'TXI*ST*7.22*6.5',
      'SCH*12*EA***002*20240320',
      'N1*Z7*Store 12',
      'CTT*1*12',
      'AMT*TT*111',
    ]);
  });

  it('reads back as the same order, with the codes it was written with', () => {
    const [back] = textSets(envelope('850', body));
    const { documents } = readSet(back);
    expect(documents[0]).toMatchObject(content(order) as object);
    expect(documents[0]).toMatchObject({
      purposeCode: '00',
      orderTypeCode: 'DS',
      parties: [{ roleCode: 'ST' }],
      lines: [{ productIds: [{ qualifier: 'BP' }, { qualifier: 'UP' }], parties: [{ roleCode: 'Z7' }] }],
    });
  });

  it('leaves the N9 loop out of an order without notes', () => {
    const withoutNotes = renderedBody({ ...order, notes: [] }, 'x12/004010/850', '004010', 'PO');
    expect(withoutNotes.filter((s) => /^(N9|MSG)\*/.test(s))).toEqual(['MSG*Fragile']);
  });

  it('writes notes as MTX in 005010', () => {
    const v5 = renderedBody(
      {
        ...order,
        notes: [
          { type: 'delivery', code: 'DEL', text: 'Dock 4' },
          { type: 'general', text: 'Call' },
        ],
      },
      'x12/005010/850',
      '005010',
      'PO',
    );
    expect(v5.filter((s) => /^(N9|MSG|MTX)\*/.test(s))).toEqual([
      'N9*L1*GEN',
      'MTX*DEL*Dock 4',
      'MTX**Call',
      'MTX**Fragile',
    ]);
  });
});
