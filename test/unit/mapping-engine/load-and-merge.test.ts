import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMapping } from '../../../src/mapping/engine/index.js';
import { MAPPINGS } from './round-trip.js';

const dir = mkdtempSync(join(tmpdir(), 'mappings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): void {
  const path = join(dir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

write(
  'base.yaml',
  `set: '850'
version: '004010'
document: purchase_order
tables:
  role: { BY: buyer, ST: ship_to }
body:
  - segment: BEG
    fields: [{ element: 3, path: poNumber }]
  - segment: REF
    each: references
    where: { '1': [DP, IA] }
    fields: [{ element: 1, path: qualifier }, { element: 2, path: value }]
  - loop: PO1
    each: lines
    body:
      - segment: PO1
        fields: [{ element: 1, path: lineNumber }]
      - segment: PID
        fields: [{ element: 5, path: description }]
`,
);

describe('partner overrides layer on the default mapping by rule id', () => {
  it('changes one qualifier list without copying the mapping', () => {
    write('over/where.yaml', `body:\n  - segment: REF\n    where: { '1': [VN] }\n`);
    const mapping = loadMapping(dir, 'base', ['over/where']);
    expect(mapping.body.map((r) => ('segment' in r ? r.segment : 'loop' in r ? r.loop : 'HL'))).toEqual([
      'BEG',
      'REF',
      'PO1',
    ]);
    expect(mapping.body[1]).toMatchObject({ segment: 'REF', each: 'references', where: { '1': ['VN'] } });
    expect(mapping.sources).toEqual([join(dir, 'base.yaml'), join(dir, 'over/where.yaml')]);
  });

  it('merges loop bodies rule by rule, removes and inserts rules, and merges tables code by code', () => {
    write(
      'over/deep.yaml',
      `tables:
  role: { Z7: mark_for }
body:
  - segment: CUR
    after: BEG
    fields: [{ element: 2, path: currency }]
  - loop: PO1
    body:
      - segment: PID
        remove: true
      - segment: PO4
        fields: [{ element: 1, path: pack.pack }]
`,
    );
    const mapping = loadMapping(dir, 'base', ['over/deep']);
    expect(mapping.tables['role']).toEqual({ BY: 'buyer', ST: 'ship_to', Z7: 'mark_for' });
    expect(mapping.body.map((r) => ('segment' in r ? r.segment : 'loop' in r ? r.loop : 'HL'))).toEqual([
      'BEG',
      'CUR',
      'REF',
      'PO1',
    ]);
    const po1 = mapping.body[3];
    expect(po1 && 'loop' in po1 ? po1.body.map((r) => ('segment' in r ? r.segment : '?')) : []).toEqual([
      'PO1',
      'PO4',
    ]);
  });

  it('follows extends chains and refuses a cycle', () => {
    write('v5.yaml', `extends: base\nversion: '005010'\n`);
    expect(loadMapping(dir, 'v5')).toMatchObject({
      set: '850',
      version: '005010',
      document: 'purchase_order',
    });
    write('loop-a.yaml', 'extends: loop-b\n');
    write('loop-b.yaml', 'extends: loop-a\n');
    expect(() => loadMapping(dir, 'loop-a')).toThrow(/extends itself through loop-a -> loop-b -> loop-a/);
  });
});

describe('a bad mapping file fails with the file, the path inside it and what is wrong', () => {
  it('names an unknown property and a bad element position', () => {
    write(
      'bad.yaml',
      `set: '850'\nversion: '004010'\ndocument: purchase_order\nbody:\n  - segment: BEG\n    fields: [{ element: 0, path: poNumber }]\n    colour: red\n`,
    );
    expect(() => loadMapping(dir, 'bad')).toThrow(`${join(dir, 'bad.yaml')}: /body/0`);
  });

  it('names a YAML syntax error with its line', () => {
    write('syntax.yaml', `set: '850'\nbody:\n  - segment: [BEG\n`);
    expect(() => loadMapping(dir, 'syntax')).toThrow(/syntax\.yaml: line \d+, column \d+ is not valid YAML/);
  });

  it('says what is missing after extends', () => {
    write('partial.yaml', `body: []\n`);
    expect(() => loadMapping(dir, 'partial')).toThrow(`${join(dir, 'partial.yaml')}: /set is missing`);
  });

  it('names a mapping file that does not exist', () => {
    expect(() => loadMapping(dir, 'x12/004010/999')).toThrow(
      /no such mapping file \(looked for x12\/004010\/999\.yaml/,
    );
  });

  it('holds data only: no code, no path into the prototype of an object', () => {
    write(
      'code.yaml',
      `set: '850'\nversion: '004010'\ndocument: purchase_order\nbody:\n  - segment: BEG\n    fields: [{ element: 3, path: 'constructor.prototype' }]\n`,
    );
    expect(() => loadMapping(dir, 'code')).toThrow(/\/body\/0\/fields\/0\/path/);
    write(
      'script.yaml',
      `set: '850'\nversion: '004010'\ndocument: purchase_order\nbody:\n  - segment: BEG\n    fields: [{ element: 3, path: 'a; process.exit(1)' }]\n`,
    );
    expect(() => loadMapping(dir, 'script')).toThrow(/\/body\/0\/fields\/0\/path/);
  });
});

describe('the shipped mappings load', () => {
  it.each(['x12/004010/855', 'x12/005010/855'])('%s', (name) => {
    const mapping = loadMapping(MAPPINGS, name);
    expect(mapping.document).toBe('purchase_order_ack');
    expect(Object.keys(mapping.tables)).toContain('partyRole');
  });
});
