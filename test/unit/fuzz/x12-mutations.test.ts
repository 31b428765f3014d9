import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAcknowledgement, checkTranslation } from '../../../scripts/fuzz/checks.mjs';
import { ackOptions, x12Samples } from '../../../scripts/fuzz/targets.mjs';
import { chunksOf, mutatedX12 } from '../../../scripts/fuzz/x12-mutations.mjs';
import { readX12 } from '../../../src/x12/index.js';
import { api, bounded, messages } from './fuzz-api.js';

// The real samples of fixtures/, damaged: bytes flipped, separators, control bytes, NUL and
// non-ASCII inserted, cut short, segments doubled or dropped, ISA separators changed, elements
// made very long. The long run (npm run fuzz) draws from the same arbitraries on dist/.
const samples = x12Samples(readX12);

describe('damaged X12 samples', () => {
  it('are samples of every kind in fixtures/', () => {
    expect(samples.length).toBeGreaterThan(60);
  });

  it('never make translateX12 throw or hang, and a rejection always names a specific error', () => {
    fc.assert(
      fc.property(mutatedX12(samples), ({ bytes }) => {
        expect(messages(bounded(() => checkTranslation(api, bytes)))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('are acknowledged as the ack command does: nothing throws, and every 997/999/TA1 reads back', () => {
    fc.assert(
      fc.property(mutatedX12(samples), ackOptions, ({ bytes }, { sizes, type, ta1 }) => {
        const chunks = (input: Uint8Array) => chunksOf(input, sizes);
        expect(messages(bounded(() => checkAcknowledgement(api, bytes, { chunks, type, ta1 })))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
