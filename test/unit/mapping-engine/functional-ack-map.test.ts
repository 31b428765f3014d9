import { describe, expect, it } from 'vitest';
import type { FunctionalAck } from '../../../src/canonical/index.js';
import { buildAcknowledgement, readX12 } from '../../../src/x12/index.js';
import { canonicalHeader, readSample, readSet, renderedBody, setBody } from './sample-documents.js';

describe('997 read with the mapping', () => {
  it('reads AK1, an accepted and a rejected AK2 loop with AK3/AK4, and AK9 (005010)', () => {
    const ack = readSample(
      '997/stupidedi__005010_X230-FA997_pass_response-to-functional-group-containing-837s.edi',
      'functional_ack',
    );
    expect(ack).toMatchObject({
      standard: '997',
      group: { functionalId: 'HC', controlNumber: '17456', version: '005010' },
      groupStatus: 'partially_accepted',
      groupStatusCode: 'P',
      setsIncluded: 2,
      setsReceived: 2,
      setsAccepted: 1,
      groupErrorCodes: [],
    });
    expect(ack.sets).toEqual([
      {
        transactionSetId: '837',
        controlNumber: '0001',
        status: 'accepted',
        statusCode: 'A',
        errorCodes: [],
        segmentErrors: [],
      },
      {
        transactionSetId: '837',
        controlNumber: '0002',
        status: 'rejected',
        statusCode: 'R',
        errorCodes: ['5'],
        segmentErrors: [
          {
            segmentId: 'CLM',
            segmentPosition: 22,
            code: '8',
            elementErrors: [{ elementPosition: 1, elementRef: '1028', code: '1' }],
          },
        ],
      },
    ]);
  });

  it('reads a 004010 997 without the group version', () => {
    const ack = readSample('997/stupidedi__004010_FA997_pass_1.edi', 'functional_ack');
    expect(ack.group).toEqual({ functionalId: 'AG', controlNumber: '160' });
    expect(ack.sets).toEqual([
      {
        transactionSetId: '824',
        controlNumber: '0160',
        status: 'accepted',
        statusCode: 'A',
        errorCodes: [],
        segmentErrors: [],
      },
    ]);
    expect([ack.groupStatus, ack.setsIncluded, ack.setsReceived, ack.setsAccepted]).toEqual([
      'accepted',
      1,
      1,
      1,
    ]);
  });
});

describe('999 read with the mapping', () => {
  const ack = readSample('999/staedi__simple999.edi', 'functional_ack');

  it('reads IK5 verdicts and AK9 counts', () => {
    expect(ack).toMatchObject({
      standard: '999',
      group: { functionalId: 'HC', controlNumber: '17456', version: '005010X222' },
      groupStatus: 'partially_accepted',
      setsIncluded: 3,
      setsReceived: 3,
      setsAccepted: 1,
    });
    expect(ack.sets.map((s) => [s.controlNumber, s.status, s.statusCode, s.errorCodes])).toEqual([
      ['0001', 'accepted', 'A', []],
      ['0002', 'rejected', 'R', ['5']],
      ['0003', 'rejected', 'R', ['5']],
    ]);
  });

  it('reads IK3/IK4 codes and keeps each CTX on the error it explains', () => {
    expect(ack.sets[1]?.segmentErrors).toEqual([
      {
        segmentId: 'CLM',
        segmentPosition: 22,
        code: '8',
        contexts: [{ name: 'CLM01', reference: '123456789' }],
        elementErrors: [{ elementPosition: 2, elementRef: '782', code: '1' }],
      },
    ]);
    const [trigger, business] = ack.sets[2]?.segmentErrors[0]?.contexts ?? [];
    expect(ack.sets[2]?.segmentErrors[0]).toMatchObject({ segmentId: 'REF', segmentPosition: 57, code: '3' });
    expect(trigger).toMatchObject({ name: 'SITUATIONAL TRIGGER', segmentId: 'CLM', segmentPosition: 43 });
    expect(business).toEqual({ name: 'CLM01', reference: '987654321' });
  });
});

