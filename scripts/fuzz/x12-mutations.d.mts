// Types of x12-mutations.mjs, so that the TypeScript property tests can draw from it.
import type { Arbitrary } from 'fast-check';

export interface X12Sample {
  name: string;
  text: string;
  delimiters: { element: string; component: string; segment: string; repetition: string | undefined };
}

/** One mutation as drawn: its kind and parameters (see x12-mutations.mjs). */
export type X12Mutation = { kind: string } & Record<string, unknown>;

export interface MutatedX12 {
  name: string;
  mutations: X12Mutation[];
  bytes: Uint8Array;
}

export function mutatedX12(samples: readonly X12Sample[]): Arbitrary<MutatedX12>;
export function applyMutations(sample: X12Sample, mutations: readonly X12Mutation[]): Uint8Array;
export const chunking: Arbitrary<number[]>;
export function chunksOf(bytes: Uint8Array, sizes: readonly number[]): Uint8Array[];
