import { Type, type Static } from '@sinclair/typebox';
import { Carrier } from './carrier.js';
import { DateEntry } from './dates.js';
import { documentBase } from './document-base.js';
import { ControlTotals, LinePack } from './line-parts.js';
import { Note } from './note.js';
import { Party, PartyIdentifier } from './party.js';
import { Code, DecimalString, IsoDate, IsoTime, Measure, Text } from './primitives.js';
import { ProductIdentifier, ProductIds } from './product-ids.js';
import { DocumentPurpose } from './purpose.js';
import { Reference } from './reference.js';

/** Serial Shipping Container Code, without the GS1 application identifier `00`. */
const Sscc = Type.String({ pattern: '^\\d{18}$', description: 'an SSCC-18 of 18 digits' });

/** What a level holds beside its children: the X12 HL id it came from, references, dates. */
const levelCommon = {
  /** HL01 of the level, so that errors and replies can point at it. */
  hlId: Type.Optional(Text),
  references: Type.Optional(Type.Array(Reference)),
  dates: Type.Optional(Type.Array(DateEntry)),
};

/** Physical container properties shared by shipments, tares and packs (X12 TD1, MEA, MAN). */
const containerCommon = {
  /** Packaging code (TD101, e.g. `CTN25`) and how many (TD102). */
  packagingCode: Type.Optional(Code),
  ladingQuantity: Type.Optional(DecimalString),
  weights: Type.Optional(Type.Array(Measure)),
  volumes: Type.Optional(Type.Array(Measure)),
  /** Marks and numbers (MAN) with their qualifier, e.g. `GM` SSCC-18, `CP` carrier package id. */
  marks: Type.Optional(Type.Array(PartyIdentifier)),
  trackingNumbers: Type.Optional(Type.Array(Text)),
};

/** A shipped product (HL level `I`). */
export const ShipNoticeItem = Type.Object(
  {
    ...levelCommon,
    /** LIN01, the buyer's line number where sent. */
    lineNumber: Type.Optional(Text),
    ids: ProductIds,
    productIds: Type.Optional(Type.Array(ProductIdentifier)),
    quantityShipped: DecimalString,
    uom: Code,
    quantityOrdered: Type.Optional(DecimalString),
    orderedUom: Type.Optional(Code),
    description: Type.Optional(Text),
    pack: Type.Optional(LinePack),
    parties: Type.Optional(Type.Array(Party)),
  },
  { additionalProperties: false },
);
export type ShipNoticeItem = Static<typeof ShipNoticeItem>;

/** A carton or other pack (HL level `P`). `sscc` is the 18-digit serial shipping container code. */
export const ShipNoticePack = Type.Object(
  {
    ...levelCommon,
    ...containerCommon,
    sscc: Type.Optional(Sscc),
    items: Type.Array(ShipNoticeItem),
  },
  { additionalProperties: false },
);
export type ShipNoticePack = Static<typeof ShipNoticePack>;

/** A pallet or other tare (HL level `T`) holding packs or loose items. */
export const ShipNoticeTare = Type.Object(
  {
    ...levelCommon,
    ...containerCommon,
    sscc: Type.Optional(Sscc),
    packs: Type.Array(ShipNoticePack),
    items: Type.Array(ShipNoticeItem),
  },
  { additionalProperties: false },
);
export type ShipNoticeTare = Static<typeof ShipNoticeTare>;

/** One purchase order in the shipment (HL level `O`). Items may sit in packs, tares, or directly here. */
export const ShipNoticeOrder = Type.Object(
  {
    ...levelCommon,
    ...containerCommon,
    poNumber: Type.Optional(Text),
    releaseNumber: Type.Optional(Text),
    poDate: Type.Optional(IsoDate),
    parties: Type.Optional(Type.Array(Party)),
    tares: Type.Array(ShipNoticeTare),
    packs: Type.Array(ShipNoticePack),
    items: Type.Array(ShipNoticeItem),
  },
  { additionalProperties: false },
);
export type ShipNoticeOrder = Static<typeof ShipNoticeOrder>;

/** An advance ship notice (X12 856). The shipment-level HL is the document itself. */
export const ShipNotice = Type.Object(
  {
    ...documentBase('ship_notice'),
    ...containerCommon,
    /** BSN02, the shipper's shipment id. */
    shipmentId: Text,
    purpose: DocumentPurpose,
    purposeCode: Type.Optional(Code),
    /** BSN03/BSN04: when the shipment was put together; the ship date proper is the `shipped` entry of `dates`. */
    shipmentDate: IsoDate,
    shipmentTime: Type.Optional(IsoTime),
    /** BSN05 as sent (`0001` shipment/order/packaging/item...). */
    hierarchyStructureCode: Type.Optional(Code),
    /** The levels found, outermost first, e.g. `S/O/P/I` or `S/O/T/P/I`. */
    structure: Type.String({ pattern: '^S(/[OTPI])*$' }),
    hlId: Type.Optional(Text),
    carriers: Type.Optional(Type.Array(Carrier)),
    billOfLading: Type.Optional(Text),
    parties: Type.Array(Party),
    references: Type.Array(Reference),
    dates: Type.Array(DateEntry),
    notes: Type.Array(Note),
    orders: Type.Array(ShipNoticeOrder),
    totals: Type.Optional(ControlTotals),
  },
  { additionalProperties: false, title: 'ship_notice' },
);
export type ShipNotice = Static<typeof ShipNotice>;
