import type { LoopInstance, Segment, TransactionSet } from '../../../src/x12/index.js';

/**
 * Test-only loop tree builder: splits a set's segments into the loops the mappings read, from a
 * small table per transaction set. It knows nothing of segment order or repeat counts; the
 * structural validator does that job in the product. Tests map each sample with both trees to
 * show that the mappings depend on which segments a loop holds, not on how a spec names it.
 */
interface LoopSpec {
  /** The segment that opens an iteration. */
  start: string;
  /** Segments that belong to an open iteration. */
  segments?: readonly string[];
  loops?: readonly LoopSpec[];
}

const PARTY = { start: 'N1', segments: ['N2', 'N3', 'N4', 'REF', 'PER', 'FOB', 'DMG'] } as const;
const LINE_SEGMENTS = [
  'LIN',
  'SI',
  'CUR',
  'CN1',
  'PO3',
  'CTP',
  'MEA',
  'PWK',
  'PO4',
  'REF',
  'PER',
  'IT8',
  'CSH',
  'ITD',
  'DIS',
  'INC',
  'TAX',
  'TXI',
  'FOB',
  'SDQ',
  'IT3',
  'DTM',
  'TC2',
  'TD1',
  'TD5',
  'TD3',
  'TD4',
  'PKG',
  'MAN',
  'AMT',
  'MSG',
  'NTE',
];
const ORDER_LINE: LoopSpec = {
  start: 'PO1',
  segments: [...LINE_SEGMENTS, 'ACK'],
  loops: [
    { start: 'PID', segments: ['MEA'] },
    { start: 'SAC', segments: ['CUR', 'TXI'] },
    { start: 'SCH', segments: ['TD1', 'TD5', 'TD3', 'TD4', 'REF'] },
    { start: 'N9', segments: ['DTM', 'MSG'] },
    PARTY,
  ],
};

const SPECS: Record<string, readonly LoopSpec[]> = {
  '850': [
    { start: 'N9', segments: ['DTM', 'MSG'] },
    { start: 'SAC', segments: ['CUR'] },
    PARTY,
    ORDER_LINE,
    { start: 'CTT', segments: ['AMT'] },
  ],
  '855': [PARTY, ORDER_LINE, { start: 'CTT', segments: ['AMT'] }],
  '856': [
    {
      start: 'HL',
      segments: [
        'LIN',
        'SN1',
        'PRF',
        'PO4',
        'PID',
        'MEA',
        'PWK',
        'PKG',
        'TD1',
        'TD5',
        'TD3',
        'TD4',
        'REF',
        'PER',
        'MAN',
        'DTM',
        'FOB',
        'YNQ',
      ],
      loops: [PARTY],
    },
  ],
  '810': [
    PARTY,
    {
      start: 'IT1',
      segments: [
        'CRC',
        'QTY',
        'CUR',
        'IT3',
        'TXI',
        'CTP',
        'MEA',
        'PWK',
        'PKG',
        'PO4',
        'ITD',
        'REF',
        'YNQ',
        'PER',
        'DTM',
        'CAD',
        'MSG',
        'NTE',
      ],
      loops: [{ start: 'PID', segments: ['MEA'] }, { start: 'SAC', segments: ['TXI'] }, PARTY],
    },
    { start: 'SAC', segments: ['TXI'] },
  ],
  '820': [
    { start: 'N1', segments: ['N2', 'N3', 'N4', 'REF', 'PER', 'RDM', 'DTM'] },
    {
      start: 'ENT',
      loops: [
        { start: 'NM1', segments: ['N2', 'N3', 'N4', 'REF', 'PER'] },
        { start: 'ADX', segments: ['NTE', 'PER', 'DTM', 'REF'] },
        {
          start: 'RMR',
          segments: ['NTE', 'REF', 'DTM'],
          loops: [{ start: 'ADX', segments: ['NTE', 'PER', 'REF'] }],
        },
      ],
    },
  ],
  '997': [{ start: 'AK2', segments: ['AK5'], loops: [{ start: 'AK3', segments: ['AK4'] }] }],
  '999': [
    {
      start: 'AK2',
      segments: ['IK5'],
      loops: [{ start: 'IK3', segments: ['CTX'], loops: [{ start: 'IK4', segments: ['CTX'] }] }],
    },
  ],
};

interface Frame {
  spec: LoopSpec;
  instance: { loopId: string; items: (Segment | LoopInstance)[] };
}

/** The loop tree of `set`, root `ST`. Segments no loop claims stay at the root. */
export function buildTestTree(set: TransactionSet): LoopInstance {
  const root: Frame = {
    spec: { start: 'ST', loops: SPECS[set.id] ?? [] },
    instance: { loopId: 'ST', items: [] },
  };
  const stack: Frame[] = [root];
  for (const segment of set.segments) {
    for (;;) {
      const top = stack[stack.length - 1] ?? root;
      const child = top.spec.loops?.find((loop) => loop.start === segment.id);
      if (child) {
        const instance = { loopId: child.start, items: [segment] };
        top.instance.items.push(instance);
        stack.push({ spec: child, instance });
        break;
      }
      if (top === root || top.spec.segments?.includes(segment.id)) {
        top.instance.items.push(segment);
        break;
      }
      stack.pop();
    }
  }
  return root.instance;
}
