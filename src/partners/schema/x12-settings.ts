import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from './combinators.js';

const Separator = Type.Optional(Type.String({ minLength: 1, maxLength: 1 }));

/**
 * Separators for the files we send. Each one left out takes the usual value for the version (see
 * `outboundDelimiters`), so a partner file only names what the partner's guide demands.
 */
export const OutboundDelimitersSchema = Type.Object(
  {
    element: Separator,
    component: Separator,
    segment: Separator,
    repetition: Separator,
  },
  { additionalProperties: false, default: {} },
);

export const X12SettingsSchema = Type.Object(
  {
    version: Type.String({
      pattern: '^(004010|005010)[A-Z0-9]{0,6}$',
      description:
        '004010 or 005010, optionally with the implementation suffix the partner puts in GS08 (004010VICS, 005010X222A1), in quotes so that YAML keeps it as text',
    }),
    interchangeVersion: Type.Optional(
      Type.String({
        pattern: '^00[2-9]0[0-9]$',
        description: 'an ISA12 version such as 00401 or 00501 (default: from version)',
      }),
    ),
    delimiters: OutboundDelimitersSchema,
    segmentNewline: Type.Boolean({ default: false }),
    usage: StringEnum(['P', 'T'], { default: 'P', description: 'ISA15: P (production) or T (test)' }),
  },
  { additionalProperties: false, description: 'the X12 version and separators of the files we send them' },
);

export type X12SettingsFile = Static<typeof X12SettingsSchema>;
