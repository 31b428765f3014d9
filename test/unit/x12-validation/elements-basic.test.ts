import { describe, expect, it } from 'vitest';
import { elementFacts, problemsOf } from './interchange.js';

const BEG = 'BEG*00*SA*PO-1001**20240115';
const PO1 = 'PO1*1*10*EA*2.50**VP*SKU-1';
const CTT = 'CTT*1';

/** Element problems of an 850 with `beg`, `po1` and `ctt` put in place of the good ones. */
function elementProblems(o: { beg?: string; po1?: string; ctt?: string; extra?: string[] }, gs08 = '004010') {
  const body = [o.beg ?? BEG, ...(o.extra ?? []), o.po1 ?? PO1, o.ctt ?? CTT];
  return problemsOf(body, { gs08 });
}
const facts = (o: Parameters<typeof elementProblems>[0], gs08?: string) =>
  elementProblems(o, gs08).map(elementFacts);

/** The facts of an error at BEG (position 2); `value` only where AK404 carries one. */
const atBeg = (code: string, elementPosition: number, elementRef: string | undefined, value?: string) => ({
  code,
  severity: 'error',
  segmentId: 'BEG',
  segmentPosition: 2,
  elementPosition,
  componentPosition: undefined,
  elementRef,
  value,
});

describe('AK403 1: mandatory element missing', () => {
  it('reports an empty mandatory element with its reference number and no value', () => {
    const [d] = elementProblems({ beg: 'BEG*00**PO-1001**20240115' });
    expect(elementFacts(d!)).toEqual(atBeg('1', 2, '92'));
    expect(d).toMatchObject({ level: 'element', line: 4, column: 1 });
    expect(d?.message).toBe('mandatory element BEG02 is missing');
  });

  it('reports mandatory elements missing at the end of a short segment, with or without a trailing separator', () => {
    expect(facts({ beg: 'BEG*00*SA*PO-1001' })).toEqual([atBeg('1', 5, '373')]);
    expect(facts({ beg: 'BEG*00*SA*PO-1001*' })).toEqual([atBeg('1', 5, '373')]);
    expect(facts({ beg: 'BEG*00*SA' })).toEqual([atBeg('1', 3, '324'), atBeg('1', 5, '373')]);
    expect(facts({ beg: 'BEG' })).toEqual([
      atBeg('1', 1, '353'),
      atBeg('1', 2, '92'),
      atBeg('1', 3, '324'),
      atBeg('1', 5, '373'),
    ]);
  });

  it('does not ask for optional elements after the last mandatory one', () => {
    expect(facts({ beg: BEG, po1: 'PO1' })).toEqual([]);
  });
});

describe('AK403 3: too many data elements', () => {
  it('reports the first position past the definition, without a reference number', () => {
    const [d, ...rest] = elementProblems({ beg: `${BEG}********X` });
    expect(rest).toEqual([]);
    expect(elementFacts(d!)).toEqual(atBeg('3', 13, undefined));
    expect(d?.message).toBe('segment BEG has 13 elements; the standard defines 12');
  });

  it('only notes trailing separators with nothing after them, and reads the segment', () => {
    const [d, ...rest] = elementProblems({ ctt: 'CTT*1********' });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      level: 'element',
      code: '3',
      severity: 'warning',
      segmentId: 'CTT',
      elementPosition: 8,
    });
    expect(d?.message).toBe(
      'segment CTT has 9 elements; the standard defines 7 (the extra ones are empty; read anyway)',
    );
  });
});

describe('AK403 4 and 5: too short and too long', () => {
  it('reports an ID element shorter than its minimum', () => {
    const [d] = elementProblems({ beg: 'BEG*0*SA*PO-1001**20240115' });
    expect(elementFacts(d!)).toEqual(atBeg('4', 1, '353', '0'));
    expect(d?.message).toBe('BEG01 (Transaction Set Purpose Code) is 1 characters long; the minimum is 2');
  });

  it('reports an AN element longer than its maximum', () => {
    const [d] = elementProblems({ beg: `BEG*00*SA*${'P'.repeat(23)}**20240115` });
    expect(elementFacts(d!)).toEqual(atBeg('5', 3, '324', 'P'.repeat(23)));
    expect(d?.message).toBe('BEG03 (Purchase Order Number) is 23 characters long; the maximum is 22');
    expect(facts({ beg: `BEG*00*SA*${'P'.repeat(22)}**20240115` })).toEqual([]);
  });

  it('reports a 10,000-character element once, its copy cut to the 99 characters AK404 holds', () => {
    const [d, ...rest] = elementProblems({ beg: `BEG*00*SA*${'P'.repeat(10_000)}**20240115` });
    expect(rest).toEqual([]);
    expect(elementFacts(d!)).toEqual(atBeg('5', 3, '324', 'P'.repeat(99)));
    expect(d?.message).toBe('BEG03 (Purchase Order Number) is 10000 characters long; the maximum is 22');
  });

  it('reports the version limits: REF02 is 30 characters in 004010 and 50 in 005010', () => {
    const ref = (n: number) => [`REF*DP*${'R'.repeat(n)}`];
    expect(facts({ extra: ref(31) }).map((d) => [d.code, d.elementPosition])).toEqual([['5', 2]]);
    expect(facts({ extra: ref(31) }, '005010')).toEqual([]);
    expect(facts({ extra: ref(51) }, '005010').map((d) => [d.code, d.elementPosition])).toEqual([['5', 2]]);
  });

  it('counts the digits of a number: N0 CTT01 of 7 digits is too long, a sign does not count', () => {
    const [d] = elementProblems({ ctt: 'CTT*1234567' });
    expect(d).toMatchObject({
      code: '5',
      segmentId: 'CTT',
      segmentPosition: 4,
      elementPosition: 1,
      value: '1234567',
      loopId: 'CTT',
    });
    expect(d?.message).toBe('CTT01 (Number of Line Items) is 7 characters long; the maximum is 6');
    expect(facts({ ctt: 'CTT*-123456' })).toEqual([]);
  });
});

