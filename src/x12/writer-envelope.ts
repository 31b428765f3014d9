import type { Delimiters } from './delimiters.js';
import type { PartyId } from './envelope.js';
import { X12WriteError } from './writer-error.js';
import { assertNoDelimiter, type SegmentValues } from './writer-segment.js';

/** ISA element values as meant, without padding; ISA11, ISA13 padding and ISA16 come from the writer. */
export interface InterchangeHeaderValues {
  /** ISA01/ISA02; defaults to `00` and blanks (no authorization information). */
  readonly authorization?: { readonly qualifier: string; readonly value: string };
  /** ISA03/ISA04; defaults to `00` and blanks (no security information). */
  readonly security?: { readonly qualifier: string; readonly value: string };
  /** ISA05/ISA06. */
  readonly sender: PartyId;
  /** ISA07/ISA08. */
  readonly receiver: PartyId;
  /** ISA09, YYMMDD. */
  readonly date: string;
  /** ISA10, HHMM. */
  readonly time: string;
  /** ISA12, e.g. `00401` or `00501`. */
  readonly version: string;
  /** ISA13, up to nine digits; written zero-padded. */
  readonly controlNumber: string | number;
  /** ISA14. */
  readonly ackRequested: boolean;
  /** ISA15: `P`, `T` or `I`. */
  readonly usage: string;
}

/** GS element values; GE is computed by the writer. */
export interface GroupHeaderValues {
  /** GS01, e.g. `PO`, `FA`. */
  readonly functionalId: string;
  readonly applicationSender: string;
  readonly applicationReceiver: string;
  /** GS04, CCYYMMDD. */
  readonly date: string;
  /** GS05, HHMM (up to HHMMSSDD). */
  readonly time: string;
  /** GS06, 1 to 9 digits. */
  readonly controlNumber: string | number;
  /** GS07; defaults to `X`. */
  readonly agency?: string;
  /** GS08, e.g. `004010` or `005010X231A1`. */
  readonly version: string;
}

type Fill = 'exact' | 'spaces' | 'zeros';
interface FieldRule {
  readonly width: number;
  readonly fill: Fill;
  readonly digits?: boolean;
}

// ISA01..ISA16. Identifiers and codes must have their full width already; only the free-text
// identifiers are space-padded and the control number zero-padded.
const ISA_RULES: readonly FieldRule[] = [
  { width: 2, fill: 'exact' },
  { width: 10, fill: 'spaces' },
  { width: 2, fill: 'exact' },
  { width: 10, fill: 'spaces' },
  { width: 2, fill: 'exact' },
  { width: 15, fill: 'spaces' },
  { width: 2, fill: 'exact' },
  { width: 15, fill: 'spaces' },
  { width: 6, fill: 'exact', digits: true },
  { width: 4, fill: 'exact', digits: true },
  { width: 1, fill: 'exact' },
  { width: 5, fill: 'exact', digits: true },
  { width: 9, fill: 'zeros', digits: true },
  { width: 1, fill: 'exact', digits: true },
  { width: 1, fill: 'exact' },
  { width: 1, fill: 'exact' },
];

/** The sixteen ISA values, padded to their fixed widths and checked. */
export function isaElements(header: InterchangeHeaderValues, delimiters: Delimiters): string[] {
  const authorization = header.authorization ?? { qualifier: '00', value: '' };
  const security = header.security ?? { qualifier: '00', value: '' };
  const raw = [
    authorization.qualifier,
    authorization.value,
    security.qualifier,
    security.value,
    header.sender.qualifier,
    header.sender.id,
    header.receiver.qualifier,
    header.receiver.id,
    header.date,
    header.time,
    delimiters.repetition ?? 'U',
    header.version,
    String(header.controlNumber),
    header.ackRequested ? '1' : '0',
    header.usage,
    delimiters.component,
  ];
  return raw.map((value, index) => {
    const position = index + 1;
    const rule = ISA_RULES[index] as FieldRule;
    // ISA11 and ISA16 are the separators themselves.
    if (position !== 11 && position !== 16)
      assertNoDelimiter(value, { segmentId: 'ISA', elementPosition: position }, delimiters);
    return padded(value, rule, position);
  });
}

function padded(value: string, rule: FieldRule, position: number): string {
  const location = { segmentId: 'ISA', elementPosition: position };
  if (rule.digits && !/^\d+$/.test(value)) throw X12WriteError.invalidValue(location, value, 'digits only');
  const fits = rule.fill === 'exact' ? value.length === rule.width : value.length <= rule.width;
  if (!fits) {
    const size = rule.fill === 'exact' ? `exactly ${rule.width}` : `at most ${rule.width}`;
    throw X12WriteError.invalidValue(location, value, `${size} characters long`);
  }
  if (rule.fill === 'zeros') return value.padStart(rule.width, '0');
  return value.padEnd(rule.width, ' ');
}

const GS_RULES: readonly { min: number; max: number; digits?: boolean }[] = [
  { min: 2, max: 2 },
  { min: 2, max: 15 },
  { min: 2, max: 15 },
  // GS04: CCYYMMDD from 004010 on, YYMMDD before (checked against GS08 below).
  { min: 6, max: 8, digits: true },
  { min: 4, max: 8, digits: true },
  { min: 1, max: 9, digits: true },
  { min: 1, max: 2 },
  { min: 1, max: 12 },
];

/** The GS segment, with every element checked against its length. */
export function gsSegment(group: GroupHeaderValues): SegmentValues {
  const values = [
    group.functionalId,
    group.applicationSender,
    group.applicationReceiver,
    group.date,
    group.time,
    String(group.controlNumber),
    group.agency ?? 'X',
    group.version,
  ];
  values.forEach((value, index) => {
    const rule = GS_RULES[index] as { min: number; max: number; digits?: boolean };
    const location = { segmentId: 'GS', elementPosition: index + 1 };
    if (rule.digits && !/^\d+$/.test(value)) throw X12WriteError.invalidValue(location, value, 'digits only');
    if (value.length < rule.min || value.length > rule.max) {
      throw X12WriteError.invalidValue(location, value, `${rule.min} to ${rule.max} characters long`);
    }
  });
  const dateLength = group.version.slice(0, 6) < '004010' ? 6 : 8;
  if (group.date.length !== dateLength) {
    throw X12WriteError.invalidValue(
      { segmentId: 'GS', elementPosition: 4 },
      group.date,
      `${dateLength} digits in version ${group.version}`,
    );
  }
  return ['GS', ...values];
}
