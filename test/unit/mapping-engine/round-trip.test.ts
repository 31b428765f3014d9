import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { X12Parser } from 'node-x12';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, functionalGroupOf, hasErrors, readX12 } from '../../../src/x12/index.js';
import { content, mappingFor, roundTrip } from './round-trip.js';

const FIXTURES = new URL('../../../fixtures/x12/', import.meta.url).pathname;
const SETS = ['850', '855', '856', '810', '820', '997', '999'];

/** Every accepted transaction set of the sample files, with the mapping for its set and version. */
const cases = SETS.flatMap((dir) => {
  const files = existsSync(join(FIXTURES, dir)) ? readdirSync(join(FIXTURES, dir)) : [];
  return files.flatMap((file) =>
    readX12(readFileSync(join(FIXTURES, dir, file)))
      .transactionSets.filter((set) => set.loops && !hasErrors(set.diagnostics) && mappingFor(set))
      .map((set, i) => ({ name: `${dir}/${file}#${i + 1}`, set })),
  );
});

describe('read -> canonical -> render -> read -> canonical gives the same document', () => {
  it.each(cases)('$name', ({ set }) => {
    const mapping = mappingFor(set);
    if (!mapping) throw new Error('no mapping');
    const { first, document, second, x12 } = roundTrip(set, mapping, functionalGroupOf(set.id) ?? 'PO');
    expect(first.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d))).toEqual(
      [],
    );
    expect(document).toBeDefined();
    expect(content(second)).toEqual(content(document));
    // Nothing is dropped: what no rule reads goes back as an extension, segment for segment.
    expect(
      readX12(x12 ?? '')
        .transactionSets[0]?.segments.map((s) => s.id)
        .sort(),
    ).toEqual(set.segments.map((s) => s.id).sort());
    // A second, independent reader: node-x12's strict parser checks the envelope counts too.
    const parsed = new X12Parser(true).parse(x12 ?? '');
    const interchange = Array.isArray(parsed) ? parsed[0] : parsed;
    expect(interchange?.functionalGroups[0]?.transactions[0]?.header.valueOf(1)).toBe(set.id);
  });

  it('covers every accepted 855 sample', () => {
    expect(cases.filter((c) => c.set.id === '855').length).toBeGreaterThanOrEqual(8);
  });

  it('covers every accepted 856 sample', () => {
    expect(cases.filter((c) => c.set.id === '856').map((c) => c.name)).toEqual([
      '856/EdiEngine__856.Crossdock.OK.edi#1',
      '856/node-x12__856.edi#1',
      '856/vscode-edi-x12-support__old.edi#1',
    ]);
  });

  it('covers every accepted 820, 997 and 999 sample', () => {
    const count = (id: string) => cases.filter((c) => c.set.id === id).length;
    expect(count('820')).toBeGreaterThanOrEqual(4);
    expect(count('997')).toBeGreaterThanOrEqual(7);
    expect(count('999')).toBeGreaterThanOrEqual(7);
  });

  it('covers every accepted 850 and 810 sample, 005010 included', () => {
    const names = (id: string) => cases.filter((c) => c.set.id === id).map((c) => c.name);
    expect(names('850').length).toBeGreaterThanOrEqual(11);
    expect(names('850')).toContain('850/bootstrap-archived__5010_850_input.edi#1');
    expect(names('810').length).toBeGreaterThanOrEqual(7);
  });
});
