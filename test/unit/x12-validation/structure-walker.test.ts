import { describe, expect, it } from 'vitest';
import { ORDER, ak3, loop, seg, setSpec, walk, dictionaryOf, shapeOf } from './hand-made-spec.js';

const OK_TAIL = ['LIN', 'TOT', 'SE'];

describe('structure walker on a hand-made set', () => {
  it('accepts a set that uses every node within its limits', () => {
    const ids = ['ST', 'AAA', 'BBB', 'BBB', 'N1', 'N3', 'N4', 'N1', 'N3', 'LIN', 'QTY', 'SUB', 'NTE', 'NTE'];
    expect(walk(ORDER, [...ids, 'MSG', 'LIN', 'CCC', 'TOT', 'SE']).diagnostics).toEqual([]);
  });

  it('reports an id that is no segment of the version as AK304 1', () => {
    const { diagnostics } = walk(ORDER, ['ST', 'AAA', 'QQQ', ...OK_TAIL]);
    expect(diagnostics.map(ak3)).toEqual([{ code: '1', segmentId: 'QQQ', position: 3, line: 30 }]);
    expect(diagnostics[0]?.message).toBe("'QQQ' is not an X12 segment id of version TEST");
    expect(walk(ORDER, ['ST', 'AAA', '1AB', ...OK_TAIL]).diagnostics.map(ak3)).toEqual([
      { code: '1', segmentId: '1AB', position: 3, line: 30 },
    ]);
  });

  it('reports an unknown id inside a loop with that loop, and keeps expecting what the loop lacks', () => {
    const { diagnostics } = walk(ORDER, ['ST', 'AAA', 'N1', 'QQQ', 'N3', ...OK_TAIL]);
    expect(diagnostics.map(ak3)).toEqual([
      { code: '1', segmentId: 'QQQ', position: 4, loopId: 'N1', line: 40 },
    ]);
  });

  it('reports a segment of another loop that cannot be reached from here as AK304 2', () => {
    const root = walk(ORDER, ['ST', 'AAA', 'N3', ...OK_TAIL]).diagnostics;
    expect(root.map(ak3)).toEqual([{ code: '2', segmentId: 'N3', position: 3, line: 30 }]);
    expect(root[0]?.message).toContain('segment N3 is not expected here');
    const inLoop = walk(ORDER, ['ST', 'AAA', 'N1', 'N3', 'SUB', ...OK_TAIL]).diagnostics;
    expect(inLoop.map(ak3)).toEqual([{ code: '2', segmentId: 'SUB', position: 5, loopId: 'N1', line: 50 }]);
  });

  it('reports a mandatory heading segment missing at the position of the segment found instead', () => {
    const { diagnostics } = walk(ORDER, ['ST', 'BBB', ...OK_TAIL]);
    expect(diagnostics.map(ak3)).toEqual([{ code: '3', segmentId: 'AAA', position: 2, line: 20 }]);
    expect(diagnostics[0]?.message).toBe('mandatory segment AAA is missing before BBB at position 2');
  });

  it('reports a mandatory segment missing inside a loop iteration, with the loop', () => {
    const skipped = walk(ORDER, ['ST', 'AAA', 'N1', 'N4', ...OK_TAIL]).diagnostics;
    expect(skipped.map(ak3)).toEqual([{ code: '3', segmentId: 'N3', position: 4, loopId: 'N1', line: 40 }]);
    expect(skipped[0]?.message).toBe('mandatory segment N3 is missing in loop N1 before N4 at position 4');
    // The first iteration closes without its N3 when the next N1 starts the second one.
    const nextIteration = walk(ORDER, ['ST', 'AAA', 'N1', 'N1', 'N3', ...OK_TAIL]).diagnostics;
    expect(nextIteration.map(ak3)).toEqual([
      { code: '3', segmentId: 'N3', position: 4, loopId: 'N1', line: 40 },
    ]);
    const leaving = walk(ORDER, ['ST', 'AAA', 'N1', ...OK_TAIL]).diagnostics;
    expect(leaving.map(ak3)).toEqual([{ code: '3', segmentId: 'N3', position: 4, loopId: 'N1', line: 40 }]);
  });

  it('reports a mandatory loop missing by the id of its first segment', () => {
    const { diagnostics } = walk(ORDER, ['ST', 'AAA', 'CCC', 'TOT', 'SE']);
    expect(diagnostics.map(ak3)).toEqual([{ code: '3', segmentId: 'LIN', position: 3, line: 30 }]);
    expect(diagnostics[0]?.message).toBe(
      'mandatory loop LIN (starting with LIN) is missing before CCC at position 3',
    );
  });

  it('reports a mandatory loop missing at the end of the set, before SE', () => {
    const { diagnostics } = walk(ORDER, ['ST', 'AAA', 'LIN', 'SE']);
    expect(diagnostics.map(ak3)).toEqual([{ code: '3', segmentId: 'TOT', position: 4, line: 40 }]);
  });

  it('reports what is missing at the end of a set cut off before SE, but not SE itself', () => {
    const { diagnostics } = walk(ORDER, ['ST', 'AAA', 'LIN']);
    expect(diagnostics.map((d) => [d.code, d.segmentId])).toEqual([['3', 'TOT']]);
    expect(diagnostics[0]?.message).toBe(
      'mandatory loop TOT (starting with TOT) is missing (the set ends after LIN at position 3)',
    );
  });

  it('reports a loop over its maximum at the segment starting the extra iteration (AK304 4)', () => {
    const n1 = ['N1', 'N3'];
    const { diagnostics } = walk(ORDER, ['ST', 'AAA', ...n1, ...n1, ...n1, ...OK_TAIL]);
    expect(diagnostics.map(ak3)).toEqual([{ code: '4', segmentId: 'N1', position: 7, line: 70 }]);
    expect(diagnostics[0]?.message).toBe('loop N1 occurs 3 times; at most 2 allowed here');
    const nested = walk(ORDER, ['ST', 'AAA', 'LIN', 'SUB', 'SUB', 'TOT', 'SE']).diagnostics;
    expect(nested.map(ak3)).toEqual([{ code: '4', segmentId: 'SUB', position: 5, loopId: 'LIN', line: 50 }]);
  });

  it('reports a segment over its maximum use (AK304 5), at the root and in a loop', () => {
    const root = walk(ORDER, ['ST', 'AAA', 'BBB', 'BBB', 'BBB', ...OK_TAIL]).diagnostics;
    expect(root.map(ak3)).toEqual([{ code: '5', segmentId: 'BBB', position: 5, line: 50 }]);
    expect(root[0]?.message).toBe('segment BBB is used 3 times; at most 2 allowed here');
    const inLoop = walk(ORDER, ['ST', 'AAA', 'LIN', 'QTY', 'QTY', 'TOT', 'SE']).diagnostics;
    expect(inLoop.map(ak3)).toEqual([{ code: '5', segmentId: 'QTY', position: 5, loopId: 'LIN', line: 50 }]);
    const nested = walk(ORDER, ['ST', 'AAA', 'LIN', 'SUB', 'NTE', 'NTE', 'NTE', 'TOT', 'SE']).diagnostics;
    expect(nested.map(ak3)).toEqual([{ code: '5', segmentId: 'NTE', position: 7, loopId: 'SUB', line: 70 }]);
  });

  it('counts uses per loop iteration: each iteration may use a segment and a nested loop up to the maximum', () => {
    const lin = ['LIN', 'QTY', 'SUB', 'NTE', 'NTE'];
    const ids = ['ST', 'AAA', 'N1', 'N3', 'N4', 'N1', 'N3', 'N4', ...lin, ...lin, ...lin, 'TOT', 'SE'];
    expect(walk(ORDER, ids).diagnostics).toEqual([]);
  });

  it('reports a segment of the version that the set does not use as AK304 6', () => {
    const { diagnostics } = walk(ORDER, ['ST', 'AAA', 'LIN', 'XXX', 'TOT', 'SE']);
    expect(diagnostics.map(ak3)).toEqual([
      { code: '6', segmentId: 'XXX', position: 4, loopId: 'LIN', line: 40 },
    ]);
    expect(diagnostics[0]?.message).toBe('segment XXX is not part of transaction set 999');
  });

  it('reports a heading segment or loop after the detail started as out of sequence (AK304 7)', () => {
    const again = walk(ORDER, ['ST', 'AAA', 'LIN', 'AAA', 'TOT', 'SE']).diagnostics;
    expect(again.map(ak3)).toEqual([{ code: '7', segmentId: 'AAA', position: 4, loopId: 'LIN', line: 40 }]);
    const never = walk(ORDER, ['ST', 'AAA', 'LIN', 'BBB', 'TOT', 'SE']).diagnostics;
    expect(never.map(ak3)).toEqual([{ code: '7', segmentId: 'BBB', position: 4, loopId: 'LIN', line: 40 }]);
    const headingLoop = walk(ORDER, ['ST', 'AAA', 'LIN', 'N1', 'TOT', 'SE']).diagnostics;
    expect(headingLoop.map(ak3)).toEqual([
      { code: '7', segmentId: 'N1', position: 4, loopId: 'LIN', line: 40 },
    ]);
  });

  it('reports a segment that goes back inside its own loop iteration as out of sequence', () => {
    const { diagnostics } = walk(ORDER, ['ST', 'AAA', 'LIN', 'MSG', 'QTY', 'TOT', 'SE']);
    expect(diagnostics.map(ak3)).toEqual([
      { code: '7', segmentId: 'QTY', position: 5, loopId: 'LIN', line: 50 },
    ]);
  });
});

