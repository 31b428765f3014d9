import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { validateCanonical, type PurchaseOrder } from '../../../src/canonical/index.js';
import type { MappedOrder } from '../../../src/marketplaces/index.js';

/** A marketplace fixture (`fixtures/marketplace/<platform>/<name>`), parsed. */
export function marketplaceFixture(platform: string, name: string): unknown {
  const url = new URL(`../../../fixtures/marketplace/${platform}/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as unknown;
}

/** The mapped order, which must be a valid canonical document; a refusal fails the test with its problems. */
export function validOrder(result: MappedOrder): PurchaseOrder {
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const validation = validateCanonical(result.order);
  expect(validation.valid ? [] : validation.errors).toEqual([]);
  return result.order;
}

/** A refusal's problems as `<JSON pointer> <message>` lines; none when the order mapped. */
export function problems(result: MappedOrder): string[] {
  return result.ok ? [] : result.problems.map((p) => `${p.path} ${p.message}`);
}
