import { describe, expect, it } from 'vitest';
import {
  iterations,
  nonEmpty,
  segmentsWithin,
  starts,
} from '../../../src/mapping/x12-to-canonical/readers/loop-navigation.js';
import type { LoopInstance, Segment } from '../../../src/x12/index.js';
import { textSets, envelope } from './fixture-sets.js';

/** The segments of a small 810 line, to arrange into loops by hand. */
function segments(): Segment[] {
  const set = textSets(
    envelope('810', ['IT1*1*2*EA*3', 'PID*F****CORD', 'SAC*C*G830***300', 'TXI*ST*1.5', 'TXI*FD*0.5'], 'IN'),
  )[0];
  return set?.segments.slice(1, -1) ?? [];
}

describe('loop navigation', () => {
  const [it1, pid, sac, txiInLoop, txiBeside] = segments() as [Segment, Segment, Segment, Segment, Segment];

  it('finds an iteration whether the spec made it a loop or a lone segment', () => {
    const asLoops: LoopInstance = {
      loopId: 'IT1',
      items: [it1, { loopId: 'PID', items: [pid] }, { loopId: 'SAC', items: [sac, txiInLoop] }, txiBeside],
    };
    const asSegments: LoopInstance = { loopId: 'IT1', items: [it1, pid, sac, txiInLoop, txiBeside] };
    for (const loop of [asLoops, asSegments]) {
      expect(starts(loop, 'PID')).toEqual([pid]);
      expect(starts(loop, 'SAC')).toEqual([sac]);
      expect(iterations(loop, 'SAC')).toHaveLength(1);
      expect(segmentsWithin(loop, 'TXI', ['SAC'])).toEqual([txiInLoop, txiBeside]);
    }
  });

  it('recognises a loop by its first segment, whatever the spec named it', () => {
    const loop: LoopInstance = {
      loopId: 'IT1',
      items: [it1, { loopId: 'SAC/TXI', items: [sac, txiInLoop] }],
    };
    expect(starts(loop, 'SAC')).toEqual([sac]);
  });

  it('turns an empty list into undefined', () => {
    expect(nonEmpty([])).toBeUndefined();
    expect(nonEmpty([1])).toEqual([1]);
  });
});
