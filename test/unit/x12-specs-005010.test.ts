import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type {
  CompositeDefinition,
  ElementDictionary,
  ElementUse,
  SegmentDefinition,
  SegmentDictionary,
  StructureNode,
  TransactionSetSpec,
} from '../../src/x12/specs/spec-types.js';

const folder = new URL('../../src/x12/specs/005010/', import.meta.url);
const read = <T>(file: string): T => JSON.parse(readFileSync(new URL(file, folder), 'utf8')) as T;

const elementDictionary = read<ElementDictionary>('elements.json');
const segmentDictionary = read<SegmentDictionary>('segments.json');
const { elements } = elementDictionary;
const { segments, composites } = segmentDictionary;

const EXPECTED_SETS = [
  { id: '850', name: 'Purchase Order', functionalGroup: 'PO' },
  { id: '855', name: 'Purchase Order Acknowledgment', functionalGroup: 'PR' },
  { id: '856', name: 'Ship Notice/Manifest', functionalGroup: 'SH' },
  { id: '810', name: 'Invoice', functionalGroup: 'IN' },
  { id: '820', name: 'Payment Order/Remittance Advice', functionalGroup: 'RA' },
  { id: '997', name: 'Functional Acknowledgment', functionalGroup: 'FA' },
  { id: '999', name: 'Implementation Acknowledgment', functionalGroup: 'FA' },
] as const;
const sets = EXPECTED_SETS.map(({ id }) => read<TransactionSetSpec>(`${id}.json`));

const ELEMENT_TYPES = /^(AN|ID|DT|TM|R|B|N|N\d)$/;
const SYNTAX_NOTE = /^[PRECL](\d{2}){2,}$/;

/** 1-based element positions a syntax note names (`P0607` -> [6, 7]). */
const notePositions = (note: string): number[] => (note.slice(1).match(/\d{2}/g) ?? []).map(Number);

/** Every node of a structure, depth first. */
const flatten = (nodes: readonly StructureNode[]): StructureNode[] =>
  nodes.flatMap((node) => ('loop' in node ? [node, ...flatten(node.children)] : [node]));

const segmentIdsOf = (set: TransactionSetSpec): string[] =>
  flatten(set.structure).flatMap((node) => ('segment' in node ? [node.segment] : []));

const definitions: [string, SegmentDefinition | CompositeDefinition][] = [
  ...Object.entries(segments),
  ...Object.entries(composites),
];

describe('005010 element dictionary', () => {
  it('is labelled 005010', () => {
    expect(elementDictionary.version).toBe('005010');
    expect(segmentDictionary.version).toBe('005010');
  });

  it.each(Object.entries(elements))(
    'element %s has a name, a known type and sane lengths',
    (_ref, element) => {
      expect(element.name.length).toBeGreaterThan(0);
      expect(element.type).toMatch(ELEMENT_TYPES);
      expect(element.min).toBeGreaterThanOrEqual(1);
      expect(element.min).toBeLessThanOrEqual(element.max);
    },
  );

  it('keeps code lists on ID elements only, without duplicates, within the element length', () => {
    for (const [ref, element] of Object.entries(elements)) {
      if (!element.codes) continue;
      expect(element.type, ref).toBe('ID');
      expect(new Set(element.codes).size, ref).toBe(element.codes.length);
      for (const code of element.codes) {
        expect(code.length, `${ref} ${code}`).toBeGreaterThanOrEqual(element.min);
        expect(code.length, `${ref} ${code}`).toBeLessThanOrEqual(element.max);
      }
    }
  });

  it('lists the codes the order and acknowledgment flows rely on', () => {
    const has = (ref: string, ...codes: string[]): void => {
      expect(elements[ref]?.codes, ref).toEqual(expect.arrayContaining(codes));
    };
    has('143', ...EXPECTED_SETS.map(({ id }) => id));
    has('479', ...new Set(EXPECTED_SETS.map(({ functionalGroup }) => functionalGroup)));
    has('353', '00', '01', '05', '06');
    has('92', 'SA', 'DS', 'RO', 'KN');
    has('587', 'AC', 'AD', 'AE', 'AK', 'RD', 'RJ');
    has('668', 'IA', 'IB', 'IR', 'R2', 'AR');
    has('98', 'BT', 'BY', 'SF', 'ST', 'SU', 'VN', 'PE', 'PR');
    has('374', '002', '010', '011', '017', '036', '067', '097');
    has('735', 'S', 'O', 'P', 'I', 'T');
    expect(elements['717']?.codes).toEqual(['A', 'E', 'M', 'R', 'W', 'X']);
    expect(elements['715']?.codes).toEqual(['A', 'E', 'M', 'P', 'R', 'W', 'X']);
    expect(elements['248']?.codes).toEqual(['A', 'C', 'N', 'P', 'Q', 'R', 'S']);
  });

  it('has no element that no segment or composite uses', () => {
    const used = new Set(
      definitions.flatMap(([, definition]) =>
        definition.elements.filter((use) => !use.composite).map((use) => use.ref),
      ),
    );
    expect(Object.keys(elements).filter((ref) => !used.has(ref))).toEqual([]);
  });
});

