import type { ElementErrorCode, SegmentErrorCode, TransactionSetErrorCode } from '../codes.js';
import type { AcknowledgementType } from './types.js';

/**
 * What differs between a 997 and a 999: segment tags, the outbound GS08, which optional
 * elements the version carries, and which error codes its code lists hold. The rendering and the
 * outcome rules are shared and read everything kind-specific from here.
 */
export interface AckKind {
  readonly type: AcknowledgementType;
  readonly tags: {
    readonly segment: 'AK3' | 'IK3';
    readonly element: 'AK4' | 'IK4';
    readonly set: 'AK5' | 'IK5';
  };
  /** Whether CTX segments carry the situational trigger of a conditional requirement. */
  readonly situationalContext: boolean;
  /** GS08 of the FA group answering an inbound group with GS08 `inboundVersion` in an ISA12 `isaVersion` interchange. */
  groupVersion(inboundVersion: string, isaVersion: string): string;
  /** Whether an acknowledgement at this GS08 carries AK103, AK203, ST03 and the repetition in AK401. */
  hasVersionDetail(version: string): boolean;
  /** The code this kind can carry for a segment, element or set error found by the validators. */
  segmentCode(code: SegmentErrorCode): SegmentErrorCode;
  elementCode(code: ElementErrorCode, version: string): ElementErrorCode;
  setCode(code: TransactionSetErrorCode): TransactionSetErrorCode;
  /** AK502/IK502 code for "one or more segments in error". */
  segmentsInError(implementationErrors: boolean): TransactionSetErrorCode;
}

/** 005010 and later carry the version detail (AK103, AK203, ST03). */
export function isVersion5010OrLater(version: string): boolean {
  return /^\d{6}/.test(version) && version.slice(0, 6) >= '005010';
}
