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

export const PurchaseOrderAckOptionsSchema = Type.Object(
  { perOrder },
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
  },
  { additionalProperties: false, default: {} },
);

export const DocumentsSchema = Type.Object(
  {
    inbound: SetList,
    outbound: SetList,
    options: Type.Object(
      { '855': PurchaseOrderAckOptionsSchema, '856': ShipNoticeOptionsSchema },
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
export type PartnerMappings = Static<typeof MappingsSchema>;
