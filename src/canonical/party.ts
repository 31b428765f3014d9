import { Type, type Static } from '@sinclair/typebox';
import { Code, StringEnum, Text } from './primitives.js';
import { Reference } from './reference.js';

/** What a party does in a document. `other` keeps the partner's code in `roleCode`. */
export const PARTY_ROLES = [
  'buyer',
  'seller',
  'ship_to',
  'bill_to',
  'ship_from',
  'remit_to',
  'supplier',
  'vendor',
  'payer',
  'payee',
  'carrier',
  'sold_to',
  'ordered_by',
  'mark_for',
  'manufacturer',
  'shipper',
  'store',
  'warehouse',
  'insured',
  'other',
] as const;
export const PartyRole = StringEnum(PARTY_ROLES);
export type PartyRole = Static<typeof PartyRole>;

/** An identifier as sent: `qualifier` says which scheme (`1` DUNS, `UL` GLN, `92` buyer-assigned...). */
export const PartyIdentifier = Type.Object({ qualifier: Code, value: Text }, { additionalProperties: false });
export type PartyIdentifier = Static<typeof PartyIdentifier>;

/** A person or desk to reach (X12 PER). */
export const Contact = Type.Object(
  {
    /** Contact function code (`BD` buyer, `IC` information contact...). */
    function: Type.Optional(Code),
    name: Type.Optional(Text),
    phone: Type.Optional(Text),
    email: Type.Optional(Text),
    fax: Type.Optional(Text),
    /** Communication numbers whose kind has no field above, with their X12 qualifier. */
    other: Type.Optional(Type.Array(PartyIdentifier)),
  },
  { additionalProperties: false },
);
export type Contact = Static<typeof Contact>;

/**
 * A trading party: who, in which role, where. `identifiers` holds every id exactly as sent; `duns`
 * and `gln` repeat the well-known ones so that rules need not know the qualifiers.
 */
export const Party = Type.Object(
  {
    role: PartyRole,
    /** The entity identifier code as sent (N101 / NM101). */
    roleCode: Type.Optional(Code),
    /** Organisation name, or a person's family name. */
    name: Type.Optional(Text),
    /** Further name lines (X12 N2): a department, an "attention" line, a name too long for one field. */
    additionalNames: Type.Optional(Type.Array(Text)),
    /** A person's given name where the partner sends names in parts (NM104). */
    givenName: Type.Optional(Text),
    identifiers: Type.Optional(Type.Array(PartyIdentifier)),
    duns: Type.Optional(Text),
    gln: Type.Optional(Text),
    addressLines: Type.Optional(Type.Array(Text)),
    city: Type.Optional(Text),
    /** State or province code. */
    state: Type.Optional(Text),
    postalCode: Type.Optional(Text),
    /** Country code as sent (ISO 3166 alpha-2 or alpha-3). */
    country: Type.Optional(Text),
    contacts: Type.Optional(Type.Array(Contact)),
    references: Type.Optional(Type.Array(Reference)),
  },
  { additionalProperties: false },
);
export type Party = Static<typeof Party>;
