import { parseX12Implied, parseX12Real } from '../../canonical/index.js';
import {
  ElementError,
  SegmentError,
  isValidTime,
  toIsoDate,
  type Diagnostic,
  type ElementErrorCode,
  type Segment,
  type TransactionSet,
} from '../../x12/index.js';

/**
 * Reads element values of one transaction set into canonical form and records every value it
 * cannot convert as a diagnostic (with the 997/999 element error code), never as a silent blank.
 * A converter returns `undefined` both for an absent element and for a bad one; only the bad one
 * leaves a diagnostic behind.
 *
 * @example
 * const elements = new ElementReader(set);
 * elements.date(beg, 5);   // '2010-11-27', or undefined plus a code 8 diagnostic
 * elements.real(po1, 2);   // '120'
 */
export class ElementReader {
  readonly diagnostics: Diagnostic[] = [];
  private readonly positions = new Map<Segment, number>();
  private readonly firstIndex: number;

  constructor(set: TransactionSet) {
    set.segments.forEach((segment, i) => this.positions.set(segment, i + 1));
    this.firstIndex = set.segments[0]?.location.index ?? 1;
  }

  /** 1-based position of the segment in its set, ST being 1 (AK302/IK302). */
  positionOf(segment: Segment): number {
    return this.positions.get(segment) ?? segment.location.index - this.firstIndex + 1;
  }

  /** Element text with surrounding blanks removed; `undefined` when empty. */
  text(segment: Segment, position: number): string | undefined {
    return blankToUndefined(segment.value(position));
  }

  /** One component of a composite element; `undefined` when empty. */
  component(segment: Segment, position: number, component: number): string | undefined {
    return blankToUndefined(segment.component(position, component));
  }

  /** An X12 DT element (CCYYMMDD or YYMMDD) as `YYYY-MM-DD`. */
  date(segment: Segment, position: number): string | undefined {
    const raw = this.text(segment, position);
    return raw === undefined ? undefined : this.dateFrom(raw, segment, position);
  }

  /** A date held inside an element (one end of an `RD8` period, say), reported against that element. */
  dateFrom(raw: string, segment: Segment, position: number): string | undefined {
    const iso = toIsoDate(raw);
    if (iso === undefined) {
      this.reject(
        segment,
        position,
        ElementError.invalidDate,
        raw,
        'is not a date (expected CCYYMMDD or YYMMDD)',
      );
    }
    return iso;
  }

  /** An X12 TM element (HHMM, HHMMSS, HHMMSSD...) as `HH:MM` or `HH:MM:SS[.d]`. */
  time(segment: Segment, position: number): string | undefined {
    const raw = this.text(segment, position);
    return raw === undefined ? undefined : this.timeFrom(raw, segment, position);
  }

  timeFrom(raw: string, segment: Segment, position: number): string | undefined {
    if (!isValidTime(raw)) {
      this.reject(
        segment,
        position,
        ElementError.invalidTime,
        raw,
        'is not a time (expected HHMM or HHMMSS)',
      );
      return undefined;
    }
    const seconds = raw.length >= 6 ? `:${raw.slice(4, 6)}` : '';
    const fraction = raw.length > 6 ? `.${raw.slice(6)}` : '';
    return `${raw.slice(0, 2)}:${raw.slice(2, 4)}${seconds}${fraction}`;
  }

  /** An X12 R (real) element as a decimal string. */
  real(segment: Segment, position: number): string | undefined {
    const raw = this.text(segment, position);
    if (raw === undefined) return undefined;
    const value = parseX12Real(raw);
    if (value === undefined)
      this.reject(segment, position, ElementError.invalidCharacter, raw, 'is not a number');
    return value;
  }

  /** An X12 Nn element (`places` implied decimals) as a decimal string. */
  implied(segment: Segment, position: number, places: number): string | undefined {
    const raw = this.text(segment, position);
    if (raw === undefined) return undefined;
    const value = parseX12Implied(raw, places);
    if (value === undefined) {
      this.reject(
        segment,
        position,
        ElementError.invalidCharacter,
        raw,
        `is not a whole number (type N${places}: digits only, ${places} implied decimals)`,
      );
    }
    return value;
  }

  /** A count or position (N0, not negative) as a number. */
  count(segment: Segment, position: number, component?: number): number | undefined {
    const raw =
      component === undefined ? this.text(segment, position) : this.component(segment, position, component);
    if (raw === undefined) return undefined;
    if (!/^\d+$/.test(raw) || raw.length > 15) {
      this.reject(segment, position, ElementError.invalidCharacter, raw, 'is not a whole number', component);
      return undefined;
    }
    return Number(raw);
  }

  /** Reports an element whose value cannot be converted or used. */
  reject(
    segment: Segment,
    position: number,
    code: ElementErrorCode,
    value: string,
    why: string,
    component?: number,
    severity: 'error' | 'warning' = 'error',
  ): void {
    this.diagnostics.push({
      level: 'element',
      code,
      severity,
      message: `${elementName(segment, position, component)} '${value}' ${why}`,
      value,
      elementPosition: position,
      ...(component ? { componentPosition: component } : {}),
      ...this.where(segment),
    });
  }

  /** Reports an element the mapping needs but the segment does not carry. */
  absent(segment: Segment, position: number, why: string): void {
    this.diagnostics.push({
      level: 'element',
      code: ElementError.mandatoryMissing,
      severity: 'error',
      message: `${elementName(segment, position)} is missing: ${why}`,
      elementPosition: position,
      ...this.where(segment),
    });
  }

  /** Reports a segment the mapping needs but the set does not hold. */
  missing(segmentId: string, why: string): void {
    this.diagnostics.push({
      level: 'segment',
      code: SegmentError.mandatorySegmentMissing,
      severity: 'error',
      segmentId,
      message: `${segmentId} is missing: ${why}`,
    });
  }

  /** Where a segment is, in the fields a diagnostic carries. */
  where(
    segment: Segment,
  ): Pick<Diagnostic, 'segmentId' | 'segmentPosition' | 'fileSegmentIndex' | 'line' | 'column'> {
    return {
      segmentId: segment.id,
      segmentPosition: this.positionOf(segment),
      fileSegmentIndex: segment.location.index,
      line: segment.location.line,
      column: segment.location.column,
    };
  }
}

function elementName(segment: Segment, position: number, component?: number): string {
  return `${segment.id}${String(position).padStart(2, '0')}${component ? `-${component}` : ''}`;
}

function blankToUndefined(raw: string): string | undefined {
  const value = raw.trim();
  return value === '' ? undefined : value;
}
