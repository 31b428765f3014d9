import { Type, type Static } from '@sinclair/typebox';
import { AllowanceCharge } from './allowance-charge.js';
import { Carrier } from './carrier.js';
import { DateEntry } from './dates.js';
import { documentBase } from './document-base.js';
import { LineSchedule, productLineDetails } from './line-parts.js';
import { Note } from './note.js';
import { Contact, Party } from './party.js';
import { PaymentTerms } from './payment-terms.js';
import { Code, CurrencyCode, DecimalString, IsoDate, StringEnum, Text } from './primitives.js';
import { DocumentPurpose } from './purpose.js';
import { Reference } from './reference.js';
import { Tax } from './tax.js';

export const ORDER_TYPES = [
  'stand_alone',
  'drop_ship',
  'new_order',
  'release',
  'blanket',
  'rush',
  'reorder',
  'consigned',
  'promotion',
  'marketplace',
  'other',
] as const;
export const OrderType = StringEnum(ORDER_TYPES);
export type OrderType = Static<typeof OrderType>;

/** One ordered product (X12 PO1 loop; a marketplace order item). */
export const PurchaseOrderLine = Type.Object(
  {
    /** The buyer's line number (PO101); the line's position, counted from 1, where none was sent. */
    lineNumber: Text,
    quantity: DecimalString,
    uom: Code,
    unitPrice: Type.Optional(DecimalString),
    ...productLineDetails,
    schedules: Type.Optional(Type.Array(LineSchedule)),
  },
  { additionalProperties: false },
);
export type PurchaseOrderLine = Static<typeof PurchaseOrderLine>;

/** What the sender declared as totals (X12 CTT/AMT); checking them against the lines is a business rule. */
export const PurchaseOrderTotals = Type.Object(
  {
    lineCount: Type.Optional(Type.Integer({ minimum: 0 })),
    /** Hash total of line quantities (CTT02). */
    quantityTotal: Type.Optional(DecimalString),
    /** Total order amount (AMT `TT`). */
    amount: Type.Optional(DecimalString),
    /** Total of the line items (AMT `1`). */
    lineItemsAmount: Type.Optional(DecimalString),
  },
  { additionalProperties: false },
);
export type PurchaseOrderTotals = Static<typeof PurchaseOrderTotals>;

/** A purchase order: an X12 850, or an order pulled from a marketplace. */
export const PurchaseOrder = Type.Object(
  {
    ...documentBase('purchase_order'),
    poNumber: Text,
    releaseNumber: Type.Optional(Text),
    orderDate: IsoDate,
    purpose: DocumentPurpose,
    purposeCode: Type.Optional(Code),
    orderType: Type.Optional(OrderType),
    orderTypeCode: Type.Optional(Code),
    contractNumber: Type.Optional(Text),
    currency: CurrencyCode,
    parties: Type.Array(Party),
    /** Who to talk to about the document itself (header PER), as opposed to a party's contacts. */
    contacts: Type.Optional(Type.Array(Contact)),
    lines: Type.Array(PurchaseOrderLine, { minItems: 1 }),
    references: Type.Array(Reference),
    dates: Type.Array(DateEntry),
    terms: Type.Optional(Type.Array(PaymentTerms)),
    allowancesCharges: Type.Optional(Type.Array(AllowanceCharge)),
    taxes: Type.Optional(Type.Array(Tax)),
    /** Requested routing, in the order the buyer listed it (X12 TD5). */
    carriers: Type.Optional(Type.Array(Carrier)),
    notes: Type.Array(Note),
    /**
     * The reference the notes were sent under (X12 N9: N901 qualifier, N902 value, N903
     * description), where they came in an N9 loop; written back ahead of them.
     */
    noteReference: Type.Optional(
      Type.Object(
        {
          qualifier: Code,
          value: Type.Optional(Text),
          description: Type.Optional(Text),
        },
        { additionalProperties: false },
      ),
    ),
    totals: Type.Optional(PurchaseOrderTotals),
  },
  { additionalProperties: false, title: 'purchase_order' },
);
export type PurchaseOrder = Static<typeof PurchaseOrder>;
