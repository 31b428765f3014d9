// Types of yaml-mutations.mjs, so that the TypeScript property tests can draw from it.
import type { Arbitrary } from 'fast-check';

export interface MutatedYaml {
  name: string;
  mutations: ({ kind: string } & Record<string, unknown>)[];
  text: string;
}

export function mutatedYaml(files: readonly { name: string; text: string }[]): Arbitrary<MutatedYaml>;
