// Types of checks.mjs, so that the TypeScript property tests can call it.

export interface Finding {
  kind: 'crash' | 'unspecific' | 'invalid-output';
  message: string;
}

/** The project functions the checks call: src/ in the tests, dist/ in the long run. */
export type FuzzApi = Record<string, unknown>;

export function checkTranslation(api: FuzzApi, bytes: Uint8Array): Finding[];

export function checkAcknowledgement(
  api: FuzzApi,
  bytes: Uint8Array,
  options: {
    chunks: (bytes: Uint8Array) => Uint8Array[];
    type: '997' | '999' | undefined;
    ta1: 'auto' | 'always' | 'never';
  },
): Finding[];

export function checkPartnerFile(api: FuzzApi, path: string): Finding[];
