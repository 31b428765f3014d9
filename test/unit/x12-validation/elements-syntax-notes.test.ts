import { describe, expect, it } from 'vitest';
import { problemsOf } from './interchange.js';

const BEG = 'BEG*00*SA*PO-1001**20240115';
const PO1 = 'PO1*1*10*EA*2.50**VP*SKU-1';
const CTT = 'CTT*1';

/** Problems of an 850 with `segments` in its heading. */
const heading = (segments: string[], gs08 = '004010') => problemsOf([BEG, ...segments, PO1, CTT], { gs08 });

describe('AK403 2 and 10 from the syntax notes of real segments', () => {
  it('P (paired): N103 without N104, with the trigger the 999 puts in CTX', () => {
    const [d, ...rest] = heading(['N1*ST*SHIP TO*92']);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      level: 'element',
      code: '2',
      segmentId: 'N1',
      segmentPosition: 3,
      elementPosition: 4,
    });
    expect(d).toMatchObject({ elementRef: '67', loopId: 'N1', line: 5 });
    expect(d?.value).toBeUndefined();
    expect(d?.trigger).toEqual({ segmentId: 'N1', segmentPosition: 3, elementPosition: 3, loopId: 'N1' });
    expect(d?.message).toBe(
      'N104: required because its pair is present (syntax note P0304: 03, 04 go together)',
    );
    const reverse = heading(['N1*ST*SHIP TO**1234567']);
    expect(reverse.map((p) => [p.code, p.elementPosition, p.trigger?.elementPosition])).toEqual([
      ['2', 3, 4],
    ]);
  });

  it('P: each PER pair on its own, the trigger outside any loop carrying no loop id', () => {
    const [d, ...rest] = heading(['PER*IC*JANE**5551234']);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      code: '2',
      segmentId: 'PER',
      segmentPosition: 3,
      elementPosition: 3,
      elementRef: '365',
    });
    expect(d?.trigger).toEqual({ segmentId: 'PER', segmentPosition: 3, elementPosition: 4 });
    expect(heading(['PER*IC*JANE*TE*5551234'])).toEqual([]);
  });

  it('R (at least one): N1 with neither N102 nor N103 is reported at the first, without a trigger', () => {
    const [d, ...rest] = heading(['N1*ST']);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      code: '2',
      segmentId: 'N1',
      elementPosition: 2,
      elementRef: '93',
      loopId: 'N1',
    });
    expect(d?.trigger).toBeUndefined();
    expect(d?.message).toBe('N102: at least one of elements 02, 03 is required (syntax note R0203)');
    expect(heading(['N1*ST**92*1234567'])).toEqual([]);
  });

  it('C (conditional): DTM04 present requires DTM03; the trigger is DTM04', () => {
    const [d, ...rest] = heading(['DTM*002*20240115**ES']);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      code: '2',
      segmentId: 'DTM',
      segmentPosition: 3,
      elementPosition: 3,
      elementRef: '337',
    });
    expect(d?.trigger).toEqual({ segmentId: 'DTM', segmentPosition: 3, elementPosition: 4 });
    expect(d?.message).toBe('DTM03: required because element 04 is present (syntax note C0403)');
    expect(heading(['DTM*002*20240115*1200'])).toEqual([]);
  });

  it('L (list conditional): ITD03 present requires one of ITD04, ITD05, ITD13', () => {
    const [d, ...rest] = heading(['ITD*01*3*2']);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: '2', segmentId: 'ITD', elementPosition: 4, elementRef: '370' });
    expect(d?.trigger).toEqual({ segmentId: 'ITD', segmentPosition: 3, elementPosition: 3 });
    expect(d?.message).toBe(
      'ITD04: one of elements 04, 05, 13 is required because element 03 is present (syntax note L03040513)',
    );
    expect(heading(['ITD*01*3*2**10'])).toEqual([]);
  });

  it('E (exclusion, AK403 10): 005010 N402 and N407 together, reported at the second', () => {
    const [d, ...rest] = heading(['N1*ST*SHIP TO', 'N4*AUSTIN*TX*78701*US***TX1'], '005010');
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      code: '10',
      segmentId: 'N4',
      segmentPosition: 4,
      elementPosition: 7,
      elementRef: '1715',
    });
    expect(d).toMatchObject({ loopId: 'N1', line: 6 });
    expect(d?.trigger).toBeUndefined();
    expect(d?.message).toBe('N407: only one of elements 02, 07 may be present (syntax note E0207)');
    expect(heading(['N1*ST*SHIP TO', 'N4*AUSTIN*TX*78701*US'], '005010')).toEqual([]);
  });

  it('reports every broken note of one segment', () => {
    const problems = heading(['DTM*002***ES']);
    expect(problems.map((p) => [p.code, p.elementPosition, p.trigger?.elementPosition])).toEqual([
      ['2', 2, undefined],
      ['2', 3, 4],
    ]);
  });
});

describe('notes over more than two elements (PAM in the 850 heading)', () => {
  const pam = (text: string) =>
    heading([text]).map((p) => [p.code, p.elementPosition, p.trigger?.elementPosition]);

  it('P010203: every missing member of the group, each triggered by the first one present', () => {
    expect(pam('PAM**5')).toEqual([
      ['2', 1, 2],
      ['2', 3, 2],
    ]);
    expect(pam('PAM*01*5*EA')).toEqual([]);
  });

  it('L070809: one problem, at the second position, when the first is present alone', () => {
    expect(pam('PAM*01*5*EA***AA*002')).toEqual([['2', 8, 7]]);
    expect(pam('PAM*01*5*EA***AA*002**1200')).toEqual([]);
  });
});
