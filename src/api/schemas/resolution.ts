import { Type, type TSchema } from '@sinclair/typebox';
import { RESOLUTION_IDS, type ResolutionId } from '../../core/index.js';
import { Amount, Sentence, StringEnumOf } from './fields.js';

const LineNumber = Type.String({ minLength: 1, description: 'the line number as the order has it' });

/** The envelope of `POST /api/exceptions/:id/resolve`, checked before the resolution's own inputs. */
export const ResolveBodySchema = Type.Object(
  {
    resolution: Type.Object(
      {
        id: StringEnumOf(Object.values(RESOLUTION_IDS), `one of ${Object.values(RESOLUTION_IDS).join(', ')}`),
      },
      { additionalProperties: true },
    ),
  },
  { additionalProperties: false },
);

const inputs = (properties: Record<string, TSchema>) =>
  Type.Object({ id: Type.String(), ...properties }, { additionalProperties: false });

/** The inputs each resolution takes, beside its `id`. */
export const ResolutionInputSchemas: Record<ResolutionId, TSchema> = {
  'accept-price': inputs({ lineNumber: LineNumber, unitPrice: Type.Optional(Amount) }),
  'change-quantity': inputs({ lineNumber: LineNumber, quantity: Amount }),
  'cancel-line': inputs({ lineNumber: LineNumber, reason: Sentence }),
  'reject-order': inputs({ reason: Sentence }),
  'release-hold': inputs({
    ruleId: Type.String({ minLength: 1, description: 'the id of the rule whose hold is released' }),
    lineNumber: Type.Optional(LineNumber),
    note: Sentence,
  }),
};
