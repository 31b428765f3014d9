import { describe, expect, it } from 'vitest';
import { loadPartnerFile } from '../../../src/partners/index.js';
import { partnersDir, problemLines, writePartner, x12Partner } from './partner-files.js';

function problems(x12: Record<string, unknown>, identity?: unknown): { path: string; lines: string[] } {
  const partner = { ...x12Partner(), x12, ...(identity ? { identity } : {}) };
  const path = writePartner(partnersDir(), 'acme.yaml', partner);
  return { path, lines: problemLines(() => loadPartnerFile(path)) };
}

describe('outbound delimiters', () => {
  it('refuses two separators that are the same character', () => {
    const { path, lines } = problems({
      version: '004010',
      delimiters: { element: '*', component: '*', segment: '~' },
    });
    expect(lines).toEqual([
      `${path}:15:5: /x12/delimiters/component is '*', the same as the element separator`,
    ]);
  });

  it('refuses letters, digits and spaces, which cannot be told from data', () => {
    const { lines } = problems({ version: '004010', delimiters: { element: 'E', segment: ' ' } });
    expect(lines).toEqual([
      expect.stringContaining("/x12/delimiters/element is 'E', a letter, digit or space"),
      expect.stringContaining("/x12/delimiters/segment is ' ', a letter, digit or space"),
    ]);
  });

  it('refuses a repetition separator in 004010, where ISA11 is the U standards id', () => {
    const { lines } = problems({ version: '004010', delimiters: { repetition: '^' } });
    expect(lines).toEqual([
      expect.stringContaining(
        '/x12/delimiters/repetition is only for ISA12 00402 and later: in 00401 ISA11 is the U standards id',
      ),
    ]);
  });

  it('accepts a repetition separator in 005010', () => {
    const path = writePartner(partnersDir(), 'acme.yaml', {
      ...x12Partner(),
      x12: { version: '005010', delimiters: { repetition: '{' } },
    });
    expect(loadPartnerFile(path)).toMatchObject({ x12: { delimiters: { repetition: '{' } } });
  });

  it('says when a default collides with a separator that was chosen, and how to fix it', () => {
    const { lines } = problems({ version: '005010', delimiters: { element: '^' } });
    expect(lines).toEqual([
      expect.stringContaining(
        "/x12/delimiters/repetition is '^', the same as the element separator (the default for 005010); set x12.delimiters.repetition to another character",
      ),
    ]);
  });

  it('wants exactly one character per separator', () => {
    const { lines } = problems({ version: '004010', delimiters: { segment: '~\n' } });
    // The newline is shown escaped: one problem, one line.
    expect(lines).toEqual([
      expect.stringMatching(/\/x12\/delimiters\/segment must be exactly one character \(got '~\\n'\)$/),
    ]);
  });

  it('refuses an id that contains a separator we write, once (the GS id only repeats it)', () => {
    const identity = {
      theirs: { isaQualifier: 'ZZ', isaId: 'ACME>STORES' },
      ours: { isaQualifier: 'ZZ', isaId: 'SUPPLIER' },
    };
    const { lines } = problems({ version: '004010' }, identity);
    expect(lines).toEqual([
      expect.stringContaining(
        "/identity/theirs/isaId contains '>', the component separator of the files we send",
      ),
    ]);
  });
});