describe('a segment id at two places of one level', () => {
  const spec = setSpec([
    seg('ST', 'M', 1),
    seg('REF', 'O', 1),
    seg('DTM', 'O', 1),
    seg('REF', 'O', 1),
    seg('SE', 'M', 1),
  ]);
  const dictionary = dictionaryOf(['ST', 'SE', 'REF', 'DTM']);

  it('places the second REF at the later place when the optional segment between is absent', () => {
    const { diagnostics, root } = walk(spec, ['ST', 'REF', 'REF', 'SE'], dictionary);
    expect(diagnostics).toEqual([]);
    expect(shapeOf(root)).toEqual(['ST', 'REF', 'REF', 'SE']);
  });

  it('places it there when the segment between is present, and reports a third REF as over its maximum', () => {
    expect(walk(spec, ['ST', 'REF', 'DTM', 'REF', 'SE'], dictionary).diagnostics).toEqual([]);
    const third = walk(spec, ['ST', 'REF', 'DTM', 'REF', 'REF', 'SE'], dictionary).diagnostics;
    expect(third.map(ak3)).toEqual([{ code: '5', segmentId: 'REF', position: 5, line: 50 }]);
  });

  it('rejects a loop that does not start with a segment', () => {
    expect(() =>
      walk(
        setSpec([seg('ST', 'M', 1), loop('X', 'O', 1, [loop('Y', 'M', 1, [seg('REF', 'M', 1)])])]),
        ['ST'],
        dictionary,
      ),
    ).toThrow('loop X must start with a segment');
  });
});
