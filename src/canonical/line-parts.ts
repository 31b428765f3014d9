import { Type, type Static } from '@sinclair/typebox';
import { Code, DecimalString, Measure, Text } from './primitives.js';
import { DateEntry } from './dates.js';

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
