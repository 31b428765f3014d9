import { describe, expect, it } from 'vitest';
import { GroupError, TransactionSetError } from '../../../src/x12/codes.js';
import { acknowledge } from './acknowledge.js';
import { buildInterchange, finding, segmentsOf, setBody, type SetSpec } from './build-interchange.js';
import { parseBack } from './parse-back.js';

const beg = { segmentId: 'BEG', segmentPosition: 2, elementPosition: 3, elementRef: '324' };

function ackOfSets(sets: SetSpec[]) {
  return acknowledge(buildInterchange({ groups: [{ sets }] }));
}

describe('997 AK5/AK9: set and group verdicts', () => {
  it('acknowledges a clean group with the whole envelope, and node-x12 reads it back', () => {
    const { x12, summary } = ackOfSets([{}]);
    expect(segmentsOf(x12)).toEqual([
      'ISA*00*          *00*          *ZZ*GATEWAY        *ZZ*ACME           *240315*0930*U*00401*000009001*0*P*>',
      'GS*FA*GWAPP*ACMEAPP*20240315*0930*501*X*004010',
      'ST*997*0001',
      'AK1*PO*42',
      'AK2*850*0001',
      'AK5*A',
      'AK9*A*1*1*1',
      'SE*6*0001',
      'GE*1*501',
      'IEA*1*000009001',
    ]);
    expect(parseBack(x12)).toEqual({ groups: 1, setsPerGroup: [1], segmentsPerSet: [6] });
    expect(summary.groups).toEqual([
      {
        functionalId: 'PO',
        controlNumber: '42',
        version: '004010',
        type: '997',
        code: 'A',
        errorCodes: [],
        included: 1,
        received: 1,
        accepted: 1,
        transactionSets: [{ id: '850', controlNumber: '0001', code: 'A', errorCodes: [] }],
        acknowledgedBy: { groupControlNumber: 501, transactionSetControlNumber: 1 },
      },
    ]);
  });

  describe('AK5: one per set received', () => {
    it('A for a clean set, E when only warnings, R when any error', () => {
      const { x12, summary } = ackOfSets([
        {},
        { diagnostics: [finding.element('7', { ...beg, value: 'ZZ' }, 'warning')] },
        {
          diagnostics: [
            finding.element('7', beg, 'warning'),
            finding.segment('2', { segmentId: 'TD5', segmentPosition: 6 }),
          ],
        },
      ]);
      expect(setBody(x12)).toEqual([
        'AK1*PO*42',
        'AK2*850*0001',
        'AK5*A',
        'AK2*850*0002',
        'AK3*BEG*2**8',
        'AK4*3*324*7*ZZ',
        'AK5*E*5',
        'AK2*850*0003',
        'AK3*BEG*2**8',
        'AK4*3*324*7',
        'AK3*TD5*6**2',
        'AK5*R*5',
        'AK9*P*3*3*2',
      ]);
      expect(summary.groups[0]?.transactionSets.map((s) => s.code)).toEqual(['A', 'E', 'R']);
    });

    it.each(Object.values(TransactionSetError).filter((c) => !c.startsWith('I')))('AK502 = %s', (code) => {
      const { x12 } = ackOfSets([{ diagnostics: [finding.transaction(code)] }]);
      expect(setBody(x12).slice(1)).toEqual(['AK2*850*0001', `AK5*R*${code}`, 'AK9*R*1*1*0']);
    });

    it('lists set-level codes first, then 5 for segments in error, at most five, without repeats', () => {
      const { x12, summary } = ackOfSets([
        {
          diagnostics: [
            finding.transaction('4'),
            finding.transaction('3'),
            finding.transaction('4'),
            finding.segment('2', { segmentId: 'TD5', segmentPosition: 6 }),
            finding.transaction('23'),
            finding.transaction('6'),
            finding.transaction('7'),
          ],
        },
      ]);
      expect(setBody(x12).at(-2)).toBe('AK5*R*4*3*23*6*7');
      expect(summary.groups[0]?.transactionSets[0]?.errorCodes).toEqual(['4', '3', '23', '6', '7']);
    });

    it('E with the code of a set-level warning', () => {
      const { x12 } = ackOfSets([{ diagnostics: [finding.transaction('23', 'warning')] }]);
      expect(setBody(x12).slice(-2)).toEqual(['AK5*E*23', 'AK9*E*1*1*1']);
    });
  });

  describe('AK9: the group verdict and counts', () => {
    const rejected = { diagnostics: [finding.transaction('4')] };
    const noted = { diagnostics: [finding.element('7', beg, 'warning')] };
    it.each([
      ['A when every set is accepted', [{}, {}], 'AK9*A*2*2*2'],
      ['E when a set has only warnings', [{}, noted], 'AK9*E*2*2*2'],
      ['P when some sets are rejected', [rejected, {}, noted], 'AK9*P*3*3*2'],
      ['R when every set is rejected', [rejected, rejected], 'AK9*R*2*2*0'],
    ])('%s', (_, sets, ak9) => {
      const { x12 } = ackOfSets(sets);
      expect(setBody(x12).at(-1)).toBe(ak9);
      expect(parseBack(x12).setsPerGroup).toEqual([1]);
    });

    it('A with zero counts for an empty group', () => {
      const { x12 } = ackOfSets([]);
      expect(setBody(x12)).toEqual(['AK1*PO*42', 'AK9*A*0*0*0']);
    });

    it.each(Object.values(GroupError))(
      'R with AK905 = %s for a group-level error, whatever its sets',
      (code) => {
        const { x12, summary } = acknowledge(
          buildInterchange({ groups: [{ sets: [{}, {}], diagnostics: [finding.group(code)] }] }),
        );
        expect(setBody(x12)).toEqual([
          'AK1*PO*42',
          'AK2*850*0001',
          'AK5*A',
          'AK2*850*0002',
          'AK5*A',
          `AK9*R*2*2*0*${code}`,
        ]);
        expect(summary.groups[0]).toMatchObject({ code: 'R', errorCodes: [code], accepted: 0 });
      },
    );

    it('AK902 is GE01 as sent and AK903 the sets received', () => {
      const { x12 } = acknowledge(
        buildInterchange({ groups: [{ sets: [{}, {}], ge01: '3', diagnostics: [finding.group('5')] }] }),
      );
      expect(setBody(x12).at(-1)).toBe('AK9*R*3*2*0*5');
    });

    it('AK902 falls back to the sets received when the GE is missing', () => {
      const { x12 } = acknowledge(
        buildInterchange({ groups: [{ sets: [{}], ge01: null, diagnostics: [finding.group('3')] }] }),
      );
      expect(setBody(x12).at(-1)).toBe('AK9*R*1*1*0*3');
    });

    it('E with the codes of group-level warnings; several codes in order, at most five', () => {
      const warnings = acknowledge(
        buildInterchange({ groups: [{ diagnostics: [finding.group('6', 'warning')] }] }),
      );
      expect(setBody(warnings.x12).at(-1)).toBe('AK9*E*1*1*1*6');
      const many = ['1', '2', '3', '4', '5', '6'] as const;
      const errors = acknowledge(
        buildInterchange({ groups: [{ diagnostics: many.map((c) => finding.group(c)) }] }),
      );
      expect(setBody(errors.x12).at(-1)).toBe('AK9*R*1*1*0*1*2*3*4*5');
    });
  });

  it('answers a 005010 group with a 005010 997 when asked: AK103, AK203, ST03 and AK401 repetition', () => {
    const { x12 } = acknowledge(
      buildInterchange({
        groups: [
          {
            version: '005010',
            sets: [
              {
                implementationReference: '005010',
                diagnostics: [finding.element('12', { ...beg, repetitionPosition: 4 })],
              },
            ],
          },
        ],
      }),
      { type: '997' },
    );
    expect(segmentsOf(x12).slice(1, 9)).toEqual([
      'GS*FA*GWAPP*ACMEAPP*20240315*0930*501*X*005010',
      'ST*997*0001*005010',
      'AK1*PO*42*005010',
      'AK2*850*0001*005010',
      'AK3*BEG*2**8',
      'AK4*3>>4*324*12',
      'AK5*R*5',
      'AK9*R*1*1*0',
    ]);
    expect(parseBack(x12).segmentsPerSet).toEqual([8]);
  });
});
