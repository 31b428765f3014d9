import { describe, expect, it } from 'vitest';
import { loadPartnerFile } from '../../../../src/partners/index.js';
import { invalid, partnersDir, writePartner } from '../../partners/partner-files.js';

// Found by the fuzz run: a partner file of 31,000 characters of nested brackets held the loader
// for 0.6 to over 2 s in yaml's parser (a second per 64,000 characters), enough to stall whoever
// loads the partners folder. Files past 16,384 characters are refused before parsing.
describe('a partner file far larger than any partner config', () => {
  it('is refused at once, naming the file', () => {
    const path = writePartner(partnersDir(), 'acme.yaml', `id: acme\nname: ${'['.repeat(31_000)}\n`);
    const started = performance.now();
    const error = invalid(() => loadPartnerFile(path));
    expect(performance.now() - started).toBeLessThan(200);
    expect(error.problems).toMatchObject([{ source: path, pointer: '' }]);
    expect(error.message).toMatch(/is 31016 characters long: a partner file takes a few thousand/);
  });
});
