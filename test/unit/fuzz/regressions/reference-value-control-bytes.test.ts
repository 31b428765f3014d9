import { describe, expect, it } from 'vitest';
import { referenceValue } from '../../../../src/store/index.js';

// Found while fixing the envelope index: an inbound interchange's ISA13, GS06, ST02 and document
// numbers are recorded as references even when the interchange is rejected, and an ISA13 holding
// a NUL (`0000\u000001`, TA1 018) went into transmission_reference as it was: PostgreSQL refuses a
// NUL in any text column, so the inbound job failed on every retry.
describe('a reference value holding control characters', () => {
  it('is stored and searched without them', () => {
    expect(referenceValue('isa13', '0000\u000001')).toBe('1');
    expect(referenceValue('po', 'PO\u0007-12\u001d3\u0085')).toBe('PO-123');
  });

  it('is empty when nothing else is left, and so is not recorded', () => {
    expect(referenceValue('st02', '\u0000\u0001')).toBe('');
  });
});
