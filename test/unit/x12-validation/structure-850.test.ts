import { describe, expect, it } from 'vitest';
import { GOOD_PO, problemsOf, segmentFacts } from './interchange.js';

const BEG = 'BEG*00*SA*PO-1001**20240115';
const PO1 = 'PO1*1*10*EA*2.50**VP*SKU-1';
const CTT = 'CTT*1';

/** Segment-level facts of the set's problems; ST is position 1 and line 3, so position p is line p + 2. */
const facts = (body: string[], gs08 = '004010') => problemsOf(body, { gs08 }).map(segmentFacts);

describe('850 structure (AK3 segment errors)', () => {
  it('finds nothing wrong in a good purchase order of either version', () => {
    expect(problemsOf(GOOD_PO)).toEqual([]);
    expect(problemsOf(GOOD_PO, { gs08: '005010' })).toEqual([]);
  });

  it('1: an unknown segment id', () => {
    const [d, ...rest] = problemsOf([BEG, 'ZZZ*1', PO1, CTT]);
    expect(rest).toEqual([]);
    expect(segmentFacts(d!)).toEqual({
      level: 'segment',
      code: '1',
      segmentId: 'ZZZ',
      segmentPosition: 3,
      loopId: undefined,
      line: 5,
    });
    expect(d?.message).toBe("'ZZZ' is not an X12 segment id of version 004010");
  });

  it('2: a segment of the set that belongs in a loop not open here (N2 outside an N1 loop)', () => {
    expect(facts([BEG, 'N2*NAME', PO1, CTT])).toEqual([
      { level: 'segment', code: '2', segmentId: 'N2', segmentPosition: 3, loopId: undefined, line: 5 },
    ]);
  });

  it('3: BEG missing at the root is reported at the segment found in its place', () => {
    const [d, ...rest] = problemsOf([PO1, CTT]);
    expect(rest).toEqual([]);
    expect(segmentFacts(d!)).toEqual({
      level: 'segment',
      code: '3',
      segmentId: 'BEG',
      segmentPosition: 2,
      loopId: undefined,
      line: 4,
    });
    expect(d?.message).toBe('mandatory segment BEG is missing before PO1 at position 2');
  });

  it('3: a mandatory segment missing in a loop iteration (LM without LQ)', () => {
    expect(facts([BEG, 'LM*AA', PO1, CTT])).toEqual([
      { level: 'segment', code: '3', segmentId: 'LQ', segmentPosition: 4, loopId: 'LM', line: 6 },
    ]);
    expect(facts([BEG, 'LM*AA', 'LQ*0*X', PO1, CTT])).toEqual([]);
  });

  it('3: the mandatory PO1 loop missing', () => {
    const [d] = problemsOf([BEG, CTT]);
    expect(segmentFacts(d!)).toEqual({
      level: 'segment',
      code: '3',
      segmentId: 'PO1',
      segmentPosition: 3,
      loopId: undefined,
      line: 5,
    });
    expect(d?.message).toBe('mandatory loop PO1 (starting with PO1) is missing before CTT at position 3');
    expect(facts([BEG], '005010')).toEqual([
      { level: 'segment', code: '3', segmentId: 'PO1', segmentPosition: 3, loopId: undefined, line: 5 },
    ]);
  });

  it('3: a mandatory segment still missing when SE ends the set (LS loop without LE)', () => {
    const [d, ...rest] = problemsOf([BEG, PO1, 'LS*1']);
    expect(rest).toEqual([]);
    expect(segmentFacts(d!)).toEqual({
      level: 'segment',
      code: '3',
      segmentId: 'LE',
      segmentPosition: 5,
      loopId: 'LS',
      line: 7,
    });
    expect(d?.message).toBe('mandatory segment LE is missing in loop LS before SE at position 5');
    expect(facts([BEG, PO1, 'LS*1', 'LE*1', CTT])).toEqual([]);
  });

  it('4: the CTT loop twice', () => {
    const [d] = problemsOf([BEG, PO1, CTT, CTT]);
    expect(segmentFacts(d!)).toEqual({
      level: 'segment',
      code: '4',
      segmentId: 'CTT',
      segmentPosition: 5,
      loopId: undefined,
      line: 7,
    });
    expect(d?.message).toBe('loop CTT occurs 2 times; at most 1 allowed here');
  });

  it('5: BEG twice, and an eleventh DTM in the heading', () => {
    expect(facts([BEG, BEG, PO1, CTT])).toEqual([
      { level: 'segment', code: '5', segmentId: 'BEG', segmentPosition: 3, loopId: undefined, line: 5 },
    ]);
    const dtm = Array.from({ length: 11 }, () => 'DTM*002*20240115');
    expect(facts([BEG, ...dtm, PO1, CTT])).toEqual([
      { level: 'segment', code: '5', segmentId: 'DTM', segmentPosition: 13, loopId: undefined, line: 15 },
    ]);
  });

  it('6: BAL, a segment of the version that the 850 does not use', () => {
    const [d] = problemsOf([BEG, PO1, 'BAL*Y*AA*1', CTT]);
    expect(segmentFacts(d!)).toEqual({
      level: 'segment',
      code: '6',
      segmentId: 'BAL',
      segmentPosition: 4,
      loopId: 'PO1',
      line: 6,
    });
    expect(d?.message).toBe('segment BAL is not part of transaction set 850');
    expect(facts([BEG, 'BAL*Y*AA*1', PO1, CTT], '005010')).toEqual([
      { level: 'segment', code: '6', segmentId: 'BAL', segmentPosition: 3, loopId: undefined, line: 5 },
    ]);
  });

  it('7: BEG, or the heading ADV loop, after the detail started', () => {
    expect(facts([BEG, PO1, BEG, CTT])).toEqual([
      { level: 'segment', code: '7', segmentId: 'BEG', segmentPosition: 4, loopId: 'PO1', line: 6 },
    ]);
    const [d] = problemsOf([BEG, PO1, 'ADV*AA*1', CTT]);
    expect(segmentFacts(d!)).toEqual({
      level: 'segment',
      code: '7',
      segmentId: 'ADV',
      segmentPosition: 4,
      loopId: 'PO1',
      line: 6,
    });
    expect(d?.message).toBe('segment ADV is out of sequence: it belongs before the segments already read');
  });

  it('7: PID after PO4 in the same PO1 iteration', () => {
    expect(facts([BEG, PO1, 'PO4*1', 'PID*F****WIDGET', CTT])).toEqual([
      { level: 'segment', code: '7', segmentId: 'PID', segmentPosition: 5, loopId: 'PO1', line: 7 },
    ]);
    expect(facts([BEG, PO1, 'PID*F****WIDGET', 'PO4*1', CTT])).toEqual([]);
  });

  it('reports one structure problem per bad segment and goes on with the rest', () => {
    expect(facts([BEG, 'ZZZ', BEG, PO1, 'BAL*Y*AA*1', 'LM*AA', CTT, CTT])).toEqual([
      { level: 'segment', code: '1', segmentId: 'ZZZ', segmentPosition: 3, loopId: undefined, line: 5 },
      { level: 'segment', code: '5', segmentId: 'BEG', segmentPosition: 4, loopId: undefined, line: 6 },
      { level: 'segment', code: '6', segmentId: 'BAL', segmentPosition: 6, loopId: 'PO1', line: 8 },
      { level: 'segment', code: '3', segmentId: 'LQ', segmentPosition: 8, loopId: 'LM', line: 10 },
      { level: 'segment', code: '4', segmentId: 'CTT', segmentPosition: 9, loopId: undefined, line: 11 },
    ]);
  });
});
