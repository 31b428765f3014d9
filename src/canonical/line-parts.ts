import { Type, type Static } from '@sinclair/typebox';
import { Code, DecimalString, Measure, Text } from './primitives.js';
import { AllowanceCharge } from './allowance-charge.js';
import { DateEntry } from './dates.js';
import { Note } from './note.js';
import { Party } from './party.js';
import { ProductIdentifier, ProductIds } from './product-ids.js';
import { Reference } from './reference.js';
import { Tax } from './tax.js';

/** How a line's product is packed (X12 PO4): e.g. 4 inner packs of 6 EA, 3 LB each. */
export const LinePack = Type.Object(
  {
    /** Number of inner units per outer pack (PO401). */
    pack: Type.Optional(DecimalString),
    /** Size of each inner unit (PO402) in `uom`. */
    size: Type.Optional(DecimalString),
    uom: Type.Optional(Code),
    /** Packaging code (PO404, e.g. `CTN25`, `PLT94`). */
    packagingCode: Type.Optional(Code),
    weight: Type.Optional(Measure),
    volume: Type.Optional(Measure),
    innerPack: Type.Optional(DecimalString),
  },
  { additionalProperties: false },
);
export type LinePack = Static<typeof LinePack>;

/** A delivery or shipment schedule for part of a line's quantity (X12 SCH). */
export const LineSchedule = Type.Object(
  {
    quantity: DecimalString,
    uom: Type.Optional(Code),
    dates: Type.Array(DateEntry),
    requestReference: Type.Optional(Text),
    assignedId: Type.Optional(Text),
  },
  { additionalProperties: false },
);
export type LineSchedule = Static<typeof LineSchedule>;

/** A coded product description other than the main one (X12 PID with a characteristic code: colour `75`, size `91`...). */
export const ProductCharacteristic = Type.Object(
  { code: Code, description: Text },
  { additionalProperties: false },
);
export type ProductCharacteristic = Static<typeof ProductCharacteristic>;

/** The sender's control totals over the lines (X12 CTT): a check that no line went missing. */
export const ControlTotals = Type.Object(
  {
    lineCount: Type.Optional(Type.Integer({ minimum: 0 })),
    /** Hash total of the line quantities (CTT02). */
    quantityTotal: Type.Optional(DecimalString),
  },
  { additionalProperties: false },
);
export type ControlTotals = Static<typeof ControlTotals>;

/**
 * What an ordered line and an invoiced line say alike about their product, beyond number,
 * quantity and price: spread into both schemas so the two cannot drift apart.
 */
export const productLineDetails = {
  /** Basis of the unit price (`PE` per each, `CT` contract...). */
  priceBasis: Type.Optional(Code),
  ids: ProductIds,
  productIds: Type.Optional(Type.Array(ProductIdentifier)),
  description: Type.Optional(Text),
  characteristics: Type.Optional(Type.Array(ProductCharacteristic)),
  pack: Type.Optional(LinePack),
  dates: Type.Optional(Type.Array(DateEntry)),
  parties: Type.Optional(Type.Array(Party)),
  references: Type.Optional(Type.Array(Reference)),
  notes: Type.Optional(Type.Array(Note)),
  allowancesCharges: Type.Optional(Type.Array(AllowanceCharge)),
  taxes: Type.Optional(Type.Array(Tax)),
};
