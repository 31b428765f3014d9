import type { AckCodeValue, GroupErrorCode, InterchangeNoteCode, TransactionSetErrorCode } from '../codes.js';

export type AcknowledgementType = '997' | '999';

/** `auto`: a TA1 when the sender asked for one (ISA14 = 1) or the interchange itself is in error. */
export type Ta1Policy = 'auto' | 'always' | 'never';

export interface AcknowledgementOptions {
  /** Force one kind for every group. Default per group: GS08 005010 or later -> 999, else 997. */
  readonly type?: AcknowledgementType;
  /** Default `auto`. */
  readonly ta1?: Ta1Policy;
  /**
   * First control numbers to use: ISA13, then GS06 upwards per outbound group and ST02 upwards per
   * outbound set. The summary says which were used.
   */
  readonly controlNumbers: {
    readonly interchange: number;
    readonly group: number;
    readonly transactionSet: number;
  };
  /** Date and time written in ISA09/10 and GS04/05, taken in UTC. */
  readonly now: Date;
  /** A newline after every segment terminator. Default false. */
  readonly segmentNewline?: boolean;
}

export interface Acknowledgement {
  /** The X12 to send back; `undefined` when nothing is due (e.g. a rejected interchange and `ta1: 'never'`). */
  readonly x12: string | undefined;
  readonly summary: AcknowledgementSummary;
}

export interface AcknowledgementSummary {
  /** ISA13 of the interchange being acknowledged. */
  readonly interchangeControlNumber: string;
  /** The interchange-level verdict; `sent` says whether a TA1 carrying it is in the output. */
  readonly ta1: { readonly code: AckCodeValue; readonly note: InterchangeNoteCode; readonly sent: boolean };
  /** One entry per acknowledged inbound group, in file order; empty when the interchange was rejected. */
  readonly groups: GroupAcknowledgementSummary[];
  /** Inbound groups that get no acknowledgement, and why. */
  readonly skippedGroups: {
    readonly functionalId: string;
    readonly controlNumber: string;
    readonly reason: string;
  }[];
  /** Control numbers written; `interchange` is undefined when there is no output. */
  readonly controlNumbersUsed: {
    readonly interchange: number | undefined;
    readonly groups: number[];
    readonly transactionSets: number[];
  };
}

export interface GroupAcknowledgementSummary {
  /** GS01 / GS06 / GS08 of the inbound group. */
  readonly functionalId: string;
  readonly controlNumber: string;
  readonly version: string;
  readonly type: AcknowledgementType;
  /** AK901. */
  readonly code: AckCodeValue;
  /** AK905-AK909. */
  readonly errorCodes: GroupErrorCode[];
  /** AK902 (GE01 as sent), AK903, AK904. */
  readonly included: number;
  readonly received: number;
  readonly accepted: number;
  readonly transactionSets: {
    readonly id: string;
    readonly controlNumber: string;
    /** AK501 / IK501 and AK502-506 / IK502-506. */
    readonly code: AckCodeValue;
    readonly errorCodes: TransactionSetErrorCode[];
  }[];
  /** GS06 and ST02 of the 997/999 set that answers this group. */
  readonly acknowledgedBy: {
    readonly groupControlNumber: number;
    readonly transactionSetControlNumber: number;
  };
}
