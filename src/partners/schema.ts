import { Type, type Static } from '@sinclair/typebox';
import { AcknowledgementsSchema } from './schema/acknowledgements.js';
import { BusinessSchema } from './schema/business.js';
import { TaggedUnion } from './schema/combinators.js';
import { DocumentsSchema, MappingsSchema } from './schema/documents.js';
import { DuplicatesSchema } from './schema/duplicates.js';
import { IdentitySchema } from './schema/identity.js';
import { IntakeSchema } from './schema/intake.js';
import { LimitsSchema } from './schema/limits.js';
import { MarketplaceConnectionSchema, X12TransportSchema } from './schema/transport.js';
import { X12SettingsSchema } from './schema/x12-settings.js';

const PartnerId = Type.String({
  pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
  description: 'a kebab-case id equal to the file name, such as bigbox-retail',
});
const name = Type.String({ minLength: 1, description: 'the name people know the partner by' });
const enabled = Type.Boolean({ default: true });

/** A trading partner that exchanges X12 with us over SFTP, AS2, a folder or HTTP. */
export const X12PartnerSchema = Type.Object(
  {
    id: PartnerId,
    name,
    kind: Type.Literal('x12'),
    enabled,
    identity: IdentitySchema,
    x12: X12SettingsSchema,
    documents: DocumentsSchema,
    mappings: MappingsSchema,
    acknowledgements: AcknowledgementsSchema,
    duplicates: DuplicatesSchema,
    transport: X12TransportSchema,
    business: BusinessSchema,
    intake: Type.Optional(IntakeSchema),
    limits: Type.Optional(LimitsSchema),
  },
  { additionalProperties: false },
);

/** A marketplace seller account whose orders we pull and confirm through the platform's API. */
export const MarketplacePartnerSchema = Type.Object(
  {
    id: PartnerId,
    name,
    kind: Type.Literal('marketplace'),
    enabled,
    duplicates: DuplicatesSchema,
    transport: MarketplaceConnectionSchema,
    business: BusinessSchema,
  },
  { additionalProperties: false },
);

/**
 * The JSON Schema of `partners/<id>.yaml`. The TypeScript types of a partner file come from it, so
 * the type and what the loader accepts cannot drift apart.
 */
export const PartnerSchema = TaggedUnion('kind', [X12PartnerSchema, MarketplacePartnerSchema]);

/** A partner file as validated, with the schema's defaults in place but not yet those that depend on the version. */
export type PartnerFile = Static<typeof PartnerSchema>;
export type X12PartnerFile = Static<typeof X12PartnerSchema>;
export type MarketplacePartnerFile = Static<typeof MarketplacePartnerSchema>;
