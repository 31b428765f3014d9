import { Type, type Static } from '@sinclair/typebox';
import { Code, DecimalString, IsoDate, Text } from './primitives.js';

const Days = Type.Integer({ minimum: 0 });

/** Terms of sale (X12 ITD): e.g. 2% 10 days, net 30. */
export const PaymentTerms = Type.Object(
  {
    /** Terms type code (ITD01: `01` basic, `05` discount not applicable, `14` previously agreed...). */
    typeCode: Type.Optional(Code),
    /** What the days count from (ITD02: `3` invoice date, `2` delivery date...). */
    basisDateCode: Type.Optional(Code),
    discountPercent: Type.Optional(DecimalString),
    discountDueDate: Type.Optional(IsoDate),
    discountDays: Type.Optional(Days),
    netDueDate: Type.Optional(IsoDate),
    netDays: Type.Optional(Days),
    discountAmount: Type.Optional(DecimalString),
    dayOfMonth: Type.Optional(Type.Integer({ minimum: 1, maximum: 31 })),
    description: Type.Optional(Text),
  },
  { additionalProperties: false },
);
export type PaymentTerms = Static<typeof PaymentTerms>;
