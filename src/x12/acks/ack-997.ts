import type { ElementErrorCode, SegmentErrorCode, TransactionSetErrorCode } from '../codes.js';
import { isVersion5010OrLater, type AckKind } from './ack-kind.js';

// A 997 has no implementation (I-) codes and a partner's translator refuses codes outside the
// standard list, so a 999-only finding is reported as the nearest syntax code.
const SEGMENT_CODES: Partial<Record<SegmentErrorCode, SegmentErrorCode>> = {
  I4: '2',
  I9: '2',
  I6: '3',
  I7: '3',
  I8: '3',
};
const ELEMENT_CODES: Partial<Record<ElementErrorCode, ElementErrorCode>> = {
  I6: '7',
  I9: '2',
  I10: '10',
  I13: '10',
  I11: '1',
  I12: '6',
};
// Too many repetitions / components entered the AK403 list with 004020.
const ELEMENT_CODES_BEFORE_004020: Partial<Record<ElementErrorCode, ElementErrorCode>> = {
  '12': '3',
  '13': '3',
};
const SET_CODES: Partial<Record<TransactionSetErrorCode, TransactionSetErrorCode>> = { I5: '5', I6: '1' };

/** The 997 functional acknowledgement: AK1, AK2/AK3/AK4/AK5 per set, AK9. */
export const ack997: AckKind = {
  type: '997',
  tags: { segment: 'AK3', element: 'AK4', set: 'AK5' },
  situationalContext: false,
  groupVersion(inboundVersion, isaVersion) {
    const base = inboundVersion.slice(0, 6);
    if (/^\d{6}$/.test(base)) return base;
    // An unreadable GS08 still needs an answer in a version the partner reads: take the ISA's.
    return /^\d{5}$/.test(isaVersion) ? `${isaVersion}0` : '004010';
  },
  hasVersionDetail: isVersion5010OrLater,
  segmentCode: (code) => SEGMENT_CODES[code] ?? code,
  elementCode(code, version) {
    const early = version.slice(0, 6) < '004020' ? ELEMENT_CODES_BEFORE_004020[code] : undefined;
    return early ?? ELEMENT_CODES[code] ?? code;
  },
  setCode: (code) => SET_CODES[code] ?? code,
  segmentsInError: () => '5',
};
