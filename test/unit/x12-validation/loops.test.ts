import { describe, expect, it } from 'vitest';
import { allSegments, firstSegment, loopsOf, segmentsOf, type LoopInstance } from '../../../src/x12/loops.js';
import { ORDER, shapeOf, walk } from './hand-made-spec.js';
import { problemsOf, readOne, segmentFacts, setText, type SetTextOptions } from './interchange.js';

const BEG = 'BEG*00*SA*PO-1001**20240115';
const PO1 = 'PO1*1*10*EA*2.50**VP*SKU-1';

/** Reads a set that must validate cleanly and returns its loop tree. */
function treeOf(body: string[], o: SetTextOptions = {}): LoopInstance {
  const { set } = readOne(setText(body, o));
  expect(set.diagnostics).toEqual([]);
  expect(set.loops).toBeDefined();
  // Every segment of the set is in the tree once, in file order.
  expect(allSegments(set.loops!)).toEqual(set.segments);
  return set.loops!;
}

describe('loop tree of an 850', () => {
  it('nests PID and N1 loops in their PO1 iteration, and the N1 heading loop at the root', () => {
    const tree = treeOf([
      BEG,
      'N1*ST*SHIP TO',
      'N3*1 MAIN ST',
      'N1*BT*BILL TO',
      PO1,
      'PID*F****BLUE WIDGET',
      'PO4*12',
      'N1*ST*STORE 9',
      'PO1*2*5*EA*1.00**VP*SKU-2',
      'PID*F****RED',
      'PID*F****LARGE',
      'CTT*2',
    ]);
    expect(tree.loopId).toBe('ST');
    expect(shapeOf(tree)).toEqual([
      'ST',
      'BEG',
      { N1: ['N1', 'N3'] },
      { N1: ['N1'] },
      { PO1: ['PO1', { PID: ['PID'] }, 'PO4', { N1: ['N1'] }] },
      { PO1: ['PO1', { PID: ['PID'] }, { PID: ['PID'] }] },
      { CTT: ['CTT'] },
      'SE',
    ]);
  });

  it('keeps a segment that is both in PO1 and in its PID loop where it was found', () => {
    const tree = treeOf([BEG, PO1, 'MEA**WT*10*LB', 'PID*F****WIDGET', 'MEA**HT*2*IN', 'PO4*12', 'CTT*1']);
    const [line] = loopsOf(tree, 'PO1');
    expect(shapeOf(line!)).toEqual(['PO1', 'MEA', { PID: ['PID', 'MEA'] }, 'PO4']);
    expect(segmentsOf(line!, 'MEA').map((s) => s.value(2))).toEqual(['WT']);
    expect(firstSegment(loopsOf(line!, 'PID')[0]!, 'MEA')?.value(2)).toBe('HT');
  });

  it('gives the loop id of the iteration to an element problem found in it', () => {
    const [d] = problemsOf([BEG, PO1, 'PID*FF****WIDGET', 'CTT*1']);
    expect(d).toMatchObject({
      level: 'element',
      segmentId: 'PID',
      segmentPosition: 4,
      loopId: 'PID',
      elementPosition: 1,
      code: '5',
    });
  });

  it('keeps a segment that fits nowhere in the iteration it was found in', () => {
    const { set } = readOne(setText([BEG, PO1, 'ZZZ*1', 'CTT*1']));
    expect(set.diagnostics.map(segmentFacts)).toEqual([
      { level: 'segment', code: '1', segmentId: 'ZZZ', segmentPosition: 4, loopId: 'PO1', line: 6 },
    ]);
    expect(shapeOf(set.loops!)).toEqual(['ST', 'BEG', { PO1: ['PO1', 'ZZZ'] }, { CTT: ['CTT'] }, 'SE']);
  });
});

describe('HL loops of an 856', () => {
  const shipment = ['BSN*00*SHIP-1*20240115*1200', 'HL*1**S', 'TD5*B*2*UPSN'];
  const orderAndItem = ['HL*2*1*O', 'PRF*PO-1001', 'HL*3*2*I', 'LIN**VP*SKU-1', 'SN1**10*EA', 'CTT*3'];

  it('makes every HL a new iteration of the one HL loop: levels are siblings in the tree', () => {
    const tree = treeOf([...shipment, ...orderAndItem], { setId: '856' });
    expect(shapeOf(tree)).toEqual([
      'ST',
      'BSN',
      { HL: ['HL', 'TD5'] },
      { HL: ['HL', 'PRF'] },
      { HL: ['HL', 'LIN', 'SN1'] },
      'CTT',
      'SE',
    ]);
    expect(loopsOf(tree, 'HL').map((hl) => firstSegment(hl, 'HL')?.value(3))).toEqual(['S', 'O', 'I']);
  });

  it('leaves the 005010 TD3 loop for TD4, a segment of the enclosing HL iteration', () => {
    const tree = treeOf([...shipment, 'TD3*TL', 'AT9', 'TD4*HM', ...orderAndItem], {
      setId: '856',
      gs08: '005010',
    });
    expect(shapeOf(tree)[2]).toEqual({ HL: ['HL', 'TD5', { TD3: ['TD3', 'AT9'] }, 'TD4'] });
  });

  it('reports the mandatory HL loop missing', () => {
    expect(problemsOf(['BSN*00*SHIP-1*20240115*1200', 'CTT*0'], { setId: '856' }).map(segmentFacts)).toEqual([
      { level: 'segment', code: '3', segmentId: 'HL', segmentPosition: 3, loopId: undefined, line: 5 },
    ]);
  });
});

describe('loop tree of the structure walker', () => {
  it('has the root ST and holds the very segments placed, nested by iteration', () => {
    const ids = ['ST', 'AAA', 'N1', 'N3', 'N1', 'N3', 'LIN', 'SUB', 'NTE', 'MSG', 'LIN', 'QTY', 'TOT', 'SE'];
    const { root, segments, diagnostics } = walk(ORDER, ids);
    expect(diagnostics).toEqual([]);
    expect(root.loopId).toBe('ST');
    expect(shapeOf(root)).toEqual([
      'ST',
      'AAA',
      { N1: ['N1', 'N3'] },
      { N1: ['N1', 'N3'] },
      { LIN: ['LIN', { SUB: ['SUB', 'NTE'] }, 'MSG'] },
      { LIN: ['LIN', 'QTY'] },
      { TOT: ['TOT'] },
      'SE',
    ]);
    expect(allSegments(root)).toEqual(segments);
    expect(allSegments(root).every((s, i) => s === segments[i])).toBe(true);
  });
});
