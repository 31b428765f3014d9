import { Type, type Static } from '@sinclair/typebox';
import { DateEntry } from './dates.js';
import { documentBase } from './document-base.js';
import { Note } from './note.js';
import { Party } from './party.js';
import { Code, CurrencyCode, DecimalString, IsoDate, StringEnum, Text } from './primitives.js';
import { Reference } from './reference.js';

export const PAYMENT_METHODS = [
  'ach',
  'check',
  'wire',
  'card',
  'financial_institution_option',
  'none',
  'other',
] as const;
export const PaymentMethod = StringEnum(PAYMENT_METHODS);
export type PaymentMethod = Static<typeof PaymentMethod>;

/**
 * The payment itself (X12 BPR and TRN). Bank routing and account numbers are deliberately not
 * kept: reconciliation does not need them and the canonical store should not hold them.
 */
export const Payment = Type.Object(
  {
    /** BPR01: `C` payment with remittance, `I` remittance information only, `D` payment only... */
    handlingCode: Code,
    amount: DecimalString,
    creditDebit: StringEnum(['credit', 'debit'] as const),
    method: PaymentMethod,
    /** BPR04 as sent (`ACH`, `CHK`, `FWT`...). */
    methodCode: Code,
    /** BPR05 payment format (`CCP`, `CTX`...). */
    formatCode: Type.Optional(Code),
    effectiveDate: Type.Optional(IsoDate),
    /** TRN02: check or trace number that ties the remittance to the money. */
    traceNumber: Type.Optional(Text),
    traceType: Type.Optional(Code),
    /** TRN03: the originator of the trace. */
    originatorId: Type.Optional(Text),
  },
  { additionalProperties: false },
);
export type Payment = Static<typeof Payment>;

/** An adjustment to the amount paid (X12 ADX). */
export const RemittanceAdjustment = Type.Object(
  {
    /** ENT01 of the entity the adjustment sits under, where it sits under one. */
    entityNumber: Type.Optional(Type.Integer({ minimum: 0 })),
    amount: DecimalString,
    /** Adjustment reason code (ADX02, e.g. `59` item not accepted). */
    reasonCode: Code,
    referenceQualifier: Type.Optional(Code),
    referenceId: Type.Optional(Text),
    references: Type.Optional(Type.Array(Reference)),
  },
  { additionalProperties: false },
);
export type RemittanceAdjustment = Static<typeof RemittanceAdjustment>;

/** One paid document, usually an invoice (X12 RMR loop). */
export const RemittanceItem = Type.Object(
  {
    entityNumber: Type.Optional(Type.Integer({ minimum: 0 })),
    /** RMR01: what `referenceId` is (`IV` invoice, `PO` purchase order, `ZZ` mutually defined...). */
    referenceQualifier: Code,
    referenceId: Type.Optional(Text),
    /** `referenceId` again where it is an invoice number (RMR01 `IV`). */
    invoiceNumber: Type.Optional(Text),
    paymentActionCode: Type.Optional(Code),
    amountPaid: Type.Optional(DecimalString),
    /** The invoice's own total (RMR05). */
    invoiceAmount: Type.Optional(DecimalString),
    discountAmount: Type.Optional(DecimalString),
    adjustmentReasonCode: Type.Optional(Code),
    adjustmentAmount: Type.Optional(DecimalString),
    references: Type.Optional(Type.Array(Reference)),
    dates: Type.Optional(Type.Array(DateEntry)),
    notes: Type.Optional(Type.Array(Note)),
    adjustments: Type.Optional(Type.Array(RemittanceAdjustment)),
  },
  { additionalProperties: false },
);
export type RemittanceItem = Static<typeof RemittanceItem>;

/** An organisation or person the following remittance items are for (X12 ENT loop). */
export const RemittanceEntity = Type.Object(
  {
    assignedNumber: Type.Optional(Type.Integer({ minimum: 0 })),
    entityCode: Type.Optional(Code),
    identifierQualifier: Type.Optional(Code),
    identifier: Type.Optional(Text),
    parties: Type.Optional(Type.Array(Party)),
    references: Type.Optional(Type.Array(Reference)),
  },
  { additionalProperties: false },
);
export type RemittanceEntity = Static<typeof RemittanceEntity>;

/**
 * A remittance advice (X12 820). Items and adjustments are listed flat, each naming the entity
 * it sits under, because reconciliation matches them against invoices one by one.
 */
export const Remittance = Type.Object(
  {
    ...documentBase('remittance'),
    payment: Payment,
    currency: Type.Optional(CurrencyCode),
    parties: Type.Array(Party),
    references: Type.Array(Reference),
    dates: Type.Array(DateEntry),
    entities: Type.Array(RemittanceEntity),
    items: Type.Array(RemittanceItem),
    adjustments: Type.Array(RemittanceAdjustment),
    notes: Type.Array(Note),
  },
  { additionalProperties: false, title: 'remittance' },
);
export type Remittance = Static<typeof Remittance>;
