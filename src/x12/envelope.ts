import type { Delimiters } from './delimiters.js';
import type { Diagnostic } from './diagnostic.js';
import type { LoopInstance } from './loops.js';
import type { Segment } from './segment.js';

/**
 * The envelope index of one interchange: headers, trailers and the outcome of every group and
 * transaction set, but not the transaction sets' segments (those are handed out one set at a time
 * so that a file of any size is read in bounded memory).
 */
export interface Interchange {
  readonly header: Segment;
  readonly delimiters: Delimiters;
  /** ISA05/ISA06, trailing padding removed. */
  readonly sender: PartyId;
  /** ISA07/ISA08, trailing padding removed. */
  readonly receiver: PartyId;
  /** ISA09 (YYMMDD) and ISA10 (HHMM). */
  readonly date: string;
  readonly time: string;
  /** ISA12 interchange control version, e.g. `00401`. */
  readonly version: string;
  /** ISA13. */
  readonly controlNumber: string;
  /** ISA14 = `1`: the sender wants a TA1. */
  readonly ackRequested: boolean;
  /** ISA15: `P` production, `T` test, `I` information. */
  readonly usage: string;
  readonly groups: FunctionalGroup[];
  /** TA1 segments carried by this interchange (an interchange acknowledgement sent to us). */
  readonly ta1Segments?: Segment[];
  trailer: Segment | undefined;
  /** Interchange-level problems (TA1 note codes) and file problems inside this interchange. */
  readonly diagnostics: Diagnostic[];
}

export interface PartyId {
  readonly qualifier: string;
  readonly id: string;
}

export interface FunctionalGroup {
  readonly header: Segment;
  /** GS01, e.g. `PO`, `IN`, `SH`. */
  readonly functionalId: string;
  /** GS02 / GS03. */
  readonly applicationSender: string;
  readonly applicationReceiver: string;
  readonly date: string;
  readonly time: string;
  /** GS06. */
  readonly controlNumber: string;
  /** GS07, `X` for X12. */
  readonly agency: string;
  /** GS08 as sent, e.g. `004010VICS` or `005010X222A1`. */
  readonly version: string;
  readonly transactionSets: TransactionSetSummary[];
  trailer: Segment | undefined;
  /** Group-level problems (AK905-AK909). */
  readonly diagnostics: Diagnostic[];
}

/** What the envelope index keeps of a transaction set once its segments are released. */
export interface TransactionSetSummary {
  /** ST01, e.g. `850`. */
  readonly id: string;
  /** ST02. */
  readonly controlNumber: string;
  /** ST03 (00501 and later), the implementation convention reference. */
  readonly implementationReference: string | undefined;
  /** Segments from ST to SE inclusive, as counted. */
  segmentCount: number;
  /** Transaction-, segment- and element-level problems found in this set. */
  readonly diagnostics: Diagnostic[];
  /** 1-based line of the ST segment. */
  readonly line: number;
}

/** A transaction set with its segments, ST first and SE last (SE missing if the set was cut off). */
export interface TransactionSet extends TransactionSetSummary {
  readonly segments: Segment[];
  /** The loop tree, set by validation when the set's spec is known. */
  loops?: LoopInstance;
  readonly group: FunctionalGroup;
  readonly interchange: Interchange;
}

/** Whether a diagnostic list holds anything that rejects. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
