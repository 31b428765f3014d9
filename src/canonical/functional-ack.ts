import { Type, type Static } from '@sinclair/typebox';
import { documentBase } from './document-base.js';
import { Code, StringEnum, Text } from './primitives.js';

export const ACK_STATUSES = ['accepted', 'accepted_with_errors', 'partially_accepted', 'rejected'] as const;
export const AckStatus = StringEnum(ACK_STATUSES);
export type AckStatus = Static<typeof AckStatus>;

const Position = Type.Integer({ minimum: 1 });
/** A data element reference number (`66`, `1028`). */
const ElementRef = Type.String({ pattern: '^\\d+$' });

/** Where in the acknowledged set a 999 says the business context of an error lies (CTX). */
export const ErrorContext = Type.Object(
  {
    name: Text,
    reference: Type.Optional(Text),
    segmentId: Type.Optional(Code),
    segmentPosition: Type.Optional(Position),
    loopId: Type.Optional(Text),
    elementPosition: Type.Optional(Position),
    componentPosition: Type.Optional(Position),
    repetitionPosition: Type.Optional(Position),
    elementRef: Type.Optional(ElementRef),
  },
  { additionalProperties: false },
);
export type ErrorContext = Static<typeof ErrorContext>;

/** AK4 / IK4: one bad element. */
export const ElementErrorReport = Type.Object(
  {
    elementPosition: Position,
    componentPosition: Type.Optional(Position),
    repetitionPosition: Type.Optional(Position),
    elementRef: Type.Optional(ElementRef),
    /** AK403 / IK403 error code. */
    code: Code,
    /** Copy of the bad data (AK404 / IK404). */
    value: Type.Optional(Type.String()),
    contexts: Type.Optional(Type.Array(ErrorContext)),
  },
  { additionalProperties: false },
);
export type ElementErrorReport = Static<typeof ElementErrorReport>;

/** AK3 / IK3: one bad segment, with the elements in error inside it. */
export const SegmentErrorReport = Type.Object(
  {
    segmentId: Code,
    segmentPosition: Position,
    loopId: Type.Optional(Text),
    /** AK304 / IK304 error code. */
    code: Type.Optional(Code),
    contexts: Type.Optional(Type.Array(ErrorContext)),
    elementErrors: Type.Array(ElementErrorReport),
  },
  { additionalProperties: false },
);
export type SegmentErrorReport = Static<typeof SegmentErrorReport>;

/** AK2..AK5 / AK2..IK5: the verdict on one transaction set. */
export const SetAcknowledgment = Type.Object(
  {
    transactionSetId: Code,
    controlNumber: Text,
    implementationReference: Type.Optional(Text),
    status: AckStatus,
    /** AK501 / IK501 as sent (`A`, `E`, `R`, `M`, `W`, `X`). */
    statusCode: Code,
    /** AK502-AK506 / IK502-IK506. */
    errorCodes: Type.Array(Code),
    segmentErrors: Type.Array(SegmentErrorReport),
  },
  { additionalProperties: false },
);
export type SetAcknowledgment = Static<typeof SetAcknowledgment>;

/** A functional acknowledgment received from a partner (X12 997 or 999) about a group we sent. */
export const FunctionalAck = Type.Object(
  {
    ...documentBase('functional_ack'),
    standard: StringEnum(['997', '999'] as const),
    /** The acknowledged group (AK1): functional id, GS06, and GS08 where sent. */
    group: Type.Object(
      { functionalId: Code, controlNumber: Text, version: Type.Optional(Text) },
      { additionalProperties: false },
    ),
    sets: Type.Array(SetAcknowledgment),
    groupStatus: AckStatus,
    /** AK901 as sent. */
    groupStatusCode: Code,
    setsIncluded: Type.Integer({ minimum: 0 }),
    setsReceived: Type.Integer({ minimum: 0 }),
    setsAccepted: Type.Integer({ minimum: 0 }),
    /** AK905-AK909. */
    groupErrorCodes: Type.Array(Code),
  },
  { additionalProperties: false, title: 'functional_ack' },
);
export type FunctionalAck = Static<typeof FunctionalAck>;
