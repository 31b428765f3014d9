import { Type, type Static } from '@sinclair/typebox';
import { Code, DecimalString, Text } from './primitives.js';

/** A tax line (X12 TXI). */
export const Tax = Type.Object(
  {
    /** Tax type code as sent (`ST` state sales, `CT` county, `FD`, `VA` value added...). */
    typeCode: Code,
    amount: Type.Optional(DecimalString),
    percent: Type.Optional(DecimalString),
    jurisdictionQualifier: Type.Optional(Code),
    jurisdiction: Type.Optional(Text),
    /** Tax exempt code (TXI06). */
    exemptCode: Type.Optional(Code),
    /** The amount the percent was applied to (TXI08). */
    basisAmount: Type.Optional(DecimalString),
    taxId: Type.Optional(Text),
  },
  { additionalProperties: false },
);
export type Tax = Static<typeof Tax>;
