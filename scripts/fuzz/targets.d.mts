// Types of targets.mjs, so that the TypeScript property tests load the same samples.
import type { Arbitrary } from 'fast-check';
import type { X12Sample } from './x12-mutations.mjs';

export function x12Samples(
  readX12: (text: string) => { interchanges: { delimiters: X12Sample['delimiters'] }[] },
): X12Sample[];
export function partnerFiles(): { name: string; text: string }[];
export const ackOptions: Arbitrary<{
  type: '997' | '999' | undefined;
  ta1: 'auto' | 'always' | 'never';
  sizes: number[];
}>;
