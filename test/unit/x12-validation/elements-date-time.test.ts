import { describe, expect, it } from 'vitest';
import { COMMON_DELIMITERS } from '../../../src/x12/delimiters.js';
import type { Diagnostic } from '../../../src/x12/diagnostic.js';
import { Segment } from '../../../src/x12/segment.js';
import type { VersionSpecs } from '../../../src/x12/specs/index.js';
import { compileSegment } from '../../../src/x12/validation/compiled-segment.js';
import { checkElements } from '../../../src/x12/validation/elements.js';
import { problemsOf } from './interchange.js';

const PO1 = 'PO1*1*10*EA*2.50**VP*SKU-1';
const CTT = 'CTT*1';

/** [code, value] of the problems of BEG05 (DT, CCYYMMDD) holding `date`. */
const begDate = (date: string) =>
  problemsOf([`BEG*00*SA*PO-1001**${date}`, PO1, CTT]).map((d) => [d.code, d.elementPosition, d.value]);

/** [code, value] of the problems of DTM03 (TM) holding `time`. */
const dtmTime = (time: string) =>
  problemsOf(['BEG*00*SA*PO-1001**20240115', `DTM*002*20240115*${time}`, PO1, CTT]).map((d) => [
    d.code,
    d.elementPosition,
    d.value,
  ]);

describe('AK403 8: invalid date', () => {
  it('accepts February 29 in leap years (2024, and 2000 divisible by 400) only', () => {
    expect(begDate('20240229')).toEqual([]);
    expect(begDate('20000229')).toEqual([]);
    expect(begDate('20230229')).toEqual([['8', 5, '20230229']]);
    expect(begDate('19000229')).toEqual([['8', 5, '19000229']]);
  });

  it('rejects month 13, month 00, day 00, April 31 and a letter in a date', () => {
    for (const date of ['20241301', '20240015', '20240100', '20240431', '2024011A']) {
      expect(begDate(date)).toEqual([['8', 5, date]]);
    }
  });

  it('says which element, which value and which form', () => {
    const [d] = problemsOf(['BEG*00*SA*PO-1001**20230229', PO1, CTT]);
    expect(d).toMatchObject({
      level: 'element',
      severity: 'error',
      segmentId: 'BEG',
      segmentPosition: 2,
      elementRef: '373',
    });
    expect(d?.message).toBe("BEG05 (Date) '20230229' is not a valid date (CCYYMMDD)");
  });

  it('reports a 6-digit date in an 8-digit element as too short, a 9-digit one as too long', () => {
    expect(begDate('240115')).toEqual([['4', 5, '240115']]);
    expect(begDate('202401150')).toEqual([['5', 5, '202401150']]);
  });
});

describe('AK403 9: invalid time', () => {
  it('accepts HHMM, HHMMSS, HHMMSSD and HHMMSSDD', () => {
    for (const time of ['0000', '2359', '235959', '1234567', '12345678']) expect(dtmTime(time)).toEqual([]);
  });

  it('rejects hour 24, minute 60, second 60, five digits and letters', () => {
    for (const time of ['2400', '1260', '123460', '12345', '12A4']) {
      expect(dtmTime(time)).toEqual([['9', 3, time]]);
    }
    const [d] = problemsOf(['BEG*00*SA*PO-1001**20240115', 'DTM*002*20240115*2460', PO1, CTT]);
    expect(d?.message).toBe("DTM03 (Time) '2460' is not a valid time (HHMM[SS[D..]])");
  });

  it('reports a time of 3 digits as too short and of 9 as too long', () => {
    expect(dtmTime('123')).toEqual([['4', 3, '123']]);
    expect(dtmTime('123456789')).toEqual([['5', 3, '123456789']]);
  });
});

describe('a 6-digit DT element (YYMMDD), from a hand-made dictionary', () => {
  // No segment of the 850 or 856 holds a 6-digit date, but older standards' elements do.
  const specs: VersionSpecs = {
    version: '004010',
    elements: {
      version: 'TEST',
      elements: {
        '9001': { name: 'Short Date', type: 'DT', min: 6, max: 6 },
        '9002': { name: 'Long Date', type: 'DT', min: 8, max: 8 },
      },
    },
    segments: {
      version: 'TEST',
      composites: {},
      segments: {
        ZDT: {
          name: 'Dates',
          elements: [
            { ref: '9001', req: 'M' },
            { ref: '9002', req: 'O' },
          ],
        },
      },
    },
  };
  const definition = compileSegment('ZDT', specs.segments.segments['ZDT']!, specs);

  function check(...values: string[]): Diagnostic[] {
    const out: Diagnostic[] = [];
    const segment = new Segment('ZDT', values, COMMON_DELIMITERS, {
      index: 7,
      line: 7,
      column: 1,
      offset: 0,
    });
    checkElements(segment, 5, undefined, definition, out);
    return out;
  }

  it('reads YY below 50 as 20YY and from 50 as 19YY for February 29', () => {
    expect(check('240229')).toEqual([]);
    expect(check('000229')).toEqual([]);
    expect(check('960229')).toEqual([]);
    expect(check('230229').map((d) => [d.code, d.elementPosition, d.value])).toEqual([['8', 1, '230229']]);
    expect(check('500229').map((d) => d.code)).toEqual(['8']);
  });

  it('rejects month 13 and names the YYMMDD form', () => {
    const [d] = check('241301');
    expect(d).toMatchObject({
      code: '8',
      segmentId: 'ZDT',
      segmentPosition: 5,
      elementPosition: 1,
      elementRef: '9001',
      line: 7,
    });
    expect(d?.message).toBe("ZDT01 (Short Date) '241301' is not a valid date (YYMMDD)");
  });

  it('checks each form in its own element', () => {
    expect(check('20240115').map((d) => d.code)).toEqual(['5']);
    expect(check('240115', '20241301').map((d) => [d.code, d.elementPosition])).toEqual([['8', 2]]);
    expect(check('240115', '240115').map((d) => [d.code, d.elementPosition])).toEqual([['4', 2]]);
  });
});
