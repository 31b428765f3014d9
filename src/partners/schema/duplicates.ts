import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from './combinators.js';

/** What to do with an interchange (or marketplace order) seen before within the window. */
export const DuplicatesSchema = Type.Object(
  {
    windowDays: Type.Integer({ minimum: 1, maximum: 3650, default: 30 }),
    // Rejecting is the safe default: a resent file would otherwise become a second order.
    policy: StringEnum(['reject', 'accept-and-flag'], { default: 'reject' }),
  },
  { additionalProperties: false, default: {} },
);

export type DuplicatePolicy = Static<typeof DuplicatesSchema>;
