import { describe, expect, it } from 'vitest';
import { translateX12 } from '../../../../src/mapping/index.js';
import { sample } from '../../x12/sample.js';

// Found while fixing the stored envelope values: a NUL inside an element (BEG03 `PO-1\u00000`) or
// an envelope id (GS02, ISA06) was reported only as "the file holds NUL bytes", and the set was
// still mapped: a purchase order with a NUL in its number, which PostgreSQL refuses in jsonb.
describe('a NUL byte inside a value', () => {
  const translate = (from: string, to: string) =>
    translateX12(new TextEncoder().encode(sample().replace(from, to)));

  it('in a set rejects the set, naming the element (AK4 6)', () => {
    const { documents, diagnostics } = translate('PO-1001', 'PO-1\u00000');
    expect(documents).toEqual([]);
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        level: 'element',
        code: '6',
        segmentId: 'BEG',
        segmentPosition: 2,
        elementPosition: 3,
        value: 'PO-10',
      }),
    );
  });

  it.each([
    ['GS02', 'GS*PO*SENDER', 'GS*PO*SEN\u0000DER', 'GS'],
    ['ISA06', 'SENDER         ', 'SEN\u0000DER        ', 'ISA'],
  ])('in %s rejects the interchange (TA1 024)', (_name, from, to, segmentId) => {
    const { documents, diagnostics } = translate(from, to);
    expect(documents).toEqual([]);
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ level: 'interchange', code: '024', severity: 'error', segmentId }),
    );
  });
});
