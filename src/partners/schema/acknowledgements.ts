import { Type, type Static } from '@sinclair/typebox';
import type { AcknowledgementType, Ta1Policy } from '../../x12/index.js';
import { StringEnum } from './combinators.js';

const FUNCTIONAL = ['997', '999', 'none'] as const satisfies readonly (AcknowledgementType | 'none')[];
const TA1 = ['auto', 'always', 'never'] as const satisfies readonly Ta1Policy[];

export const AcknowledgementsSchema = Type.Object(
  {
    // Default depends on the version (997 for 004010, 999 for 005010), so it is filled later.
    functional: Type.Optional(StringEnum(FUNCTIONAL)),
    ta1: StringEnum(TA1, {
      default: 'auto',
      description: 'auto: when they ask (ISA14 = 1) or the interchange is bad',
    }),
    expectWithinHours: Type.Number({
      exclusiveMinimum: 0,
      maximum: 720,
      default: 24,
      description: 'how long they have to acknowledge our files before we flag them',
    }),
    requestTa1: Type.Boolean({ default: false, description: 'ISA14 on the files we send' }),
  },
  { additionalProperties: false, default: {} },
);

export type AcknowledgementsFile = Static<typeof AcknowledgementsSchema>;
