/**
 * What the standard 997/999 codes mean, so that an exception says why the partner refused our
 * file and not only which code they sent. Codes we do not know are shown as sent.
 */

/** AK502-AK506 / IK502-IK506. */
const SET_ERRORS: Record<string, string> = {
  '1': 'transaction set not supported',
  '2': 'transaction set trailer missing',
  '3': 'ST02 does not match SE02',
  '4': 'SE01 does not match the number of segments',
  '5': 'one or more segments in error',
  '6': 'missing or invalid transaction set identifier',
  '7': 'missing or invalid transaction set control number',
  '23': 'transaction set control number not unique within the group',
  I5: 'implementation: one or more segments in error',
  I6: 'implementation convention not supported',
};

/** AK905-AK909. */
const GROUP_ERRORS: Record<string, string> = {
  '1': 'functional group not supported',
  '2': 'functional group version not supported',
  '3': 'functional group trailer missing',
  '4': 'GS06 does not match GE02',
  '5': 'GE01 does not match the number of sets',
  '6': 'group control number violates syntax',
  '19': 'group control number not unique within the interchange',
};

/** AK304 / IK304. */
const SEGMENT_ERRORS: Record<string, string> = {
  '1': 'unrecognized segment id',
  '2': 'unexpected segment',
  '3': 'mandatory segment missing',
  '4': 'loop occurs over maximum times',
  '5': 'segment exceeds maximum use',
  '6': 'segment not in defined transaction set',
  '7': 'segment not in proper sequence',
  '8': 'segment has data element errors',
};

/** AK403 / IK403. */
const ELEMENT_ERRORS: Record<string, string> = {
  '1': 'mandatory data element missing',
  '2': 'conditional required data element missing',
  '3': 'too many data elements',
  '4': 'data element too short',
  '5': 'data element too long',
  '6': 'invalid character in data element',
  '7': 'invalid code value',
  '8': 'invalid date',
  '9': 'invalid time',
  '10': 'exclusion condition violated',
  '12': 'too many repetitions',
  '13': 'too many components',
};

const explain = (table: Record<string, string>, code: string): string => {
  const reason = table[code];
  return reason === undefined ? code : `${code} (${reason})`;
};

export const setErrorReason = (code: string): string => explain(SET_ERRORS, code);
export const groupErrorReason = (code: string): string => explain(GROUP_ERRORS, code);
export const segmentErrorReason = (code: string): string => explain(SEGMENT_ERRORS, code);
export const elementErrorReason = (code: string): string => explain(ELEMENT_ERRORS, code);