describe('AK403 6: invalid character in a numeric element', () => {
  const po102 = (value: string) => facts({ po1: `PO1*1*${value}*EA*2.50**VP*SKU-1` });
  const po102Error = (code: string, value: string) => [
    {
      code,
      severity: 'error',
      segmentId: 'PO1',
      segmentPosition: 3,
      elementPosition: 2,
      componentPosition: undefined,
      elementRef: '330',
      value,
    },
  ];

  it('rejects letters and malformed decimals in an R element', () => {
    const [d] = elementProblems({ po1: 'PO1*1*1A*EA*2.50**VP*SKU-1' });
    expect(d?.message).toBe("PO102 (Quantity Ordered) '1A' is not a decimal number");
    for (const value of ['1A', '1.2.3', '1E', 'E5', '.', '-', '+1', '1,5', ' 1']) {
      expect(po102(value)).toEqual(po102Error('6', value));
    }
  });

  it('accepts an R element with a sign, a decimal point or an exponent', () => {
    for (const value of ['10', '-10', '2.5', '.5', '5.', '-.5', '1E3', '-2.5E-2', '25E0']) {
      expect(po102(value)).toEqual([]);
    }
  });

  it('does not count the sign and the decimal point toward the length of an R element', () => {
    expect(po102('-1234567890123.45')).toEqual([]);
    expect(po102('123456789012345E10')).toEqual([]);
    expect(po102('-12345678901234.56')).toEqual(po102Error('5', '-12345678901234.56'));
  });

  it('rejects a decimal point and letters in an N element', () => {
    const [d] = elementProblems({ ctt: 'CTT*1.0' });
    expect(d).toMatchObject({
      code: '6',
      segmentId: 'CTT',
      elementPosition: 1,
      elementRef: '354',
      value: '1.0',
    });
    expect(d?.message).toBe("CTT01 (Number of Line Items) '1.0' is not a whole number (implied decimals)");
    for (const value of ['A', '1E3', '-', '1-']) {
      expect(facts({ ctt: `CTT*${value}` }).map((p) => [p.code, p.value])).toEqual([['6', value]]);
    }
  });
});

describe('AK403 7: invalid code value', () => {
  it('reports an ID element whose value is not in its code list', () => {
    const [d] = elementProblems({ beg: 'BEG*Q9*SA*PO-1001**20240115' });
    expect(elementFacts(d!)).toEqual(atBeg('7', 1, '353', 'Q9'));
    expect(d?.message).toBe("BEG01 (Transaction Set Purpose Code) 'Q9' is not a valid code");
    expect(
      facts({ po1: 'PO1*1*10*Q9*2.50**VP*SKU-1' }).map((p) => [p.code, p.elementPosition, p.value]),
    ).toEqual([['7', 3, 'Q9']]);
  });

  it('accepts any value of the right length where the dictionary holds no code list (PID01 in 004010 only)', () => {
    const pid = (value: string) => [`PO1*1*10*EA*2.50**VP*SKU-1`, `PID*${value}****WIDGET`];
    expect(problemsOf([BEG, ...pid('Q'), CTT])).toEqual([]);
    expect(problemsOf([BEG, ...pid('Q'), CTT], { gs08: '005010' }).map(elementFacts)).toEqual([
      {
        code: '7',
        severity: 'error',
        segmentId: 'PID',
        segmentPosition: 4,
        elementPosition: 1,
        componentPosition: undefined,
        elementRef: '349',
        value: 'Q',
      },
    ]);
  });
});
