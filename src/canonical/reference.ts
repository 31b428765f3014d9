import { Type, type Static } from '@sinclair/typebox';
import { Code } from './primitives.js';

/**
 * A reference number (X12 REF, N9): what it is (`qualifier`, e.g. `DP` department, `IA` vendor
 * number, `BM` bill of lading) and its value. `value` is empty only where the partner sent a
 * description alone (REF02 left out, REF03 given).
 */
export const Reference = Type.Object(
  {
    qualifier: Code,
    value: Type.String(),
    description: Type.Optional(Type.String({ minLength: 1 })),
  },
  { additionalProperties: false },
);
export type Reference = Static<typeof Reference>;
