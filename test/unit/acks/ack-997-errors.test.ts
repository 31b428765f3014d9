import { describe, expect, it } from 'vitest';
import { ElementError, SegmentError } from '../../../src/x12/codes.js';
import { acknowledge } from './acknowledge.js';
import { buildInterchange, finding, segmentsOf, setBody, type SetSpec } from './build-interchange.js';
import { parseBack } from './parse-back.js';

const beg = { segmentId: 'BEG', segmentPosition: 2, elementPosition: 3, elementRef: '324' };
const n1 = { segmentId: 'N1', segmentPosition: 7, loopId: 'N1' };

function ackOfSets(sets: SetSpec[]) {
  return acknowledge(buildInterchange({ groups: [{ sets }] }));
}

describe('997 AK3/AK4: segments and elements in error', () => {
  describe('AK3: one per segment in error', () => {
    it.each(Object.values(SegmentError).filter((c) => !c.startsWith('I')))('AK304 = %s', (code) => {
      const { x12 } = ackOfSets([{ diagnostics: [finding.segment(code, n1)] }]);
      expect(setBody(x12)).toEqual([
        'AK1*PO*42',
        'AK2*850*0001',
        `AK3*N1*7*N1*${code}`,
        'AK5*R*5',
        'AK9*R*1*1*0',
      ]);
      expect(parseBack(x12).segmentsPerSet).toEqual([7]);
    });

    it('leaves AK303 empty when the loop is not known, and orders segments by position', () => {
      const { x12 } = ackOfSets([
        {
          diagnostics: [
            finding.segment('7', { segmentId: 'DTM', segmentPosition: 9 }),
            finding.segment('3', { segmentId: 'BEG', segmentPosition: 2 }),
          ],
        },
      ]);
      expect(setBody(x12).slice(2, 4)).toEqual(['AK3*BEG*2**3', 'AK3*DTM*9**7']);
    });

    it('reports a segment code and element errors of one segment on separate AK3s, segment code first', () => {
      const po1 = { segmentId: 'PO1', segmentPosition: 12, loopId: 'PO1' };
      const { x12 } = ackOfSets([
        {
          diagnostics: [
            finding.element('4', { ...po1, elementPosition: 2, elementRef: '330', value: '' }),
            finding.segment('5', po1),
            finding.element('7', { ...po1, elementPosition: 3, elementRef: '355', value: 'XX' }),
          ],
        },
      ]);
      expect(setBody(x12).slice(2)).toEqual([
        'AK3*PO1*12*PO1*5',
        'AK3*PO1*12*PO1*8',
        'AK4*2*330*4',
        'AK4*3*355*7*XX',
        'AK5*R*5',
        'AK9*R*1*1*0',
      ]);
    });

    it('does not repeat AK3 code 8 when a validator also reported it at segment level', () => {
      const { x12 } = ackOfSets([
        {
          diagnostics: [
            finding.segment('8', { segmentId: 'BEG', segmentPosition: 2 }),
            finding.element('1', beg),
          ],
        },
      ]);
      expect(setBody(x12).slice(2, 5)).toEqual(['AK3*BEG*2**8', 'AK4*3*324*1', 'AK5*R*5']);
    });
  });

  describe('AK4: one per element in error, under AK3 code 8', () => {
    const standard = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] as const;
    it.each(standard)('AK403 = %s', (code) => {
      const { x12 } = ackOfSets([{ diagnostics: [finding.element(code, { ...beg, value: 'PO-1' })] }]);
      expect(setBody(x12).slice(2, 5)).toEqual(['AK3*BEG*2**8', `AK4*3*324*${code}*PO-1`, 'AK5*R*5']);
    });

    it.each([
      ['12', '3'],
      ['13', '3'],
    ] as const)(
      'AK403 %s (too many repetitions/components) is reported as 3 before 004020',
      (code, reported) => {
        const { x12 } = ackOfSets([{ diagnostics: [finding.element(code, beg)] }]);
        expect(setBody(x12)[3]).toBe(`AK4*3*324*${reported}`);
      },
    );

    it.each(['12', '13'] as const)('AK403 %s is kept from 004020 on', (code) => {
      const { x12 } = acknowledge(
        buildInterchange({
          groups: [{ version: '004030', sets: [{ diagnostics: [finding.element(code, beg)] }] }],
        }),
      );
      expect(setBody(x12)[3]).toBe(`AK4*3*324*${code}`);
      expect(segmentsOf(x12)[1]).toBe('GS*FA*GWAPP*ACMEAPP*20240315*0930*501*X*004030');
    });

    it('writes AK401 as element:component for a composite, with the interchange component separator', () => {
      const { x12 } = ackOfSets([
        {
          diagnostics: [
            finding.element('7', {
              segmentId: 'PO4',
              segmentPosition: 14,
              elementPosition: 13,
              componentPosition: 2,
              elementRef: '355',
              value: 'ZZ',
            }),
          ],
        },
      ]);
      expect(setBody(x12)[3]).toBe('AK4*13>2*355*7*ZZ');
    });

    it('leaves out the repetition position before 005010 and AK402 when the reference is unknown', () => {
      const { x12 } = ackOfSets([
        {
          diagnostics: [
            finding.element('5', {
              segmentId: 'REF',
              segmentPosition: 4,
              elementPosition: 2,
              repetitionPosition: 3,
              value: 'LONG',
            }),
          ],
        },
      ]);
      expect(setBody(x12)[3]).toBe('AK4*2**5*LONG');
    });

    it('removes separators from the copy of the bad value and keeps it within 99 characters', () => {
      const { x12 } = ackOfSets([
        {
          diagnostics: [
            finding.element('6', { ...beg, value: 'A*B>C~D\nE' }),
            finding.element('5', { ...beg, elementPosition: 5, value: 'x'.repeat(120) }),
          ],
        },
      ]);
      expect(setBody(x12).slice(3, 5)).toEqual(['AK4*3*324*6*ABCDE', `AK4*5*324*5*${'x'.repeat(99)}`]);
      expect(parseBack(x12).segmentsPerSet).toEqual([9]);
    });

    it('reports 999-only codes as the nearest 997 code', () => {
      const { x12 } = ackOfSets([
        {
          diagnostics: [
            finding.segment('I4', { segmentId: 'REF', segmentPosition: 3 }),
            finding.segment('I6', { segmentId: 'DTM', segmentPosition: 4 }),
            finding.element('I6', { ...beg, elementPosition: 1 }),
            finding.element('I9', { ...beg, elementPosition: 2 }),
            finding.element('I10', { ...beg, elementPosition: 4 }),
            finding.element('I11', { ...beg, elementPosition: 5 }),
            finding.element('I12', { ...beg, elementPosition: 6 }),
            finding.element('I13', { ...beg, elementPosition: 7 }),
            finding.transaction('I6'),
          ],
        },
      ]);
      expect(setBody(x12).slice(2)).toEqual([
        'AK3*BEG*2**8',
        'AK4*1*324*7',
        'AK4*2*324*2',
        'AK4*4*324*10',
        'AK4*5*324*1',
        'AK4*6*324*6',
        'AK4*7*324*10',
        'AK3*REF*3**2',
        'AK3*DTM*4**3',
        'AK5*R*1*5',
        'AK9*R*1*1*0',
      ]);
    });
  });
});

it('uses every element error code defined for the 997 in its tests', () => {
  const tested = [
    '1',
    '2',
    '3',
    '4',
    '5',
    '6',
    '7',
    '8',
    '9',
    '10',
    '12',
    '13',
    'I6',
    'I9',
    'I10',
    'I11',
    'I12',
    'I13',
  ];
  expect(Object.values(ElementError).sort()).toEqual(tested.sort());
});
