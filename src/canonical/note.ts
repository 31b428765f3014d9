import { Type, type Static } from '@sinclair/typebox';
import { Code, StringEnum } from './primitives.js';

export const NOTE_TYPES = [
  'general',
  'gift_message',
  'order_instructions',
  'delivery',
  'special_handling',
  'product',
  'other',
] as const;
export const NoteType = StringEnum(NOTE_TYPES);
export type NoteType = Static<typeof NoteType>;

/** Free text the partner attached (X12 MSG, NTE; a marketplace's buyer note or gift message). */
export const Note = Type.Object(
  {
    type: NoteType,
    /** Note reference code as sent (NTE01), where there was one. */
    code: Type.Optional(Code),
    text: Type.String({ minLength: 1 }),
  },
  { additionalProperties: false },
);
export type Note = Static<typeof Note>;
