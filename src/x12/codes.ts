/**
 * Standard X12 acknowledgement codes, as the partner's translator reads them. The names are ours;
 * the values are the standard's (997/999 code lists for AK304/IK304, AK403/IK403, AK5/IK5, AK9 and
 * the TA1 note codes of TA105).
 */

/** AK304 / IK304: segment syntax error codes. */
export const SegmentError = {
  unrecognizedSegmentId: '1',
  unexpectedSegment: '2',
  mandatorySegmentMissing: '3',
  loopOverMaximum: '4',
  segmentOverMaximumUse: '5',
  segmentNotInSet: '6',
  segmentOutOfSequence: '7',
  segmentHasElementErrors: '8',
  /** 999 only: implementation "not used" segment present. */
  implementationNotUsedSegment: 'I4',
  /** 999 only: implementation dependent segment missing. */
  implementationDependentSegmentMissing: 'I6',
  /** 999 only: implementation loop occurs under minimum times. */
  implementationLoopUnderMinimum: 'I7',
  /** 999 only: implementation segment below minimum use. */
  implementationSegmentUnderMinimum: 'I8',
  /** 999 only: implementation dependent "not used" segment present. */
  implementationDependentNotUsedSegment: 'I9',
} as const;
export type SegmentErrorCode = (typeof SegmentError)[keyof typeof SegmentError];

/** AK403 / IK403: data element syntax error codes. */
export const ElementError = {
  mandatoryMissing: '1',
  conditionalMissing: '2',
  tooManyElements: '3',
  tooShort: '4',
  tooLong: '5',
  invalidCharacter: '6',
  invalidCode: '7',
  invalidDate: '8',
  invalidTime: '9',
  exclusionViolated: '10',
  /** 999 only. */
  tooManyRepetitions: '12',
  /** 999 only. */
  tooManyComponents: '13',
  /** 999 only: code value not used in implementation. */
  implementationCodeNotUsed: 'I6',
  /** 999 only: implementation dependent data element missing. */
  implementationDependentMissing: 'I9',
  /** 999 only: implementation "not used" data element present. */
  implementationNotUsedElement: 'I10',
  /** 999 only: implementation too few repetitions. */
  implementationTooFewRepetitions: 'I11',
  /** 999 only: implementation pattern match failure. */
  implementationPatternFailure: 'I12',
  /** 999 only: implementation dependent "not used" data element present. */
  implementationDependentNotUsedElement: 'I13',
} as const;
export type ElementErrorCode = (typeof ElementError)[keyof typeof ElementError];

/** AK501 / IK501 and AK901: acknowledgement codes. */
export const AckCode = {
  accepted: 'A',
  acceptedWithErrors: 'E',
  /** AK901 only: at least one transaction set was rejected. */
  partiallyAccepted: 'P',
  rejected: 'R',
} as const;
export type AckCodeValue = (typeof AckCode)[keyof typeof AckCode];

/** AK502-AK506 / IK502-IK506: transaction set syntax error codes. */
export const TransactionSetError = {
  notSupported: '1',
  trailerMissing: '2',
  controlNumberMismatch: '3',
  segmentCountMismatch: '4',
  segmentsInError: '5',
  invalidSetIdentifier: '6',
  invalidControlNumber: '7',
  /** Transaction set control number not unique within the functional group. */
  controlNumberNotUnique: '23',
  /** 999 only: implementation one or more segments in error. */
  implementationSegmentsInError: 'I5',
  /** 999 only: implementation convention (ST03) not supported. */
  implementationConventionNotSupported: 'I6',
} as const;
export type TransactionSetErrorCode = (typeof TransactionSetError)[keyof typeof TransactionSetError];

/** AK905-AK909: functional group syntax error codes. */
export const GroupError = {
  notSupported: '1',
  versionNotSupported: '2',
  trailerMissing: '3',
  controlNumberMismatch: '4',
  setCountMismatch: '5',
  invalidControlNumber: '6',
  /** Group control number not unique within the interchange. */
  controlNumberNotUnique: '19',
} as const;
export type GroupErrorCode = (typeof GroupError)[keyof typeof GroupError];

/** TA105: interchange note codes. */
export const InterchangeNote = {
  noError: '000',
  controlNumberMismatch: '001',
  standardNotSupported: '002',
  versionNotSupported: '003',
  invalidSegmentTerminator: '004',
  invalidSenderQualifier: '005',
  invalidSenderId: '006',
  invalidReceiverQualifier: '007',
  invalidReceiverId: '008',
  unknownReceiverId: '009',
  invalidAuthorizationQualifier: '010',
  invalidAuthorizationValue: '011',
  invalidSecurityQualifier: '012',
  invalidSecurityValue: '013',
  invalidDate: '014',
  invalidTime: '015',
  invalidStandardsId: '016',
  invalidVersionId: '017',
  invalidControlNumber: '018',
  invalidAckRequested: '019',
  invalidTestIndicator: '020',
  invalidGroupCount: '021',
  invalidControlStructure: '022',
  prematureEndOfFile: '023',
  invalidContent: '024',
  duplicateControlNumber: '025',
  invalidElementSeparator: '026',
  invalidComponentSeparator: '027',
} as const;
export type InterchangeNoteCode = (typeof InterchangeNote)[keyof typeof InterchangeNote];
