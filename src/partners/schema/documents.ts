import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from './combinators.js';

/** The transaction sets the gateway holds specs and mappings for. */
export const TRANSACTION_SETS = ['810', '820', '850', '855', '856', '997', '999'] as const;
export type TransactionSetId = (typeof TRANSACTION_SETS)[number];

const TransactionSetIdSchema = StringEnum(TRANSACTION_SETS, {
  description: `a transaction set id the gateway handles (${TRANSACTION_SETS.join(', ')}), in quotes`,
});

const SetList = Type.Array(TransactionSetIdSchema, { uniqueItems: true, default: [] });

const perOrder = Type.Boolean({
  default: false,
  description:
    'true: one document per purchase order, sent on its own as soon as it is ready; false: the answers to the orders of one inbound interchange go out together',
});

const Qualifiers = (what: string) =>
  Type.Array(Type.String({ pattern: '^[A-Z0-9]{1,3}$', description: `an X12 ${what} code` }), {
    uniqueItems: true,
  });

/**
 * What of the original purchase order a document sent back repeats: the PO's header references
 * (REF01 qualifiers, e.g. DP for the department), its parties (N101 codes, e.g. ST) and each
 * line's product ids (PO1 qualifiers, e.g. IN for the buyer's item number, VN).
 */
export const EchoSchema = Type.Object(
  {
    references: Type.Optional(Qualifiers('REF01 reference qualifier')),
    parties: Type.Optional(Qualifiers('N101 entity identifier')),
    lineIds: Type.Optional(Qualifiers('product id qualifier (PO106, PO108...)')),
  },
  {
    additionalProperties: false,
    description: 'fields of the original purchase order that this document repeats',
  },
);

export const PurchaseOrderAckOptionsSchema = Type.Object(
  { perOrder, echo: Type.Optional(EchoSchema) },
  { additionalProperties: false, default: {} },
);

export const InvoiceOptionsSchema = Type.Object(
  { echo: Type.Optional(EchoSchema) },
  { additionalProperties: false, default: {} },
);

export const ShipNoticeOptionsSchema = Type.Object(
  {
    perOrder,
    hierarchy: StringEnum(['SOTPI', 'SOPI', 'SOI'], {
      default: 'SOPI',
      description: 'the HL levels: shipment, order, [tare,] [pack,] item',
    }),
    // Default depends on the hierarchy (no pack level, no carton label), so it is filled later.
    packageLabel: Type.Optional(StringEnum(['sscc-18', 'none'])),
    echo: Type.Optional(EchoSchema),
  },
  { additionalProperties: false, default: {} },
);

export const DocumentsSchema = Type.Object(
  {
    inbound: SetList,
    outbound: SetList,
    options: Type.Object(
      {
        '855': PurchaseOrderAckOptionsSchema,
        '856': ShipNoticeOptionsSchema,
        '810': InvoiceOptionsSchema,
      },
      { additionalProperties: false, default: {} },
    ),
  },
  { additionalProperties: false, description: 'which transaction sets they send us and we send them' },
);

/**
 * Per set, the partner's override file layered on `mappings/x12/<version>/<set>.yaml`. The path is
 * relative to the mappings folder and may not climb out of it.
 */
export const MappingsSchema = Type.Record(
  Type.String({ pattern: `^(${TRANSACTION_SETS.join('|')})$` }),
  Type.Object(
    {
      overrides: Type.Optional(
        Type.String({
          pattern: '^(?!/)(?!(.*/)?\\.\\.(/|$))[A-Za-z0-9._/-]+$',
          description: 'a path inside the mappings folder, such as partners/bigbox-retail/856.yaml',
        }),
      ),
    },
    { additionalProperties: false },
  ),
  {
    additionalProperties: false,
    default: {},
    description: `keys are transaction set ids (${TRANSACTION_SETS.join(', ')})`,
  },
);

export type DocumentsFile = Static<typeof DocumentsSchema>;
export type ShipNoticeOptionsFile = Static<typeof ShipNoticeOptionsSchema>;
export type PurchaseOrderAckOptions = Static<typeof PurchaseOrderAckOptionsSchema>;
export type InvoiceOptions = Static<typeof InvoiceOptionsSchema>;
export type EchoOptions = Static<typeof EchoSchema>;
export type PartnerMappings = Static<typeof MappingsSchema>;
