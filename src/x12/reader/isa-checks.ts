import { InterchangeNote, type InterchangeNoteCode } from '../codes.js';
import type { Diagnostic } from '../diagnostic.js';
import type { Segment } from '../segment.js';
import { isValidDate, isValidTime } from '../validation/date-time.js';

/** Fixed widths of ISA01..ISA16. */
const ISA_WIDTHS = [2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1] as const;

const AUTHORIZATION_QUALIFIERS = new Set(['00', '01', '02', '03', '04', '05', '06']);
const SECURITY_QUALIFIERS = new Set(['00', '01']);
/** Interchange id qualifiers (I05) across 00401-00801. */
const ID_QUALIFIERS = new Set([
  '01',
  '02',
  '03',
  '04',
  '07',
  '08',
  '09',
  '10',
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '20',
  '21',
  '22',
  '23',
  '24',
  '25',
  '26',
  '27',
  '28',
  '29',
  '30',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '38',
  'AM',
  'NR',
  'SA',
  'SN',
  'ZZ',
]);

/** Whether `value` is an interchange id qualifier (ISA05/ISA07) of any version from 00401 on. */
export function isIdQualifier(value: string): boolean {
  return ID_QUALIFIERS.has(value);
}

/** Whether ISA12 is a version this reader takes: five digits, 00200 to 00899. */
export function isSupportedInterchangeVersion(version: string): boolean {
  return /^\d{5}$/.test(version) && version >= '00200' && version <= '00899';
}

/** Padding partners use: spaces, and no-break spaces from word processors. */
export function unpad(value: string): string {
  return value.replace(/[ \u00a0]+$/u, '').replace(/^[ \u00a0]+/u, '');
}

/**
 * Field-by-field checks of an ISA. Wrong widths are warnings (many partners send unpadded ISAs
 * and every translator we know reads them); wrong values are errors with their TA1 note code.
 */
export function checkIsa(isa: Segment): Diagnostic[] {
  const out: Diagnostic[] = [];
  const v = (n: number) => isa.value(n);
  const fail = (element: number, code: InterchangeNoteCode, message: string) =>
    out.push({ level: 'interchange', severity: 'error', code, message, ...at(isa, element) });

  if (!AUTHORIZATION_QUALIFIERS.has(v(1)))
    fail(
      1,
      InterchangeNote.invalidAuthorizationQualifier,
      `ISA01 '${v(1)}' is not an authorization information qualifier (00-06)`,
    );
  if (!SECURITY_QUALIFIERS.has(v(3)))
    fail(
      3,
      InterchangeNote.invalidSecurityQualifier,
      `ISA03 '${v(3)}' is not a security information qualifier (00 or 01)`,
    );
  if (!ID_QUALIFIERS.has(unpad(v(5))))
    fail(5, InterchangeNote.invalidSenderQualifier, `ISA05 '${v(5)}' is not an interchange id qualifier`);
  if (!unpad(v(6))) fail(6, InterchangeNote.invalidSenderId, 'ISA06 interchange sender id is empty');
  if (!ID_QUALIFIERS.has(unpad(v(7))))
    fail(7, InterchangeNote.invalidReceiverQualifier, `ISA07 '${v(7)}' is not an interchange id qualifier`);
  if (!unpad(v(8))) fail(8, InterchangeNote.invalidReceiverId, 'ISA08 interchange receiver id is empty');
  if (!/^\d{6}$/.test(v(9)) || !isValidDate(v(9)))
    fail(9, InterchangeNote.invalidDate, `ISA09 '${v(9)}' is not a date YYMMDD`);
  if (!/^\d{4}$/.test(v(10)) || !isValidTime(v(10)))
    fail(10, InterchangeNote.invalidTime, `ISA10 '${v(10)}' is not a time HHMM`);
  const version = v(12);
  if (!/^\d{5}$/.test(version))
    fail(
      12,
      InterchangeNote.invalidVersionId,
      `ISA12 '${version}' is not a five-digit interchange control version`,
    );
  else if (!isSupportedInterchangeVersion(version))
    fail(12, InterchangeNote.versionNotSupported, `ISA12 version ${version} is not supported`);
  if (version < '00402' && v(11) !== 'U')
    fail(11, InterchangeNote.invalidStandardsId, `ISA11 '${v(11)}' must be 'U' in version ${version}`);
  if (!/^\d{9}$/.test(v(13)))
    fail(13, InterchangeNote.invalidControlNumber, `ISA13 '${v(13)}' is not a nine-digit control number`);
  if (v(14) !== '0' && v(14) !== '1')
    fail(14, InterchangeNote.invalidAckRequested, `ISA14 '${v(14)}' must be 0 or 1`);
  if (!['P', 'T', 'I'].includes(v(15)))
    fail(15, InterchangeNote.invalidTestIndicator, `ISA15 '${v(15)}' must be P, T or I`);

  for (let n = 1; n <= 15; n++) {
    if (v(n).includes('\u0000'))
      fail(
        n,
        InterchangeNote.invalidContent,
        `ISA${String(n).padStart(2, '0')} holds a NUL byte: binary data`,
      );
  }

  const widths = ISA_WIDTHS.map((w, i) => ({ n: i + 1, w, len: v(i + 1).length })).filter(
    (f) => f.len !== f.w,
  );
  if (widths.length && !out.length) {
    const list = widths.map((f) => `ISA${String(f.n).padStart(2, '0')} ${f.len}/${f.w}`).join(', ');
    out.push({
      level: 'interchange',
      severity: 'warning',
      code: InterchangeNote.noError,
      message: `ISA fields are not at their fixed widths (${list}); read anyway`,
      ...at(isa),
    });
  }
  if (/\u00a0/u.test(isa.elements.join(''))) {
    out.push({
      level: 'interchange',
      severity: 'warning',
      code: InterchangeNote.noError,
      message: 'ISA fields are padded with no-break spaces (U+00A0) instead of spaces; read anyway',
      ...at(isa),
    });
  }
  return out;
}

/** Location fields of a diagnostic about `segment`, optionally one of its elements. */
export function at(segment: Segment, elementPosition?: number) {
  const { line, column, index } = segment.location;
  return {
    segmentId: segment.id,
    line,
    column,
    fileSegmentIndex: index,
    ...(elementPosition !== undefined ? { elementPosition, value: segment.value(elementPosition) } : {}),
  };
}
