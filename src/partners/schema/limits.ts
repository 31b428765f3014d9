import { Type, type Static } from '@sinclair/typebox';

/**
 * Ceilings on what one partner may send. A file or set past them is rejected with the limit's
 * name, its raw bytes kept and findable like any other transmission.
 */
export const LimitsSchema = Type.Object(
  {
    maxFileBytes: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: 'the largest file read, in bytes; a larger one is stored and rejected unread',
      }),
    ),
    maxSegmentsPerSet: Type.Optional(
      Type.Integer({
        minimum: 4,
        description:
          'the most segments one transaction set may hold, ST to SE; past it the set is rejected (AK3 5)',
      }),
    ),
    maxHlDepth: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 100,
        description:
          'the deepest HL nesting taken (shipment, order, tare, pack, item is 5); past it the set is rejected (AK3 4)',
      }),
    ),
  },
  { additionalProperties: false },
);

export type PartnerLimits = Static<typeof LimitsSchema>;
