import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type {
  ElementDictionary,
  ElementUse,
  SegmentDictionary,
  StructureNode,
  TransactionSetSpec,
} from '../../src/x12/specs/spec-types.js';

const folder = new URL('../../src/x12/specs/004010/', import.meta.url);
const load = <T>(file: string): T => JSON.parse(readFileSync(new URL(file, folder), 'utf8')) as T;

const elements = load<ElementDictionary>('elements.json');
const segments = load<SegmentDictionary>('segments.json');

const SETS: Record<string, { name: string; functionalGroup: string }> = {
  '850': { name: 'Purchase Order', functionalGroup: 'PO' },
  '855': { name: 'Purchase Order Acknowledgment', functionalGroup: 'PR' },
  '856': { name: 'Ship Notice/Manifest', functionalGroup: 'SH' },
  '810': { name: 'Invoice', functionalGroup: 'IN' },
  '820': { name: 'Payment Order/Remittance Advice', functionalGroup: 'RA' },
  '997': { name: 'Functional Acknowledgment', functionalGroup: 'FA' },
};
const sets = Object.keys(SETS).map((id) => load<TransactionSetSpec>(`${id}.json`));

const TYPES = new Set([
  'AN',
  'ID',
  'DT',
  'TM',
  'R',
  'B',
  'N',
  'N0',
  'N1',
  'N2',
  'N3',
  'N4',
  'N5',
  'N6',
  'N7',
  'N8',
  'N9',
]);
const NOTE = /^[PRECL](\d{2}){2,}$/;

/** Every node of a structure, depth first, with the path of loops that holds it. */
function walk(
  nodes: readonly StructureNode[],
  path: string[] = [],
): { node: StructureNode; path: string[] }[] {
  return nodes.flatMap((node) => [
    { node, path },
    ...('loop' in node ? walk(node.children, [...path, node.loop]) : []),
  ]);
}

/** Element positions a syntax note names, 1-based. */
const positionsOf = (note: string): number[] => (note.slice(1).match(/\d{2}/g) ?? []).map(Number);

/** The notes' rules over a list of element uses: well formed, in range, and `X` exactly where a note governs an optional element. */
function checkNotes(owner: string, uses: readonly ElementUse[], notes: readonly string[] | undefined): void {
  const governed = new Set<number>();
  for (const note of notes ?? []) {
    expect(note, `${owner} ${note}`).toMatch(NOTE);
    const positions = positionsOf(note);
    expect(new Set(positions).size, `${owner} ${note} repeats a position`).toBe(positions.length);
    for (const p of positions) {
      expect(p >= 1 && p <= uses.length, `${owner} ${note} names position ${p} of ${uses.length}`).toBe(true);
      governed.add(p);
    }
  }
  uses.forEach((use, i) => {
    if (use.req === 'X')
      expect(governed.has(i + 1), `${owner}${String(i + 1).padStart(2, '0')} is X without a note`).toBe(true);
    if (use.req === 'O')
      expect(governed.has(i + 1), `${owner}${String(i + 1).padStart(2, '0')} is in a note but O`).toBe(false);
  });
}

