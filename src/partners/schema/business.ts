import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from './combinators.js';

export const AllocationSchema = Type.Object(
  {
    strategy: StringEnum(['single-location-first', 'split-allowed', 'priority'], {
      default: 'single-location-first',
    }),
    locations: Type.Optional(
      Type.Array(Type.String({ minLength: 1 }), {
        minItems: 1,
        uniqueItems: true,
        description: 'the locations to ship from, in order of preference',
      }),
    ),
  },
  { additionalProperties: false, default: {} },
);

export const BusinessSchema = Type.Object(
  {
    priceList: Type.Optional(Type.String({ minLength: 1 })),
    priceTolerancePercent: Type.Number({
      minimum: 0,
      maximum: 100,
      default: 0,
      description: 'how far their unit price may stray from ours before the line is held',
    }),
    allocation: AllocationSchema,
    currency: Type.String({
      pattern: '^[A-Z]{3}$',
      default: 'USD',
      description: 'an ISO 4217 code such as USD',
    }),
    minimumOrderQuantity: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false, default: {} },
);

export type BusinessSettings = Static<typeof BusinessSchema>;
export type AllocationRules = Static<typeof AllocationSchema>;
