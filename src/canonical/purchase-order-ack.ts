import { Type, type Static } from '@sinclair/typebox';
import { DateEntry } from './dates.js';
import { documentBase } from './document-base.js';
import { ControlTotals, LineSchedule } from './line-parts.js';
import { Note } from './note.js';
import { Contact, Party } from './party.js';
import { Code, CurrencyCode, DecimalString, IsoDate, StringEnum, Text } from './primitives.js';
import { ProductIdentifier, ProductIds } from './product-ids.js';
import { DocumentPurpose } from './purpose.js';
import { Reference } from './reference.js';

/** How the seller answered the order as a whole (X12 BAK02). */
export const ACK_TYPES = [
  'accepted',
  'accepted_with_changes',
  'accepted_no_changes',
  'accepted_with_exceptions',
  'accepted_no_detail',
  'on_hold',
  'rejected',
  'rejected_with_detail',
  'rejected_with_exceptions',
  'rejected_with_counter_offer',
  'other',
] as const;
export const AckType = StringEnum(ACK_TYPES);
export type AckType = Static<typeof AckType>;

/** What happened to one line (X12 ACK01). */
export const LINE_STATUSES = [
  'accepted',
  'accepted_with_changes',
  'backordered',
  'partially_backordered',
  'rejected',
  'deleted',
  'on_hold',
  'price_changed',
  'quantity_changed',
  'date_rescheduled',
  'substituted',
  'released_for_shipment',
  'schedule_pending',
  'other',
] as const;
export const LineStatus = StringEnum(LINE_STATUSES);
export type LineStatus = Static<typeof LineStatus>;

/** One status statement about a line: a line can be partly accepted and partly backordered. */
export const LineStatusItem = Type.Object(
  {
    status: LineStatus,
    /** ACK01 as sent (`IA`, `IB`, `IR`...). */
    statusCode: Code,
    quantity: Type.Optional(DecimalString),
    uom: Type.Optional(Code),
    date: Type.Optional(DateEntry),
    /** For a substitution: the product that will be sent instead. */
    ids: Type.Optional(ProductIds),
    productIds: Type.Optional(Type.Array(ProductIdentifier)),
  },
  { additionalProperties: false },
);
export type LineStatusItem = Static<typeof LineStatusItem>;

export const PurchaseOrderAckLine = Type.Object(
  {
    lineNumber: Text,
    /** The quantity as ordered, echoed by the seller (PO102). */
    quantityOrdered: Type.Optional(DecimalString),
    uom: Type.Optional(Code),
    unitPrice: Type.Optional(DecimalString),
    priceBasis: Type.Optional(Code),
    ids: ProductIds,
    productIds: Type.Optional(Type.Array(ProductIdentifier)),
    description: Type.Optional(Text),
    statuses: Type.Array(LineStatusItem),
    schedules: Type.Optional(Type.Array(LineSchedule)),
    dates: Type.Optional(Type.Array(DateEntry)),
    references: Type.Optional(Type.Array(Reference)),
    notes: Type.Optional(Type.Array(Note)),
  },
  { additionalProperties: false },
);
export type PurchaseOrderAckLine = Static<typeof PurchaseOrderAckLine>;

/** A purchase order acknowledgment (X12 855). */
export const PurchaseOrderAck = Type.Object(
  {
    ...documentBase('purchase_order_ack'),
    poNumber: Text,
    /** The order's date as echoed by the seller (BAK04). */
    poDate: Type.Optional(IsoDate),
    purpose: DocumentPurpose,
    purposeCode: Type.Optional(Code),
    ackType: AckType,
    /** BAK02 as sent (`AC`, `AD`, `AE`, `AK`, `RJ`...). */
    ackTypeCode: Code,
    ackDate: Type.Optional(IsoDate),
    releaseNumber: Type.Optional(Text),
    requestReference: Type.Optional(Text),
    contractNumber: Type.Optional(Text),
    /** The seller's own order number (BAK08). */
    sellerOrderNumber: Type.Optional(Text),
    currency: Type.Optional(CurrencyCode),
    parties: Type.Array(Party),
    /** Who to talk to about the document itself (header PER), as opposed to a party's contacts. */
    contacts: Type.Optional(Type.Array(Contact)),
    lines: Type.Array(PurchaseOrderAckLine),
    references: Type.Array(Reference),
    dates: Type.Array(DateEntry),
    notes: Type.Array(Note),
    totals: Type.Optional(ControlTotals),
  },
  { additionalProperties: false, title: 'purchase_order_ack' },
);
export type PurchaseOrderAck = Static<typeof PurchaseOrderAck>;