describe('X12 004010 element dictionary', () => {
  it('is version 004010 with well-formed definitions', () => {
    expect(elements.version).toBe('004010');
    for (const [ref, def] of Object.entries(elements.elements)) {
      expect(ref, ref).toMatch(/^\d{1,4}$/);
      expect(def.name.length, ref).toBeGreaterThan(0);
      expect(TYPES.has(def.type), `${ref} type ${def.type}`).toBe(true);
      expect(Number.isInteger(def.min) && def.min >= 1, `${ref} min`).toBe(true);
      expect(def.min <= def.max, `${ref} min ${def.min} > max ${def.max}`).toBe(true);
      if (def.type === 'DT') expect([6, 8]).toContain(def.max);
    }
  });

  it('puts code lists only on ID elements, each code unique and of a valid length', () => {
    for (const [ref, def] of Object.entries(elements.elements)) {
      if (!def.codes) continue;
      expect(def.type, `${ref} has codes but is ${def.type}`).toBe('ID');
      expect(def.codes.length, ref).toBeGreaterThan(0);
      expect(new Set(def.codes).size, `${ref} repeats a code`).toBe(def.codes.length);
      for (const code of def.codes) {
        expect(code.length >= def.min && code.length <= def.max, `${ref} code '${code}' length`).toBe(true);
        expect(code, ref).toMatch(/^[0-9A-Z]+$/);
      }
    }
  });

  it('holds the code lists of the order flow elements', () => {
    const codes = (ref: string) => elements.elements[ref]?.codes ?? [];
    expect(codes('353')).toEqual(expect.arrayContaining(['00', '01', '05', '06']));
    expect(codes('92')).toEqual(expect.arrayContaining(['SA', 'NE', 'DS', 'RO']));
    expect(codes('587')).toEqual(expect.arrayContaining(['AC', 'AD', 'AK', 'RJ']));
    expect(codes('668')).toEqual(expect.arrayContaining(['IA', 'IB', 'IR', 'IQ']));
    expect(codes('98')).toEqual(expect.arrayContaining(['ST', 'BT', 'BY', 'SF', 'VN', 'RI']));
    expect(codes('66')).toEqual(expect.arrayContaining(['1', '9', '92', 'UL', 'ZZ']));
    expect(codes('355')).toEqual(expect.arrayContaining(['EA', 'CA', 'LB', 'PK']));
    expect(codes('235')).toEqual(expect.arrayContaining(['UP', 'VN', 'BP', 'EN', 'UK']));
    expect(codes('128')).toEqual(expect.arrayContaining(['PO', 'IA', 'DP', 'BM', 'CN', 'VN']));
    expect(codes('374')).toEqual(expect.arrayContaining(['002', '010', '011', '017', '037']));
    expect(codes('735')).toEqual(expect.arrayContaining(['S', 'O', 'P', 'I', 'T']));
    expect(codes('91')).toEqual(expect.arrayContaining(['M', 'A', 'U', 'LT']));
    expect(codes('248')).toEqual(['A', 'C', 'N', 'P', 'Q', 'R', 'S']);
    expect(codes('1300')).toEqual(expect.arrayContaining(['D240', 'C310', 'F050']));
    expect(codes('336')).toEqual(expect.arrayContaining(['01', '05', '08']));
    expect(codes('305')).toEqual(expect.arrayContaining(['C', 'D', 'I', 'P']));
    expect(codes('715')).toEqual(['A', 'E', 'M', 'P', 'R', 'W', 'X']);
    expect(codes('717')).toEqual(['A', 'E', 'M', 'R', 'W', 'X']);
    expect(codes('720')).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(codes('143')).toEqual(expect.arrayContaining(['810', '820', '850', '855', '856', '997']));
    expect(codes('479')).toEqual(expect.arrayContaining(['PO', 'PR', 'SH', 'IN', 'RA', 'FA']));
  });

  it('has no element that no segment or composite uses', () => {
    const used = new Set<string>();
    for (const seg of Object.values(segments.segments))
      for (const use of seg.elements) if (!use.composite) used.add(use.ref);
    for (const comp of Object.values(segments.composites)) for (const use of comp.elements) used.add(use.ref);
    expect(Object.keys(elements.elements).filter((ref) => !used.has(ref))).toEqual([]);
  });
});

describe('X12 004010 segment dictionary', () => {
  it('is version 004010 and leaves the envelope segments to the reader', () => {
    expect(segments.version).toBe('004010');
    expect(segments.segments['ST']).toBeDefined();
    expect(segments.segments['SE']).toBeDefined();
    for (const id of ['ISA', 'IEA', 'GS', 'GE']) expect(segments.segments[id]).toBeUndefined();
  });

  it('refers only to defined elements and composites', () => {
    for (const [id, seg] of Object.entries(segments.segments)) {
      expect(id, id).toMatch(/^[A-Z][A-Z0-9]{1,2}$/);
      expect(seg.elements.length, id).toBeGreaterThan(0);
      for (const use of seg.elements) {
        expect(['M', 'O', 'X'], `${id} ${use.ref}`).toContain(use.req);
        if (use.composite) expect(segments.composites[use.ref], `${id} composite ${use.ref}`).toBeDefined();
        else expect(elements.elements[use.ref], `${id} element ${use.ref}`).toBeDefined();
        expect(use.composite === true, `${id} ${use.ref} composite flag`).toBe(/^C\d{3}$/.test(use.ref));
      }
    }
  });

  it('has composites made of defined simple elements', () => {
    expect(Object.keys(segments.composites).sort()).toEqual(['C001', 'C002', 'C030', 'C040']);
    for (const [id, comp] of Object.entries(segments.composites)) {
      expect(comp.elements[0]?.req, `${id} first component`).toBe('M');
      for (const use of comp.elements) {
        expect(use.composite, `${id} nests ${use.ref}`).toBeUndefined();
        expect(elements.elements[use.ref], `${id} component ${use.ref}`).toBeDefined();
      }
    }
  });

  it('has syntax notes over existing positions, with X on exactly the governed optional elements', () => {
    for (const [id, seg] of Object.entries(segments.segments)) checkNotes(id, seg.elements, seg.syntax);
    for (const [id, comp] of Object.entries(segments.composites)) checkNotes(id, comp.elements, comp.syntax);
  });

  it('keeps the notes of the segments the order flows lean on', () => {
    expect(segments.segments['N1']?.syntax).toEqual(['R0203', 'P0304']);
    expect(segments.segments['REF']?.syntax).toEqual(['R0203']);
    expect(segments.segments['DTM']?.syntax).toEqual(['R020305', 'C0403', 'P0506']);
    expect(segments.segments['PO1']?.syntax?.slice(0, 3)).toEqual(['C0302', 'C0504', 'P0607']);
    expect(segments.segments['HL']?.elements.map((e) => `${e.ref}${e.req}`)).toEqual([
      '628M',
      '734O',
      '735M',
      '736O',
    ]);
  });
});

