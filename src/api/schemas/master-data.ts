import { Type } from '@sinclair/typebox';
import { Amount, Identifier, StringEnumOf, UnitCode } from './fields.js';

const Ids = Type.Array(Type.String({ minLength: 1, maxLength: 128 }), { uniqueItems: true });

const SellingUnit = Type.Object(
  { uom: UnitCode, packSize: Type.Optional(Amount), minimumOrderQuantity: Type.Optional(Amount) },
  { additionalProperties: false },
);

export const CatalogItemSchema = Type.Object(
  {
    itemId: Identifier,
    description: Type.Optional(Type.String()),
    status: StringEnumOf(['active', 'discontinued'] as const, 'active or discontinued'),
    replacementItemId: Type.Optional(Identifier),
    units: Type.Array(SellingUnit, { minItems: 1 }),
    crossReference: Type.Object(
      {
        upc: Type.Optional(Ids),
        gtin: Type.Optional(Ids),
        vendorPartNumber: Type.Optional(Ids),
        sku: Type.Optional(Ids),
      },
      { additionalProperties: false },
    ),
    /** Partner id to that partner's own part numbers. */
    buyerPartNumbers: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$' }), Ids)),
  },
  { additionalProperties: false },
);

/** `PUT /api/catalog`. */
export const CatalogLoadSchema = Type.Object(
  { items: Type.Array(CatalogItemSchema, { minItems: 1 }) },
  { additionalProperties: false },
);

/** `PUT /api/price-lists/:id`. */
export const PriceListLoadSchema = Type.Object(
  {
    entries: Type.Array(
      Type.Object(
        {
          itemId: Identifier,
          uom: UnitCode,
          unitPrice: Amount,
          partnerId: Type.Optional(Identifier),
          contractNumber: Type.Optional(Identifier),
        },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
  },
  { additionalProperties: false },
);

/** `PUT /api/inventory`. */
export const InventoryLoadSchema = Type.Object(
  {
    levels: Type.Array(
      Type.Object(
        {
          itemId: Identifier,
          locationId: Identifier,
          kind: StringEnumOf(['dc', '3pl', 'dropship'] as const, 'dc, 3pl or dropship'),
          onHand: Amount,
        },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
  },
  { additionalProperties: false },
);