describe('functional_ack rendered with the mapping', () => {
  const ack: FunctionalAck = {
    type: 'functional_ack',
    ...canonicalHeader('functional_ack', '997', '004010'),
    standard: '997',
    group: { functionalId: 'PO', controlNumber: '1001', version: '005010' },
    sets: [
      {
        transactionSetId: '850',
        controlNumber: '0001',
        status: 'accepted',
        statusCode: 'A',
        errorCodes: [],
        segmentErrors: [],
      },
      {
        transactionSetId: '850',
        controlNumber: '0002',
        implementationReference: '005010X999',
        status: 'rejected',
        statusCode: 'R',
        errorCodes: ['5', '2'],
        segmentErrors: [
          { segmentId: 'N9', segmentPosition: 4, code: '2', elementErrors: [] },
          {
            segmentId: 'PO1',
            segmentPosition: 7,
            loopId: 'PO1',
            code: '8',
            contexts: [{ name: 'PO101', reference: '1' }],
            elementErrors: [
              { elementPosition: 2, elementRef: '330', code: '6', value: 'TEN' },
              {
                elementPosition: 6,
                componentPosition: 1,
                repetitionPosition: 2,
                code: '7',
                contexts: [
                  { name: 'SITUATIONAL TRIGGER', segmentId: 'PO1', segmentPosition: 7, loopId: 'PO1' },
                ],
              },
            ],
          },
        ],
      },
    ],
    groupStatus: 'partially_accepted',
    groupStatusCode: 'P',
    setsIncluded: 2,
    setsReceived: 2,
    setsAccepted: 1,
    groupErrorCodes: ['5'],
  };

  it('writes a 004010 997: no AK103 or AK203, AK401 without the repetition position', () => {
    expect(renderedBody(ack, 'x12/004010/997', '004010', 'FA')).toEqual([
      'AK1*PO*1001',
      'AK2*850*0001',
      'AK5*A',
      'AK2*850*0002',
      'AK3*N9*4**2',
      'AK3*PO1*7*PO1*8',
      'AK4*2*330*6*TEN',
      'AK4*6>1**7',
      'AK5*R*5*2',
      'AK9*P*2*2*1*5',
    ]);
  });

  it('writes a 005010 997 with AK103, AK203 and the repetition position', () => {
    const body = renderedBody(ack, 'x12/005010/997', '005010', 'FA');
    expect(body).toEqual([
      'AK1*PO*1001*005010',
      'AK2*850*0001',
      'AK5*A',
      'AK2*850*0002*005010X999',
      'AK3*N9*4**2',
      'AK3*PO1*7*PO1*8',
      'AK4*2*330*6*TEN',
      'AK4*6>1>2**7',
      'AK5*R*5*2',
      'AK9*P*2*2*1*5',
    ]);
  });

  it('writes a 999 with IK3/IK4/IK5 and the CTX of each error', () => {
    const body = renderedBody({ ...ack, standard: '999' }, 'x12/005010/999', '005010X231A1', 'FA');
    expect(body).toEqual([
      'AK1*PO*1001*005010',
      'AK2*850*0001',
      'IK5*A',
      'AK2*850*0002*005010X999',
      'IK3*N9*4**2',
      'IK3*PO1*7*PO1*8',
      'CTX*PO101>1',
      'IK4*2*330*6*TEN',
      'IK4*6>1>2**7',
      'CTX*SITUATIONAL TRIGGER*PO1*7*PO1',
      'IK5*R*5*2',
      'AK9*P*2*2*1*5',
    ]);
  });
});

describe('acknowledgments the gateway builds, read and written back with the mappings', () => {
  /** Two 850s: the first with a bad date, a bad number, a bad code and a misplaced segment. */
  function orders(isaVersion: string, gsVersion: string): string {
    const repetition = isaVersion >= '00402' ? '^' : 'U';
    return [
      `ISA*00*          *00*          *ZZ*ACME           *ZZ*GATEWAY        *240314*1200*${repetition}*${isaVersion}*000000101*0*P*>`,
      `GS*PO*ACME*GW*20240314*1200*42*X*${gsVersion}`,
      'ST*850*0001',
      'BEG*00*SA*PO-1**2024XX14',
      'PO1*1*ABC*EA*9.5',
      'PO1*2*1*EA*1*ZZ',
      'CTT*2',
      'TD5*Z',
      'SE*7*0001',
      'ST*850*0002',
      'BEG*00*SA*PO-2**20240314',
      'PO1*1*1*EA*1',
      'CTT*1',
      'SE*5*0002',
      'GE*2*42',
      'IEA*1*000000101',
    ].join('~\n');
  }

  it.each([
    ['997', '00401', '004010'],
    ['999', '00501', '005010'],
  ])('%s for a %s group', (setId, isaVersion, gsVersion) => {
    const [interchange] = readX12(`${orders(isaVersion, gsVersion)}~`).interchanges;
    if (!interchange) throw new Error('the orders did not read');
    const built = buildAcknowledgement(interchange, {
      controlNumbers: { interchange: 1, group: 1, transactionSet: 1 },
      now: new Date('2024-03-15T00:00:00Z'),
    }).x12;
    if (built === undefined) throw new Error('no acknowledgment was built');
    const [set] = readX12(built).transactionSets;
    expect(set?.id).toBe(setId);
    const { documents, diagnostics } = readSet(set);
    expect(diagnostics).toEqual([]);
    const [ack] = documents;
    if (ack?.type !== 'functional_ack') throw new Error('no functional_ack read');
    expect(ack.sets.map((s) => s.segmentErrors.map((e) => [e.segmentId, e.code]))).toEqual([
      [['BEG', '8'], ['PO1', '8'], ...(setId === '999' ? [['PO1', '8']] : []), ['TD5', '7']],
      [],
    ]);
    const version = set?.group.version ?? '';
    expect(renderedBody(ack, `x12/${gsVersion}/${setId}`, version, 'FA')).toEqual(setBody(built));
  });

  const componentError = [
    'ISA*00*          *00*          *ZZ*ACME           *ZZ*GATEWAY        *240314*1200*^*00501*000000101*0*P*>',
    'GS*FA*ACME*GW*20240314*1200*42*X*005010X231A1',
    'ST*999*0001*005010X231A1',
    'AK1*HC*7*005010X222A1',
    'AK2*837*0001',
    'IK3*HI*12*2300*8',
    'IK4*1>2*1271*7*XX',
    'IK5*R*5',
    'AK9*R*1*1*0',
    'SE*8*0001',
    'GE*1*42',
    'IEA*1*000000101',
  ].join('~\n');
  const [componentSet] = readX12(`${componentError}~`).transactionSets;

  it('has a valid 999 whose IK401 names a component', () => {
    expect(componentSet?.diagnostics).toEqual([]);
  });

  // An `integer` component is read from its own text (`2` of `1>2`), not the whole element.
  it('reads that IK401 as element 1, component 2', () => {
    const [document] = readSet(componentSet).documents;
    const ack = document?.type === 'functional_ack' ? document : undefined;
    expect(ack?.sets[0]?.segmentErrors[0]?.elementErrors[0]).toEqual({
      elementPosition: 1,
      componentPosition: 2,
      elementRef: '1271',
      code: '7',
      value: 'XX',
    });
  });
});