describe.each(sets)('X12 004010 $id structure', (set) => {
  it('names the set and its functional group', () => {
    expect(set.version).toBe('004010');
    expect({ name: set.name, functionalGroup: set.functionalGroup }).toEqual(SETS[set.id]);
  });

  it('opens with ST and closes with SE', () => {
    const first = set.structure[0];
    const last = set.structure[set.structure.length - 1];
    expect(first).toEqual({ segment: 'ST', req: 'M', max: 1 });
    expect(last).toEqual({ segment: 'SE', req: 'M', max: 1 });
    const inner = walk(set.structure).filter(
      ({ node }) => 'segment' in node && (node.segment === 'ST' || node.segment === 'SE'),
    );
    expect(inner).toHaveLength(2);
  });

  it('uses only defined segments, and every loop starts with its own mandatory segment', () => {
    for (const { node, path } of walk(set.structure)) {
      const where = [...path, 'segment' in node ? node.segment : node.loop].join('/');
      expect(['M', 'O'], where).toContain(node.req);
      expect(
        node.max === -1 || (Number.isInteger(node.max) && node.max >= 1),
        `${where} max ${node.max}`,
      ).toBe(true);
      if ('segment' in node) {
        expect(segments.segments[node.segment], `${where} is not in segments.json`).toBeDefined();
      } else {
        const head = node.children[0];
        expect(head && 'segment' in head, `${where} does not start with a segment`).toBe(true);
        if (head && 'segment' in head) {
          expect(head.segment, where).toBe(node.loop);
          expect(head.req, `${where} first segment`).toBe('M');
          expect(head.max, `${where} first segment`).toBe(1);
        }
      }
    }
  });

  it('does not repeat a loop start as a sibling of that loop', () => {
    const check = (nodes: readonly StructureNode[], where: string) => {
      const loops = new Set(nodes.filter((n) => 'loop' in n).map((n) => ('loop' in n ? n.loop : '')));
      for (const n of nodes) {
        if ('segment' in n)
          expect(loops.has(n.segment), `${where}: ${n.segment} is both a segment and a loop`).toBe(false);
        else check(n.children, `${where}/${n.loop}`);
      }
    };
    check(set.structure, set.id);
  });
});

describe('X12 004010 structures together', () => {
  it('use every segment of the dictionary', () => {
    const used = new Set(
      sets.flatMap((s) => walk(s.structure).flatMap(({ node }) => ('segment' in node ? [node.segment] : []))),
    );
    expect(Object.keys(segments.segments).filter((id) => !used.has(id))).toEqual([]);
  });

  it('keep the main loops of each set', () => {
    const loops = (id: string) =>
      new Set(
        walk(sets.find((s) => s.id === id)?.structure ?? []).flatMap(({ node, path }) =>
          'loop' in node ? [[...path, node.loop].join('/')] : [],
        ),
      );
    expect([...loops('850')]).toEqual(
      expect.arrayContaining(['N1', 'N9', 'PO1', 'PO1/SLN', 'PO1/N1', 'SAC', 'PO1/SAC', 'CTT']),
    );
    expect([...loops('855')]).toEqual(expect.arrayContaining(['N1', 'PO1', 'PO1/ACK', 'PO1/SLN', 'CTT']));
    expect([...loops('856')]).toEqual(expect.arrayContaining(['HL', 'HL/N1', 'HL/LH1', 'HL/CLD']));
    expect([...loops('810')]).toEqual(
      expect.arrayContaining(['N1', 'IT1', 'IT1/SLN', 'IT1/N1', 'SAC', 'ISS']),
    );
    expect([...loops('820')]).toEqual(
      expect.arrayContaining(['N1', 'ENT', 'ENT/RMR', 'ENT/RMR/IT1', 'ENT/ADX', 'TXP']),
    );
    expect([...loops('997')]).toEqual(['AK2', 'AK2/AK3']);
    const hl = sets.find((s) => s.id === '856')?.structure.find((n) => 'loop' in n && n.loop === 'HL');
    expect(hl?.req).toBe('M');
  });
});
