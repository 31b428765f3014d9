import { describe, expect, it } from 'vitest';
import { addDecimals, decimalsEqual, type Remittance } from '../../../src/canonical/index.js';
import { canonicalHeader, readSample, renderedBody } from './sample-documents.js';

describe('820 read with the mapping (retail remittance, 005010)', () => {
  const remittance = readSample('820/EDI.Net__x12.820.issue140.edi', 'remittance');

  it('reads BPR and TRN into the payment', () => {
    expect(remittance.payment).toEqual({
      handlingCode: 'I',
      amount: '21298.97',
      creditDebit: 'credit',
      method: 'check',
      methodCode: 'CHK',
      effectiveDate: '2019-10-29',
      traceType: '3',
      traceNumber: '4529952',
    });
    expect(remittance.currency).toBe('USD');
  });

  it('reads payer and payee, the GLN by name', () => {
    expect(remittance.parties).toEqual([
      {
        role: 'payer',
        roleCode: 'PR',
        name: 'MART INC.',
        gln: '1238742000008',
        identifiers: [{ qualifier: 'UL', value: '1238742000008' }],
      },
      {
        role: 'payee',
        roleCode: 'PE',
        name: 'Test Company, LLC',
        references: [{ qualifier: 'IA', value: '446963' }],
      },
    ]);
  });

  it('reads every RMR with its REF, DTM and ADX, and the paid amounts add up to BPR02', () => {
    expect(remittance.entities).toEqual([{ assignedNumber: 1 }]);
    expect(
      remittance.items.map((i) => [i.referenceId, i.amountPaid, i.invoiceAmount, i.discountAmount]),
    ).toEqual([
      ['26801', '4408.75', '4650.41', '97.9'],
      ['26927', '4653.84', '4753.92', '100.08'],
      ['26935', '4413.11', '4508.02', '94.91'],
      ['27009', '2276.1', '2323.53', '47.43'],
      ['27018', '2276.1', '2323.53', '47.43'],
      ['27028', '1264.5', '1290.85', '26.35'],
      ['27029', '2006.57', '2049.72', '43.15'],
    ]);
    const [first] = remittance.items;
    expect(first).toMatchObject({ referenceQualifier: 'IV', paymentActionCode: 'PO' });
    expect(first?.references).toContainEqual({ qualifier: 'PO', value: '1016071221' });
    expect(first?.dates).toEqual([{ type: 'created', qualifier: '097', date: '2019-09-04' }]);
    expect(first?.adjustments).toEqual([
      {
        amount: '-143.76',
        reasonCode: '59',
        referenceQualifier: 'CM',
        referenceId: '26801',
        references: [
          { qualifier: '6O', value: '022' },
          { qualifier: 'MC', value: '000000025' },
        ],
      },
    ]);
    const paid = addDecimals(...remittance.items.map((i) => i.amountPaid ?? '0'));
    expect(paid).toBe('21298.97');
    expect(decimalsEqual(paid, remittance.payment.amount)).toBe(true);
  });
});

describe('820 read with the mapping (health exchange X306, ENT/NM1/RMR)', () => {
  const remittance = readSample(
    '820/stupidedi__005010_X306-RA820_pass_final-hix-820-aptc-adjustments.edi',
    'remittance',
  );

  it('reads an ACH payment and the remitter with its contact', () => {
    expect(remittance.payment).toEqual({
      handlingCode: 'I',
      amount: '910',
      creditDebit: 'credit',
      method: 'ach',
      methodCode: 'ACH',
      formatCode: 'CCP',
      effectiveDate: '2014-02-28',
      traceType: '3',
      traceNumber: '123456789123459',
    });
    expect(remittance.parties[1]).toEqual({
      role: 'payer',
      roleCode: 'RM',
      name: 'CMS',
      identifiers: [{ qualifier: '58', value: 'CMS' }],
      contacts: [
        {
          function: 'IC',
          name: 'EXCHANGE OPERATIONS CENTER',
          email: 'CMS_FEPS@cms.hhs.gov',
          phone: '8002671515',
        },
      ],
    });
  });

  it('reads each ENT with its NM1 person and the REFs under the name', () => {
    expect(
      remittance.entities.map((e) => [e.assignedNumber, e.parties?.[0]?.name, e.parties?.[0]?.givenName]),
    ).toEqual([
      [1, 'SMITH', 'JANE'],
      [2, 'DOE', 'JOHN'],
    ]);
    expect(remittance.entities[0]?.parties?.[0]).toEqual({
      role: 'insured',
      roleCode: 'IL',
      name: 'SMITH',
      givenName: 'JANE',
      identifiers: [{ qualifier: 'C1', value: '777222' }],
      references: [
        { qualifier: '38', value: '12345MD000011221' },
        { qualifier: 'POL', value: '4567' },
        { qualifier: 'AZ', value: 'PLAN1' },
        { qualifier: '0F', value: 'SUB123' },
      ],
    });
  });

  it('reads the RMRs of every ENT, negative amounts included, adding up to BPR02', () => {
    expect(remittance.items.map((i) => [i.referenceQualifier, i.referenceId, i.amountPaid])).toEqual([
      ['ZZ', 'APTC', '500'],
      ['ZZ', 'CSR', '100'],
      ['ZZ', 'UF', '-25'],
      ['ZZ', 'APTCADJ', '-600'],
      ['ZZ', 'APTCADJ', '500'],
      ['ZZ', 'APTC', '400'],
      ['ZZ', 'CSR', '50'],
      ['ZZ', 'UF', '-15'],
    ]);
    const paid = addDecimals(...remittance.items.map((i) => i.amountPaid ?? '0'));
    expect(decimalsEqual(paid, remittance.payment.amount)).toBe(true);
  });
});

