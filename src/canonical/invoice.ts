import { Type, type Static } from '@sinclair/typebox';
import { AllowanceCharge } from './allowance-charge.js';
import { Carrier } from './carrier.js';
import { DateEntry } from './dates.js';
import { documentBase } from './document-base.js';
import { productLineDetails } from './line-parts.js';
import { Note } from './note.js';
import { Party } from './party.js';
import { PaymentTerms } from './payment-terms.js';
import { Code, CurrencyCode, DecimalString, IsoDate, StringEnum, Text } from './primitives.js';
import { DocumentPurpose } from './purpose.js';
import { Reference } from './reference.js';
import { Tax } from './tax.js';

export const INVOICE_TYPES = [
  'invoice',
  'consolidated_invoice',
  'credit_memo',
  'debit_memo',
  'other',
] as const;
export const InvoiceType = StringEnum(INVOICE_TYPES);
export type InvoiceType = Static<typeof InvoiceType>;

/** One invoiced product or service (X12 IT1 loop). */
export const InvoiceLine = Type.Object(
  {
    /** IT101 where sent; otherwise the line's position, counted from 1. */
    lineNumber: Text,
    quantity: DecimalString,
    uom: Code,
    unitPrice: DecimalString,
    ...productLineDetails,
  },
  { additionalProperties: false },
);
export type InvoiceLine = Static<typeof InvoiceLine>;

/** The amounts the seller declares (X12 TDS, in currency units; CTT). */
export const InvoiceTotals = Type.Object(
  {
    /** Total invoice amount, allowances, charges and taxes included (TDS01). */
    amount: DecimalString,
    /** Amount subject to the terms discount (TDS02). */
    amountSubjectToDiscount: Type.Optional(DecimalString),
    /** Amount due if the discount is taken (TDS03). */
    discountedAmountDue: Type.Optional(DecimalString),
    discountAmount: Type.Optional(DecimalString),
    lineCount: Type.Optional(Type.Integer({ minimum: 0 })),
    quantityTotal: Type.Optional(DecimalString),
  },
  { additionalProperties: false },
);
export type InvoiceTotals = Static<typeof InvoiceTotals>;

/** An invoice (X12 810). */
export const Invoice = Type.Object(
  {
    ...documentBase('invoice'),
    invoiceNumber: Text,
    invoiceDate: IsoDate,
    poNumber: Type.Optional(Text),
    poDate: Type.Optional(IsoDate),
    releaseNumber: Type.Optional(Text),
    invoiceType: Type.Optional(InvoiceType),
    /** BIG07 as sent (`DI`, `CR`...). */
    invoiceTypeCode: Type.Optional(Code),
    purpose: Type.Optional(DocumentPurpose),
    purposeCode: Type.Optional(Code),
    currency: CurrencyCode,
    parties: Type.Array(Party),
    lines: Type.Array(InvoiceLine, { minItems: 1 }),
    references: Type.Array(Reference),
    dates: Type.Array(DateEntry),
    terms: Type.Optional(Type.Array(PaymentTerms)),
    carriers: Type.Optional(Type.Array(Carrier)),
    /** Invoice-level allowances and charges (summary SAC). */
    allowancesCharges: Type.Optional(Type.Array(AllowanceCharge)),
    /** Invoice-level taxes (summary TXI). */
    taxes: Type.Optional(Type.Array(Tax)),
    notes: Type.Array(Note),
    totals: InvoiceTotals,
  },
  { additionalProperties: false, title: 'invoice' },
);
export type Invoice = Static<typeof Invoice>;
