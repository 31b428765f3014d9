import { Type, type Static } from '@sinclair/typebox';
import { Code, Text } from './primitives.js';

/**
 * The well-known identifiers of a product, named so that catalogue and allocation rules need not
 * know X12 qualifiers. Each holds the first value of its kind the partner sent.
 */
export const ProductIds = Type.Object(
  {
    buyerPartNumber: Type.Optional(Text),
    vendorPartNumber: Type.Optional(Text),
    buyerCatalogNumber: Type.Optional(Text),
    vendorCatalogNumber: Type.Optional(Text),
    manufacturerPartNumber: Type.Optional(Text),
    buyerStyleNumber: Type.Optional(Text),
    vendorStyleNumber: Type.Optional(Text),
    modelNumber: Type.Optional(Text),
    upc: Type.Optional(Text),
    /** UPC/EAN case code (shipping container). */
    caseUpc: Type.Optional(Text),
    gtin: Type.Optional(Text),
    ean: Type.Optional(Text),
    isbn: Type.Optional(Text),
    sku: Type.Optional(Text),
    asin: Type.Optional(Text),
    ndc: Type.Optional(Text),
    lotNumber: Type.Optional(Text),
    serialNumber: Type.Optional(Text),
  },
  { additionalProperties: false },
);
export type ProductIds = Static<typeof ProductIds>;

/**
 * One product identifier exactly as sent, in the order sent. Replies (855, 856, 810) echo the
 * partner's own qualifiers, which the friendly {@link ProductIds} cannot always tell apart.
 */
export const ProductIdentifier = Type.Object(
  { qualifier: Code, value: Text },
  { additionalProperties: false },
);
export type ProductIdentifier = Static<typeof ProductIdentifier>;
