import { describe, expect, it } from 'vitest';
import { inProgressNameFor, isInProgressName } from '../../../src/transports/in-progress-names.js';
import { fitName, MAX_NAME_BYTES, numberedName } from '../../../src/transports/numbered-name.js';

const bytes = (name: string) => Buffer.byteLength(name);
// 255 bytes: the longest name a partner can give a file on ext4.
const longest = `${'PO-'.repeat(83)}x.edi`.slice(0, 251) + '.edi';

describe('file names at the file-system limit', () => {
  it('leaves a name that fits as it is', () => {
    expect(bytes(longest)).toBe(MAX_NAME_BYTES);
    expect(fitName(longest)).toBe(longest);
    expect(numberedName(longest, 0)).toBe(longest);
  });

  it('shortens a numbered variant of the longest name to 255 bytes, keeping its extension, each variant its own', () => {
    const first = numberedName(longest, 1);
    const second = numberedName(longest, 2);
    expect([bytes(first), bytes(second)]).toEqual([MAX_NAME_BYTES, MAX_NAME_BYTES]);
    expect(first).toMatch(/^PO-PO-.*~[0-9a-f]{8}\.edi$/);
    expect(first).not.toBe(second);
  });

  it('gives the in-progress name of the longest name room, still an in-progress name', () => {
    const writing = inProgressNameFor(longest);
    expect(bytes(writing)).toBe(MAX_NAME_BYTES);
    expect(isInProgressName(writing)).toBe(true);
    expect(writing.startsWith('.PO-')).toBe(true);
    expect(writing.endsWith('.part')).toBe(true);
  });

  it('never cuts a character of several bytes in two', () => {
    const name = `${'é'.repeat(130)}.x12`;
    const fitted = fitName(name);
    expect(bytes(fitted)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(fitted).not.toContain('\uFFFD');
    expect(fitted).toMatch(/^é+~[0-9a-f]{8}\.x12$/);
  });
});
