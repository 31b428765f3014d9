import { describe, expect, it } from 'vitest';
import { addDecimals, decimalsEqual } from '../../../src/canonical/index.js';
import { ElementError } from '../../../src/x12/index.js';
import { envelope, mapFixture, mapSet, only, textSets } from './fixture-sets.js';

describe('820 -> remittance (retail remittance, EDI.Net sample)', () => {
  const remittance = only(mapFixture('820/EDI.Net__x12.820.issue140.edi'), 'remittance');

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
    expect(remittance.source).toMatchObject({ version: '005010', transactionSetControlNumber: '101053' });
  });

  it('reads payer and payee', () => {
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

  it('reads every RMR under its ENT, with ADX, and the paid amounts add up to the payment', () => {
    expect(remittance.entities).toEqual([{ assignedNumber: 1 }]);
    expect(
      remittance.items.map((i) => [i.invoiceNumber, i.amountPaid, i.invoiceAmount, i.discountAmount]),
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
    expect(first).toMatchObject({ entityNumber: 1, referenceQualifier: 'IV', paymentActionCode: 'PO' });
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
    expect(decimalsEqual(paid, remittance.payment.amount)).toBe(true);
  });
});

describe('820 with ENT/NM1 entities and negative amounts (HIX sample)', () => {
  const remittance = only(
    mapFixture('820/stupidedi__005010_X306-RA820_pass_final-hix-820-aptc-adjustments.edi'),
    'remittance',
  );

  it('reads an ACH payment and the remitter contact', () => {
    expect(remittance.payment).toMatchObject({
      amount: '910',
      method: 'ach',
      formatCode: 'CCP',
      effectiveDate: '2014-02-28',
      traceNumber: '123456789123459',
    });
    expect(remittance.parties[1]).toMatchObject({
      role: 'payer',
      roleCode: 'RM',
      name: 'CMS',
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

  it('reads each entity with its NM1 person, and the items with report periods', () => {
    expect(
      remittance.entities.map((e) => [e.assignedNumber, e.parties?.[0]?.name, e.parties?.[0]?.givenName]),
    ).toEqual([
      [1, 'SMITH', 'JANE'],
      [2, 'DOE', 'JOHN'],
    ]);
    const person = remittance.entities[0]?.parties?.[0];
    expect(person).toMatchObject({ role: 'insured', identifiers: [{ qualifier: 'C1', value: '777222' }] });
    expect(person?.references).toContainEqual({ qualifier: 'POL', value: '4567' });
    expect(remittance.items.map((i) => [i.entityNumber, i.referenceId, i.amountPaid])).toEqual([
      [1, 'APTC', '500'],
      [1, 'CSR', '100'],
      [1, 'UF', '-25'],
      [1, 'APTCADJ', '-600'],
      [1, 'APTCADJ', '500'],
      [2, 'APTC', '400'],
      [2, 'CSR', '50'],
      [2, 'UF', '-15'],
    ]);
    expect(remittance.items[3]?.dates).toEqual([
      { type: 'report_period', qualifier: '582', date: '2014-01-01', endDate: '2014-01-31' },
    ]);
    expect(addDecimals(...remittance.items.map((i) => i.amountPaid ?? '0'))).toBe('910');
  });
});

describe('820 values that cannot be converted', () => {
  it('reports a bad payment amount, an unknown credit/debit flag and a bad period end', () => {
    const result = mapSet(
      textSets(
        envelope(
          '820',
          ['BPR*C*12.3.4*X*ACH', 'ENT*1', 'RMR*IV*INV-1**10', 'DTM*582****RD8*20240101-20241301'],
          'RA',
        ),
      )[0],
    );
    expect(
      result.diagnostics
        .filter((d) => d.level === 'element')
        .map((d) => [d.segmentId, d.elementPosition, d.code, d.value]),
    ).toEqual([
      ['BPR', 2, ElementError.invalidCharacter, '12.3.4'],
      ['BPR', 3, ElementError.invalidCode, 'X'],
      ['DTM', 6, ElementError.invalidDate, '20241301'],
    ]);
    expect(result.documents).toEqual([]);
  });
});
