import { Decimal } from 'decimal.js';
import { parseX12Implied, parseX12Real } from '../../canonical/index.js';
import { ElementError, type Segment } from '../../x12/index.js';
import type { ElementReader } from './element-reader.js';
import type { Format } from './mapping-schema.js';

/**
 * Inbound: the canonical value of one element (or component), converted by its format. A value
 * that does not convert leaves a diagnostic in `elements` and reads as `undefined`.
 */
export function readValue(
  elements: ElementReader,
  segment: Segment,
  position: number,
  component: number | undefined,
  format: Format = 'text',
): string | number | undefined {
  const raw =
    component === undefined
      ? elements.text(segment, position)
      : elements.component(segment, position, component);
  if (raw === undefined) return undefined;
  switch (format) {
    case 'text':
      return raw;
    case 'date':
      return elements.dateFrom(raw, segment, position);
    case 'time':
      return elements.timeFrom(raw, segment, position);
    case 'decimal':
      return checked(parseX12Real(raw), elements, segment, position, component, raw, 'is not a number');
    case 'implied2':
      return checked(
        parseX12Implied(raw, 2),
        elements,
        segment,
        position,
        component,
        raw,
        'is not a whole number (type N2: digits only, 2 implied decimals)',
      );
    case 'integer':
      return elements.count(segment, position, component);
    case 'sscc':
      return ssccOf(raw);
    case 'duns':
      return dunsOf(raw);
    case 'date-range':
    case 'period':
      return raw;
  }
}

/**
 * The SSCC-18 of a MAN*GM mark: 18 digits, or 20 with the GS1 application identifier `00` in
 * front. Any other mark is no SSCC and stays a mark only.
 *
 * @example
 * ssccOf('00012345600000000012'); // '012345600000000012'
 * ssccOf('CARTON-6'); // undefined
 */
export function ssccOf(raw: string): string | undefined {
  if (/^\d{18}$/.test(raw)) return raw;
  return /^00\d{18}$/.test(raw) ? raw.slice(2) : undefined;
}

/**
 * The 9-digit DUNS of a DUNS (9 digits) or DUNS+4 (13 digits) number; anything else is none.
 *
 * @example
 * dunsOf('0003947268292'); // '000394726'
 */
export function dunsOf(raw: string): string | undefined {
  return /^\d{9}(\d{4})?$/.test(raw) ? raw.slice(0, 9) : undefined;
}

function checked(
  value: string | undefined,
  elements: ElementReader,
  segment: Segment,
  position: number,
  component: number | undefined,
  raw: string,
  why: string,
): string | undefined {
  if (value === undefined)
    elements.reject(segment, position, ElementError.invalidCharacter, raw, why, component);
  return value;
}

/** Outbound: the element text of a canonical value, in its format; `undefined` when there is none. */
export function writeValue(
  value: unknown,
  format: Format = 'text',
  dateLength: 6 | 8 = 8,
): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
  if (text === undefined) return undefined;
  switch (format) {
    case 'text':
    case 'integer':
    case 'duns':
      return text;
    case 'sscc':
      // Written as labelled: the application identifier 00, then the 18 digits.
      return `00${text}`;
    case 'date': {
      const compact = text.replaceAll('-', '');
      return dateLength === 6 ? compact.slice(2) : compact;
    }
    case 'time':
      return text.replaceAll(':', '').replace('.', '').slice(0, 8);
    case 'decimal':
      // The canonical decimal keeps the scale it was read with (`150.00`), so it goes back as read.
      return new Decimal(text).toFixed(decimalPlaces(text));
    case 'implied2':
      return new Decimal(text).times(100).toDecimalPlaces(0).toFixed(0);
    case 'date-range':
    case 'period':
      return text;
  }
}

function decimalPlaces(text: string): number {
  const point = text.indexOf('.');
  return point === -1 ? 0 : text.length - point - 1;
}
