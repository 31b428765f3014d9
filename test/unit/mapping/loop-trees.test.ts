import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapTransactionSet } from '../../../src/mapping/index.js';
import { hasErrors } from '../../../src/x12/index.js';
import { CONTEXT, fixtureSets, loopTree } from './fixture-sets.js';
import { buildTestTree } from './tree.js';

const FIXTURES = new URL('../../../fixtures/x12/', import.meta.url);
const files = readdirSync(FIXTURES).flatMap((set) =>
  readdirSync(new URL(`${set}/`, FIXTURES)).map((file) => `${set}/${file}`),
);

describe('mapping does not depend on how a spec names its loops', () => {
  it.each(files)('%s maps the same from the validator tree and from a hand-built tree', (file) => {
    // Only sets that would be mapped: a supported set the validator accepted.
    for (const set of fixtureSets(file).filter((s) => s.loops && !hasErrors(s.diagnostics))) {
      const fromValidator = mapTransactionSet(set, loopTree(set), CONTEXT);
      const fromTestTree = mapTransactionSet(set, buildTestTree(set), CONTEXT);
      expect(fromValidator).toEqual(fromTestTree);
    }
  });
});
