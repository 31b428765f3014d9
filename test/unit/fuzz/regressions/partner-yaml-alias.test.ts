import { describe, expect, it } from 'vitest';
import { loadPartnerFile } from '../../../../src/partners/index.js';
import { invalid, partnersDir, writePartner } from '../../partners/partner-files.js';

// Found by the fuzz run: a partner file with an alias whose anchor is missing (`isaId: *x`) made
// loadPartnerFile throw yaml's bare ReferenceError instead of a PartnerError naming file and line.
describe('a partner file with an alias that has no anchor', () => {
  it('fails with a PartnerError at the line of the alias', () => {
    const path = writePartner(partnersDir(), 'acme.yaml', 'id: acme\nname: Acme\nkind: x12\nidentity: *x\n');
    const error = invalid(() => loadPartnerFile(path));
    expect(error.problems).toMatchObject([{ source: path, pointer: '', line: 4, column: 11 }]);
    expect(error.message).toBe(
      `${path}:4:11: is not valid YAML: Unresolved alias (the anchor must be set before the alias): x`,
    );
  });

  it('fails the same way for an alias used too often (a billion-laughs file)', () => {
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [name, from] of ['b', 'c', 'd', 'e'].map((n, i) => [n, 'abcd'[i]] as const))
      laughs.push(`${name}: &${name} [${Array(10).fill(`*${from}`).join(', ')}]`);
    const path = writePartner(partnersDir(), 'acme.yaml', `${laughs.join('\n')}\n`);
    expect(invalid(() => loadPartnerFile(path)).message).toMatch(/is not valid YAML: Excessive alias count/);
  });
});