describe('005010 segment dictionary', () => {
  const checkUse = (owner: string, use: ElementUse, inComposite: boolean): void => {
    expect(['M', 'O', 'X'], owner).toContain(use.req);
    if (use.repeat !== undefined) expect(use.repeat, owner).toBeGreaterThan(1);
    if (use.composite) {
      expect(inComposite, `${owner}: a composite cannot hold a composite`).toBe(false);
      expect(composites[use.ref], `${owner}: composite ${use.ref}`).toBeDefined();
    } else {
      expect(elements[use.ref], `${owner}: element ${use.ref}`).toBeDefined();
    }
  };

  it.each(definitions)('%s refers only to defined elements and composites', (id, definition) => {
    expect(definition.name.length).toBeGreaterThan(0);
    expect(definition.elements.length).toBeGreaterThan(0);
    for (const use of definition.elements) checkUse(id, use, id in composites);
  });

  it.each(definitions)('%s has syntax notes that point at its own positions', (id, definition) => {
    const named = new Set<number>();
    for (const note of definition.syntax ?? []) {
      expect(note, id).toMatch(SYNTAX_NOTE);
      const positions = notePositions(note);
      expect(new Set(positions).size, `${id} ${note}`).toBe(positions.length);
      for (const position of positions) {
        expect(position, `${id} ${note}`).toBeLessThanOrEqual(definition.elements.length);
        named.add(position);
      }
    }
    definition.elements.forEach((use, index) => {
      if (use.req === 'X')
        expect(named.has(index + 1), `${id}${String(index + 1).padStart(2, '0')} is X`).toBe(true);
    });
  });

  it('carries the 005010 envelope and acknowledgment segments', () => {
    expect(segments['ST']?.elements.map((use) => use.ref)).toEqual(['143', '329', '1705']);
    expect(segments['SE']?.elements.map((use) => use.ref)).toEqual(['96', '329']);
    expect(segments['CTX']?.elements[0]).toEqual({ ref: 'C998', req: 'M', composite: true, repeat: 10 });
    expect(segments['IK4']?.elements[0]).toMatchObject({ ref: 'C030', composite: true });
    expect(segments['REF']?.elements[3]).toMatchObject({ ref: 'C040', composite: true });
  });

  it('has no segment that no transaction set uses', () => {
    const used = new Set(sets.flatMap(segmentIdsOf));
    expect(Object.keys(segments).filter((id) => !used.has(id))).toEqual([]);
  });
});

describe.each(EXPECTED_SETS)('005010 $id structure', ({ id, name, functionalGroup }) => {
  const set = sets.find((candidate) => candidate.id === id) as TransactionSetSpec;

  it('names its set, version and functional group', () => {
    expect(set).toMatchObject({ id, version: '005010', name, functionalGroup });
  });

  it('opens with ST and closes with SE', () => {
    expect(set.structure[0]).toEqual({ segment: 'ST', req: 'M', max: 1 });
    expect(set.structure.at(-1)).toEqual({ segment: 'SE', req: 'M', max: 1 });
    expect(segmentIdsOf(set).filter((segment) => segment === 'ST' || segment === 'SE')).toEqual(['ST', 'SE']);
  });

  it('uses only defined segments, valid requirements and maximums', () => {
    for (const node of flatten(set.structure)) {
      expect(['M', 'O']).toContain(node.req);
      expect(node.max === -1 || node.max >= 1, JSON.stringify(node)).toBe(true);
      if ('segment' in node) expect(segments[node.segment], node.segment).toBeDefined();
    }
  });

  it('starts every loop with a mandatory segment named like the loop', () => {
    for (const node of flatten(set.structure)) {
      if (!('loop' in node)) continue;
      const first = node.children[0];
      expect(first && 'segment' in first, `loop ${node.loop}`).toBe(true);
      expect(first).toMatchObject({ segment: node.loop.split('/').at(-1), req: 'M', max: 1 });
    }
  });
});

describe('005010 acknowledgment structures', () => {
  const shape = (nodes: readonly StructureNode[]): unknown[] =>
    nodes.map((node) => ('loop' in node ? { [node.loop]: shape(node.children) } : node.segment));

  it('999 nests IK4 in IK3 in AK2, each with its CTX', () => {
    const set = sets.find((candidate) => candidate.id === '999') as TransactionSetSpec;
    expect(shape(set.structure)).toEqual([
      'ST',
      'AK1',
      { AK2: ['AK2', { IK3: ['IK3', 'CTX', { IK4: ['IK4', 'CTX'] }] }, 'IK5'] },
      'AK9',
      'SE',
    ]);
  });

  it('997 nests AK3 and AK4 in AK2', () => {
    const set = sets.find((candidate) => candidate.id === '997') as TransactionSetSpec;
    expect(shape(set.structure)).toEqual([
      'ST',
      'AK1',
      { AK2: ['AK2', { AK3: ['AK3', 'AK4'] }, 'AK5'] },
      'AK9',
      'SE',
    ]);
  });

  it('820 takes the entity, adjustment and remittance loops of the premium payment guides', () => {
    const set = sets.find((candidate) => candidate.id === '820') as TransactionSetSpec;
    const loops = flatten(set.structure).flatMap((node) => ('loop' in node ? [node.loop] : []));
    expect(loops).toEqual(expect.arrayContaining(['N1', 'ENT', 'NM1', 'ADX', 'RMR', 'IT1']));
    const ent = set.structure.find((node) => 'loop' in node && node.loop === 'ENT');
    expect(ent && 'loop' in ent ? shape(ent.children).slice(0, 3) : []).toEqual(
      expect.arrayContaining([{ NM1: ['NM1', 'N2', 'N3', 'N4', 'REF', 'PER'] }]),
    );
  });
});
