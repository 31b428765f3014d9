import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from './combinators.js';

/** Interchange id qualifiers (ISA05/ISA07, code list I05) of versions 00401 to 00801. */
export const ISA_ID_QUALIFIERS = [
  ...['01', '02', '03', '04', '07', '08', '09', '10', '11', '12', '13', '14', '15', '16', '17', '18'],
  ...['19', '20', '21', '22', '23', '24', '25', '26', '27', '28', '29', '30', '31', '32', '33', '34'],
  ...['35', '36', '37', '38', 'AM', 'NR', 'SA', 'SN', 'ZZ'],
] as const;

// Printable ASCII without leading or trailing spaces: the writer pads ISA06/08 itself, and a
// padded id in the config would never match the unpadded id the reader hands over.
const ISA_ID = '^[!-~]([ -~]{0,13}[!-~])?$';
const GS_ID = '^[!-~][ -~]{0,13}[!-~]$';

export const PartyIdentitySchema = Type.Object(
  {
    isaQualifier: StringEnum(ISA_ID_QUALIFIERS, {
      description: 'an ISA id qualifier (I05), such as 01, 08, 12, ZZ',
    }),
    isaId: Type.String({
      pattern: ISA_ID,
      description: 'an ISA id of 1 to 15 characters without surrounding spaces (the writer pads it)',
    }),
    gsId: Type.Optional(
      Type.String({
        pattern: GS_ID,
        description: 'a GS application id of 2 to 15 characters; defaults to the ISA id',
      }),
    ),
  },
  { additionalProperties: false },
);

export const IdentitySchema = Type.Object(
  {
    theirs: PartyIdentitySchema,
    ours: PartyIdentitySchema,
  },
  {
    additionalProperties: false,
    description: 'who they are (ISA05/06, GS02 on their files) and who we are (ISA07/08, GS03)',
  },
);

export type PartyIdentityFile = Static<typeof PartyIdentitySchema>;
