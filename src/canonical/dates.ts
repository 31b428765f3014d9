import { Type, type Static } from '@sinclair/typebox';
import { Code, IsoDate, IsoTime, StringEnum, Text } from './primitives.js';

/**
 * What a date means. The list covers the dates that order, shipping and invoicing rules read; any
 * other keeps its X12 qualifier with type `other`, so nothing the partner sent is lost.
 */
export const DATE_TYPES = [
  'cancel_after',
  'requested_delivery',
  'invoice',
  'purchase_order',
  'effective',
  'requested_ship',
  'shipped',
  'estimated_delivery',
  'available',
  'delivered',
  'expiration',
  'ship_not_before',
  'ship_not_after',
  'deliver_not_after',
  'deliver_not_before',
  'scheduled_delivery',
  'scheduled_ship',
  'promised_delivery',
  'created',
  'required_by',
  'requested_pickup',
  'lot_expiration',
  'report_period',
  'other',
] as const;
export const DateType = StringEnum(DATE_TYPES);
export type DateType = Static<typeof DateType>;

/**
 * A dated event (X12 DTM, or a date element of a header segment). A period has `endDate`. A DTM
 * that sent its date as a period (DTM05/DTM06) keeps the period's format in `periodFormat`; a
 * period in a format the gateway does not convert, or one beside a DTM02 date, stays as sent in
 * `period`.
 */
export const DateEntry = Type.Object(
  {
    type: DateType,
    /** The X12 date/time qualifier as sent (`002`, `011`...), where the date came from X12. */
    qualifier: Type.Optional(Code),
    date: IsoDate,
    time: Type.Optional(IsoTime),
    /** X12 time code (`ET`, `UT`...) where sent. */
    timeZone: Type.Optional(Code),
    endDate: Type.Optional(IsoDate),
    endTime: Type.Optional(IsoTime),
    /** X12 date/time period format qualifier (DTM05: `D8`, `DT`, `RD8`, `RDT`, `TM`...) where sent. */
    periodFormat: Type.Optional(Code),
    /** The period (DTM06) as sent, where it was not converted into the fields above. */
    period: Type.Optional(Text),
  },
  { additionalProperties: false },
);
export type DateEntry = Static<typeof DateEntry>;