describe('remittance rendered as an 820 with the mapping', () => {
  const remittance: Remittance = {
    type: 'remittance',
    ...canonicalHeader('remittance', '820', '004010'),
    payment: {
      handlingCode: 'C',
      amount: '1245.50',
      creditDebit: 'credit',
      method: 'ach',
      methodCode: 'ACH',
      formatCode: 'CTX',
      effectiveDate: '2024-03-15',
      traceNumber: 'T-778',
      originatorId: '1234567890',
    },
    currency: 'USD',
    parties: [
      { role: 'payer', name: 'BIGBOX RETAIL', duns: '123456789' },
      {
        role: 'payee',
        roleCode: 'PE',
        name: 'ACME SUPPLY',
        addressLines: ['1 MAIN ST'],
        city: 'SPRINGFIELD',
        state: 'IL',
        postalCode: '62701',
        contacts: [{ function: 'AR', name: 'PAT', phone: '5550100' }],
      },
    ],
    references: [{ qualifier: 'CK', value: '10045' }],
    dates: [{ type: 'effective', qualifier: '007', date: '2024-03-14' }],
    entities: [
      {
        assignedNumber: 1,
        parties: [
          {
            role: 'insured',
            roleCode: 'IL',
            name: 'DOE',
            givenName: 'JANE',
            identifiers: [{ qualifier: '34', value: '123456789' }],
          },
        ],
      },
    ],
    items: [
      {
        referenceQualifier: 'IV',
        referenceId: 'INV-1',
        amountPaid: '1000.50',
        invoiceAmount: '1020',
        discountAmount: '19.50',
        dates: [{ type: 'invoice', qualifier: '003', date: '2024-03-01' }],
        adjustments: [{ amount: '-10', reasonCode: '01', referenceQualifier: 'CM', referenceId: 'CM-7' }],
      },
      {
        referenceQualifier: 'IV',
        referenceId: 'INV-2',
        amountPaid: '250',
        references: [{ qualifier: 'PO', value: 'PO-9' }],
      },
    ],
    adjustments: [{ amount: '5', reasonCode: 'CS' }],
    notes: [{ type: 'general', text: 'MARCH RUN' }],
  };

  it('writes BPR to RMR in the 004010 order, amounts as X12 reals with the scale they were given', () => {
    expect(renderedBody(remittance, 'x12/004010/820', '004010', 'RA')).toEqual([
      'BPR*C*1245.50*C*ACH*CTX***********20240315',
      'NTE*GEN*MARCH RUN',
      'TRN*1*T-778*1234567890',
      'CUR*PR*USD',
      'REF*CK*10045',
      'DTM*007*20240314',
      'N1*PR*BIGBOX RETAIL*1*123456789',
      'N1*PE*ACME SUPPLY',
      'N3*1 MAIN ST',
      'N4*SPRINGFIELD*IL*62701',
      'PER*AR*PAT*TE*5550100',
      'ENT*1',
      'NM1*IL*1*DOE*JANE****34*123456789',
      // Items do not say which entity they belong to: they follow an ENT of their own.
      'ENT',
      'ADX*5*CS',
      'RMR*IV*INV-1**1000.50*1020*19.50',
      'DTM*003*20240301',
      'ADX*-10*01*CM*CM-7',
      'RMR*IV*INV-2**250',
      'REF*PO*PO-9',
    ]);
  });

  it('writes the same segments in 005010', () => {
    expect(renderedBody(remittance, 'x12/005010/820', '005010X218', 'RA')).toEqual(
      renderedBody(remittance, 'x12/004010/820', '004010', 'RA'),
    );
  });
});
