import { Type, type Static } from '@sinclair/typebox';
import { Code, DecimalString, StringEnum, Text } from './primitives.js';

export const ALLOWANCE_CHARGE_INDICATORS = ['allowance', 'charge', 'no_charge', 'other'] as const;
export const AllowanceChargeIndicator = StringEnum(ALLOWANCE_CHARGE_INDICATORS);

/**
 * A discount or a surcharge (X12 SAC): freight, handling, promotional allowance, a tax line.
 * `amount` is already in currency units (SAC05 is sent with two implied decimals).
 */
export const AllowanceCharge = Type.Object(
  {
    indicator: AllowanceChargeIndicator,
    /** SAC01 as sent (`A`, `C`, `N`). */
    indicatorCode: Code,
    /** Service, promotion, allowance or charge code (SAC02, e.g. `D240` freight, `G830` shipping). */
    code: Type.Optional(Code),
    /** Agency and agency code (SAC03/SAC04) for codes from another list. */
    agencyQualifier: Type.Optional(Code),
    agencyCode: Type.Optional(Text),
    amount: Type.Optional(DecimalString),
    /** What `percent` applies to (SAC06). */
    percentQualifier: Type.Optional(Code),
    percent: Type.Optional(DecimalString),
    rate: Type.Optional(DecimalString),
    uom: Type.Optional(Code),
    quantity: Type.Optional(DecimalString),
    /** How the allowance or charge is settled (SAC12: `02` off invoice, `06` charge to be paid by customer...). */
    handlingCode: Type.Optional(Code),
    referenceId: Type.Optional(Text),
    description: Type.Optional(Text),
  },
  { additionalProperties: false },
);
export type AllowanceCharge = Static<typeof AllowanceCharge>;
