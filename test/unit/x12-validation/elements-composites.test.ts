import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../../src/x12/envelope.js';
import { problemsOf } from './interchange.js';

const BEG = 'BEG*00*SA*PO-1001**20240115';
const PO1 = 'PO1*1*10*EA*2.50**VP*SKU-1';
const CTT = 'CTT*1';

const po = (segments: string[], gs08 = '004010') => problemsOf([BEG, ...segments, PO1, CTT], { gs08 });
const detail = (segments: string[], gs08 = '004010') => problemsOf([BEG, PO1, ...segments, CTT], { gs08 });
/** [code, element, component, reference] of each problem. */
const where = (problems: ReturnType<typeof po>) =>
  problems.map((d) => [d.code, d.elementPosition, d.componentPosition, d.elementRef]);

describe('composite C040 in REF04 (005010)', () => {
  it('accepts a complete reference identifier', () => {
    expect(po(['REF*PO*123**VN>A1>ZZ>B2'], '005010')).toEqual([]);
  });

  it('reports a mandatory component missing at the composite position with its component position', () => {
    const [d, ...rest] = po(['REF*PO*123**VN'], '005010');
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'element', code: '1', segmentId: 'REF', segmentPosition: 3, line: 5 });
    expect(d).toMatchObject({ elementPosition: 4, componentPosition: 2, elementRef: '127' });
    expect(d?.message).toBe('mandatory component REF04-2 is missing');
    expect(where(po(['REF*PO*123**>A1'], '005010'))).toEqual([['1', 4, 1, '128']]);
  });

  it('checks each component against its element: a qualifier too long', () => {
    expect(where(po(['REF*PO*123**VNXX>A1'], '005010'))).toEqual([['5', 4, 1, '128']]);
  });

  it("applies the composite's own syntax notes (P0304) to component positions", () => {
    const [d] = po(['REF*PO*123**VN>A1>ZZ'], '005010');
    expect(where([d!])).toEqual([['2', 4, 4, '127']]);
    expect(d?.message).toBe(
      'REF04-4: required because its pair is present (syntax note P0304: 03, 04 go together)',
    );
  });

  it('reports more components than C040 defines as AK403 13, with the composite id', () => {
    const value = 'VN>1>ZZ>2>YY>3>XX';
    const [d, ...rest] = po([`REF*PO*123**${value}`], '005010');
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: '13', elementPosition: 4, elementRef: 'C040', value });
    expect(d?.componentPosition).toBeUndefined();
    expect(d?.message).toBe('composite REF04 has 7 components; C040 defines 6');
  });
});

describe('composite C001 (unit of measure) in SLN05 and MEA04', () => {
  it('reports C001-1 missing in SLN05, in the SLN loop of PO1', () => {
    const [d, ...rest] = detail(['SLN*1**I*5*>1']);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: '1', segmentId: 'SLN', segmentPosition: 4, elementPosition: 5 });
    expect(d).toMatchObject({ componentPosition: 1, elementRef: '355', loopId: 'SLN', line: 6 });
    expect(d?.message).toBe('mandatory component SLN05-1 is missing');
  });

  it('checks component values: an invalid unit code, a letter in the R exponent', () => {
    expect(where(detail(['SLN*1**I*5*Q9']))).toEqual([['7', 5, 1, '355']]);
    const [d] = detail(['SLN*1**I*5*EA>X']);
    expect(d).toMatchObject({
      code: '6',
      elementPosition: 5,
      componentPosition: 2,
      elementRef: '1018',
      value: 'X',
    });
    expect(where(detail(['MEA**WT*10*Q9']))).toEqual([['7', 4, 1, '355']]);
  });

  it('applies the 005010 C001 notes (C0504), which 004010 does not have', () => {
    expect(where(detail(['SLN*1**I*5*EA>>>>1'], '005010'))).toEqual([['2', 5, 4, '355']]);
    expect(detail(['SLN*1**I*5*EA>>>>1'])).toEqual([]);
  });
});

describe('component separator in a simple element (AK403 13)', () => {
  it('reports the element and copies its value', () => {
    const problems = problemsOf([BEG, 'PO1*1*10*EA*2.50**VP*SKU>1', CTT]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: '13',
      segmentId: 'PO1',
      elementPosition: 7,
      elementRef: '234',
    });
    expect(problems[0]).toMatchObject({ value: 'SKU>1', loopId: 'PO1', severity: 'error' });
    expect(problems[0]?.message).toBe(
      "element PO107 is not a composite but holds the component separator '>'",
    );
  });
});

describe('repetition separator', () => {
  it('warns, without rejecting, when a non-repeating 005010 element holds it, and reads it as data', () => {
    const problems = po(['N1*ST*SHIP TO', 'N3*12^34 MAIN ST'], '005010');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ level: 'element', severity: 'warning', code: '6', segmentId: 'N3' });
    expect(problems[0]).toMatchObject({
      segmentPosition: 4,
      elementPosition: 1,
      elementRef: '166',
      value: '12^34 MAIN ST',
    });
    expect(problems[0]?.message).toBe(
      "element N301 does not repeat but holds the repetition separator '^'; read as data",
    );
    expect(hasErrors(problems)).toBe(false);
  });

  it('still checks the whole value read as data: N101 "ST^BT" is too long', () => {
    const problems = po(['N1*ST^BT*SHIP TO'], '005010');
    expect(problems.map((d) => [d.severity, d.code, d.elementPosition, d.value])).toEqual([
      ['warning', '6', 1, 'ST^BT'],
      ['error', '5', 1, 'ST^BT'],
    ]);
  });

  it('is no separator in a 004010 interchange, where ISA11 is the standards id U', () => {
    expect(po(['N1*ST*SHIP TO', 'N3*12^34 MAIN ST'])).toEqual([]);
  });
});

describe('repeating element CTX01 of the 999 (up to 10 repetitions)', () => {
  const ack = (ctx: string) =>
    problemsOf(
      [
        'AK1*PO*1*005010X220A1',
        'AK2*850*0001',
        'IK3*N1*3**8',
        `CTX*${ctx}`,
        'IK4*4*67*2',
        'IK5*R*5',
        'AK9*R*1*1*0',
      ],
      { setId: '999', gs08: '005010X231A1' },
    );
  const reps = (n: number) => Array.from({ length: n }, (_, i) => `TRIGGER ${i + 1}>REF`).join('^');

  it('accepts ten repetitions', () => {
    expect(ack(reps(10))).toEqual([]);
  });

  it('reports eleven as too many repetitions (AK403 12)', () => {
    const [d, ...rest] = ack(reps(11));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      code: '12',
      segmentId: 'CTX',
      segmentPosition: 5,
      elementPosition: 1,
      elementRef: 'C998',
    });
    expect(d).toMatchObject({ loopId: 'IK3', line: 7, value: reps(11).slice(0, 99) });
    expect(d?.message).toBe('element CTX01 repeats 11 times; at most 10');
  });

  it('says which repetition lacks a mandatory component (AK401-3)', () => {
    const [d, ...rest] = ack('SITUATIONAL TRIGGER>X^>Y');
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: '1', elementPosition: 1, componentPosition: 1, elementRef: '9999' });
    expect(d?.repetitionPosition).toBe(2);
  });
});
