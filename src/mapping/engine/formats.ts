import { Decimal } from 'decimal.js';
import type { Segment } from '../../x12/index.js';
import type { ElementReader } from '../x12-to-canonical/element-reader.js';
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
      return elements.real(segment, position);
    case 'implied2':
      return elements.implied(segment, position, 2);
    case 'integer':
      return elements.count(segment, position);
  }
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
      return text;
    case 'date': {
      const compact = text.replaceAll('-', '');
      return dateLength === 6 ? compact.slice(2) : compact;
    }
    case 'time':
      return text.replaceAll(':', '').replace('.', '').slice(0, 8);
    case 'decimal':
      // X12 R: no trailing zeros after the point, no point without decimals.
      return new Decimal(text).toFixed();
    case 'implied2':
      return new Decimal(text).times(100).toDecimalPlaces(0).toFixed(0);
  }
}
