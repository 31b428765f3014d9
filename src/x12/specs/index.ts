import { existsSync, readFileSync } from 'node:fs';
import type { ElementDictionary, SegmentDictionary, TransactionSetSpec } from './spec-types.js';

export type * from './spec-types.js';

/** The versions we hold structure specs for. */
export const SPEC_VERSIONS = ['004010', '005010'] as const;
export type SpecVersion = (typeof SPEC_VERSIONS)[number];

export interface VersionSpecs {
  version: SpecVersion;
  elements: ElementDictionary;
  segments: SegmentDictionary;
}

const folder = new URL('./', import.meta.url);
const versionCache = new Map<string, VersionSpecs>();
const setCache = new Map<string, TransactionSetSpec | undefined>();

function readJson<T>(relative: string): T | undefined {
  const url = new URL(relative, folder);
  return existsSync(url) ? (JSON.parse(readFileSync(url, 'utf8')) as T) : undefined;
}

/**
 * Which spec version validates a group's GS08. Releases of the same version (004020..004060,
 * 005020..005050) differ little in the order sets, so they are validated against the nearest
 * spec and the choice is reported; 003xxx and older are not supported.
 */
export function resolveSpecVersion(gs08: string): { version: SpecVersion; exact: boolean } | undefined {
  const base = gs08.slice(0, 6);
  if (base === '004010' || base === '005010') return { version: base, exact: true };
  if (/^004\d{3}$/.test(base)) return { version: '004010', exact: false };
  if (/^00[5-8]\d{3}$/.test(base)) return { version: '005010', exact: false };
  return undefined;
}

/** Element and segment dictionaries of a version (read once). */
export function versionSpecs(version: SpecVersion): VersionSpecs {
  let specs = versionCache.get(version);
  if (!specs) {
    const elements = readJson<ElementDictionary>(`${version}/elements.json`);
    const segments = readJson<SegmentDictionary>(`${version}/segments.json`);
    if (!elements || !segments)
      throw new Error(`X12 spec dictionaries for ${version} are missing from the package`);
    specs = { version, elements, segments };
    versionCache.set(version, specs);
  }
  return specs;
}

/** The structure spec of a transaction set, or `undefined` where we do not support that set. */
export function transactionSetSpec(version: SpecVersion, setId: string): TransactionSetSpec | undefined {
  const key = `${version}/${setId}`;
  if (!setCache.has(key))
    setCache.set(key, /^\d{3}$/.test(setId) ? readJson<TransactionSetSpec>(`${key}.json`) : undefined);
  return setCache.get(key);
}
