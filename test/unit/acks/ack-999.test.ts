import { describe, expect, it } from 'vitest';
import { ElementError, SegmentError } from '../../../src/x12/codes.js';
import type { Diagnostic } from '../../../src/x12/diagnostic.js';
import { acknowledge } from './acknowledge.js';
import { buildInterchange, finding, PIPES, segmentsOf, setBody } from './build-interchange.js';
import { parseBack } from './parse-back.js';

const nm1 = { segmentId: 'NM1', segmentPosition: 5, loopId: '2010AA' };
const trigger = { segmentId: 'NM1', segmentPosition: 5, loopId: '2010AA', elementPosition: 8 };

/** A 005010 claim interchange with `|` `^` `:` `~`, one set carrying `diagnostics`. */
function claims(diagnostics: Diagnostic[] = []) {
  return buildInterchange({
    delimiters: PIPES,
    version: '00501',
    groups: [
      {
        functionalId: 'HC',
        version: '005010X222A1',
        sets: [{ id: '837', controlNumber: '0021', implementationReference: '005010X222A1', diagnostics }],
      },
    ],
  });
}

const body = (x12: string | undefined) => setBody(x12, PIPES);

describe('999 for a 005010 group', () => {
  it('is the default answer, in the sender delimiters, and node-x12 reads it back', () => {
    const { x12, summary } = acknowledge(claims());
    expect(segmentsOf(x12, PIPES)).toEqual([
      'ISA|00|          |00|          |ZZ|GATEWAY        |ZZ|ACME           |240315|0930|^|00501|000009001|0|P|:',
      'GS|FA|GWAPP|ACMEAPP|20240315|0930|501|X|005010X231A1',
      'ST|999|0001|005010X231A1',
      'AK1|HC|42|005010X222A1',
      'AK2|837|0021|005010X222A1',
      'IK5|A',
      'AK9|A|1|1|1',
      'SE|6|0001',
      'GE|1|501',
      'IEA|1|000009001',
    ]);
    expect(parseBack(x12)).toEqual({ groups: 1, setsPerGroup: [1], segmentsPerSet: [6] });
    expect(summary.groups[0]).toMatchObject({ type: '999', code: 'A', version: '005010X222A1' });
  });

  it('leaves AK203 out when the set had no ST03', () => {
    const interchange = claims();
    const set = interchange.groups[0]?.transactionSets[0];
    if (set) Object.assign(set, { implementationReference: undefined });
    expect(body(acknowledge(interchange).x12)[1]).toBe('AK2|837|0021');
  });

  it.each(Object.values(SegmentError))('IK304 = %s', (code) => {
    const { x12 } = acknowledge(claims([finding.segment(code, nm1)]));
    const setCode = code.startsWith('I') ? 'I5' : '5';
    expect(body(x12).slice(2)).toEqual([`IK3|NM1|5|2010AA|${code}`, `IK5|R|${setCode}`, 'AK9|R|1|1|0']);
    expect(parseBack(x12).segmentsPerSet).toEqual([7]);
  });

  it.each(Object.values(ElementError))('IK403 = %s', (code) => {
    const { x12 } = acknowledge(
      claims([finding.element(code, { ...nm1, elementPosition: 9, elementRef: '67', value: 'X1' })]),
    );
    const setCode = code.startsWith('I') ? 'I5' : '5';
    expect(body(x12).slice(2)).toEqual([
      'IK3|NM1|5|2010AA|8',
      `IK4|9|67|${code}|X1`,
      `IK5|R|${setCode}`,
      'AK9|R|1|1|0',
    ]);
  });

  it('writes IK401 with component and repetition positions', () => {
    const { x12 } = acknowledge(
      claims([
        finding.element('7', {
          segmentId: 'HI',
          segmentPosition: 30,
          loopId: '2300',
          elementPosition: 2,
          componentPosition: 1,
          repetitionPosition: 3,
          elementRef: '1270',
          value: 'ABX',
        }),
        finding.element('5', {
          segmentId: 'HI',
          segmentPosition: 30,
          loopId: '2300',
          elementPosition: 4,
          repetitionPosition: 2,
          elementRef: '1271',
        }),
      ]),
    );
    expect(body(x12).slice(2, 5)).toEqual(['IK3|HI|30|2300|8', 'IK4|2:1:3|1270|7|ABX', 'IK4|4::2|1271|5']);
  });

  it('adds a CTX situational trigger after the IK4 of a conditional element', () => {
    const { x12 } = acknowledge(
      claims([finding.element('2', { ...nm1, elementPosition: 9, elementRef: '67', trigger })]),
    );
    expect(body(x12)).toEqual([
      'AK1|HC|42|005010X222A1',
      'AK2|837|0021|005010X222A1',
      'IK3|NM1|5|2010AA|8',
      'IK4|9|67|2',
      'CTX|SITUATIONAL TRIGGER|NM1|5|2010AA|8',
      'IK5|R|5',
      'AK9|R|1|1|0',
    ]);
    expect(parseBack(x12).segmentsPerSet).toEqual([9]);
  });

  it('adds a CTX situational trigger after the IK3 of a situational segment, loop left empty when unknown', () => {
    const { x12 } = acknowledge(
      claims([
        finding.segment('I6', {
          segmentId: 'REF',
          segmentPosition: 11,
          loopId: '2010BA',
          trigger: { segmentId: 'NM1', segmentPosition: 9, elementPosition: 8 },
        }),
      ]),
    );
    expect(body(x12).slice(2, 5)).toEqual([
      'IK3|REF|11|2010BA|I6',
      'CTX|SITUATIONAL TRIGGER|NM1|9||8',
      'IK5|R|I5',
    ]);
  });

  it('reports warnings with IK5 E and errors with R, in a partially accepted group', () => {
    const interchange = buildInterchange({
      delimiters: PIPES,
      version: '00501',
      groups: [
        {
          functionalId: 'HC',
          version: '005010X222A1',
          sets: [
            {
              id: '837',
              implementationReference: '005010X222A1',
              diagnostics: [finding.element('I12', { ...nm1, elementPosition: 9, value: '12^3' }, 'warning')],
            },
            { id: '837', implementationReference: '005010X222A1', diagnostics: [finding.transaction('I6')] },
          ],
        },
      ],
    });
    const { x12, summary } = acknowledge(interchange);
    expect(body(x12)).toEqual([
      'AK1|HC|42|005010X222A1',
      'AK2|837|0001|005010X222A1',
      'IK3|NM1|5|2010AA|8',
      'IK4|9||I12|123',
      'IK5|E|I5',
      'AK2|837|0002|005010X222A1',
      'IK5|R|I6',
      'AK9|P|2|2|1',
    ]);
    expect(summary.groups[0]?.transactionSets.map((s) => [s.code, s.errorCodes])).toEqual([
      ['E', ['I5']],
      ['R', ['I6']],
    ]);
  });

  it('answers a 004010 group with a 999 when the partner asks for 999s', () => {
    const { x12 } = acknowledge(buildInterchange({ groups: [{}] }), { type: '999' });
    expect(segmentsOf(x12).slice(1, 8)).toEqual([
      'GS*FA*GWAPP*ACMEAPP*20240315*0930*501*X*005010X231A1',
      'ST*999*0001*005010X231A1',
      'AK1*PO*42*004010',
      'AK2*850*0001',
      'IK5*A',
      'AK9*A*1*1*1',
      'SE*6*0001',
    ]);
    expect(parseBack(x12).segmentsPerSet).toEqual([6]);
  });
});
