import { describe, expect, it } from 'vitest';
import { acknowledge } from './acknowledge.js';
import { buildInterchange, finding, PIPES, segmentsOf } from './build-interchange.js';
import { parseBack } from './parse-back.js';

describe('acknowledgement envelope', () => {
  it('goes back to the sender: ISA05/06 and ISA07/08 swapped, GS02 and GS03 swapped, ISA12/15 as received, ISA14 = 0', () => {
    const interchange = buildInterchange({
      sender: { qualifier: '01', id: '987654321' },
      receiver: { qualifier: 'ZZ', id: 'OURGATEWAY' },
      usage: 'T',
      ackRequested: true,
      groups: [{ applicationSender: 'THEIRAPP', applicationReceiver: 'OURAPP' }],
    });
    const segments = segmentsOf(acknowledge(interchange, { ta1: 'never' }).x12);
    expect(segments[0]).toBe(
      'ISA*00*          *00*          *ZZ*OURGATEWAY     *01*987654321      *240315*0930*U*00401*000009001*0*T*>',
    );
    expect(segments[1]).toBe('GS*FA*OURAPP*THEIRAPP*20240315*0930*501*X*004010');
  });

  it('one FA group per GS08, sets numbered upwards in output order, summary in file order', () => {
    const interchange = buildInterchange({
      delimiters: PIPES,
      version: '00501',
      groups: [
        { controlNumber: '1', version: '004010' },
        { controlNumber: '2', functionalId: 'HC', version: '005010X222A1', sets: [{ id: '837' }] },
        {
          controlNumber: '3',
          functionalId: 'IN',
          version: '004010VICS',
          sets: [{ id: '810' }, { id: '810' }],
        },
      ],
    });
    const { x12, summary } = acknowledge(interchange, {
      controlNumbers: { interchange: 70, group: 900, transactionSet: 9998 },
    });
    const segments = segmentsOf(x12, PIPES);
    expect(segments.filter((s) => /^(GS|ST|AK1|GE|IEA)\|/.test(s))).toEqual([
      'GS|FA|GWAPP|ACMEAPP|20240315|0930|900|X|004010',
      'ST|997|9998',
      'AK1|PO|1',
      'ST|997|9999',
      'AK1|IN|3',
      'GE|2|900',
      'GS|FA|GWAPP|ACMEAPP|20240315|0930|901|X|005010X231A1',
      'ST|999|10000|005010X231A1',
      'AK1|HC|2|005010X222A1',
      'GE|1|901',
      'IEA|2|000000070',
    ]);
    expect(parseBack(x12)).toEqual({ groups: 2, setsPerGroup: [2, 1], segmentsPerSet: [6, 8, 6] });
    expect(summary.groups.map((g) => [g.controlNumber, g.type, g.acknowledgedBy])).toEqual([
      ['1', '997', { groupControlNumber: 900, transactionSetControlNumber: 9998 }],
      ['2', '999', { groupControlNumber: 901, transactionSetControlNumber: 10000 }],
      ['3', '997', { groupControlNumber: 900, transactionSetControlNumber: 9999 }],
    ]);
    expect(summary.controlNumbersUsed).toEqual({
      interchange: 70,
      groups: [900, 901],
      transactionSets: [9998, 9999, 10000],
    });
  });

  it('separate FA groups for different application ids, even with one GS08', () => {
    const interchange = buildInterchange({
      groups: [
        { controlNumber: '1', applicationSender: 'WEST' },
        { controlNumber: '2', applicationSender: 'EAST' },
      ],
    });
    const segments = segmentsOf(acknowledge(interchange).x12);
    expect(segments.filter((s) => s.startsWith('GS*'))).toEqual([
      'GS*FA*GWAPP*WEST*20240315*0930*501*X*004010',
      'GS*FA*GWAPP*EAST*20240315*0930*502*X*004010',
    ]);
    expect(segments.at(-1)).toBe('IEA*2*000009001');
  });

  it('never acknowledges a functional acknowledgement group', () => {
    const interchange = buildInterchange({
      groups: [{ functionalId: 'FA', controlNumber: '7', sets: [{ id: '997' }] }, { controlNumber: '8' }],
    });
    const { x12, summary } = acknowledge(interchange);
    expect(segmentsOf(x12).filter((s) => s.startsWith('AK1'))).toEqual(['AK1*PO*8']);
    expect(summary.skippedGroups).toEqual([
      {
        functionalId: 'FA',
        controlNumber: '7',
        reason: 'a functional acknowledgement is never acknowledged',
      },
    ]);
  });

  it('nothing to send for an interchange of acknowledgements only', () => {
    const { x12, summary } = acknowledge(
      buildInterchange({ groups: [{ functionalId: 'FA', sets: [{ id: '997' }] }] }),
    );
    expect(x12).toBeUndefined();
    expect(summary.controlNumbersUsed).toEqual({ interchange: undefined, groups: [], transactionSets: [] });
  });

  it('puts a newline after each terminator when asked', () => {
    const { x12 } = acknowledge(buildInterchange({ groups: [{}] }), { segmentNewline: true });
    expect(x12?.split('\n').slice(1)).toEqual([
      'GS*FA*GWAPP*ACMEAPP*20240315*0930*501*X*004010~',
      'ST*997*0001~',
      'AK1*PO*42~',
      'AK2*850*0001~',
      'AK5*A~',
      'AK9*A*1*1*1~',
      'SE*6*0001~',
      'GE*1*501~',
      'IEA*1*000009001~',
      '',
    ]);
    expect(parseBack(x12).segmentsPerSet).toEqual([6]);
  });

  it('chooses a repetition separator when a 00501 sender wrote U in ISA11', () => {
    const interchange = buildInterchange({
      delimiters: { element: '*', repetition: undefined, component: ':', segment: '~' },
      version: '00501',
      groups: [{ version: '005010X222A1', functionalId: 'HC' }],
    });
    const { x12 } = acknowledge(interchange);
    expect(segmentsOf(x12)[0]).toContain('*0930*^*00501*');
    expect(parseBack(x12).groups).toBe(1);
  });

  it('answers an unreadable GS08 with a 997 in the version of the ISA', () => {
    const { x12, summary } = acknowledge(
      buildInterchange({ groups: [{ version: '', diagnostics: [finding.group('2')] }] }),
    );
    expect(segmentsOf(x12)[1]).toBe('GS*FA*GWAPP*ACMEAPP*20240315*0930*501*X*004010');
    expect(summary.groups[0]).toMatchObject({ type: '997', code: 'R', errorCodes: ['2'] });
  });

  it('takes the date and time in UTC', () => {
    const { x12 } = acknowledge(buildInterchange({ groups: [{}] }), {
      now: new Date('2023-12-31T23:59:59-05:00'),
    });
    expect(segmentsOf(x12)[0]).toContain('*240101*0459*');
    expect(segmentsOf(x12)[1]).toContain('*20240101*0459*');
  });
});
