import { ElementError, type Segment } from '../../x12/index.js';
import type { ElementReader } from './element-reader.js';
import type { FieldRule } from './mapping-schema.js';
import { getPath, objectAt } from './paths.js';

type Bag = Record<string, unknown>;
type PeriodKey = 'date' | 'time' | 'endDate' | 'endTime';

/** The period formats converted into dates and times, with the X12 layout of each. */
const LAYOUTS: Record<string, { pattern: RegExp; keys: PeriodKey[]; expected: string }> = {
  D8: { pattern: /^(\d{8})$/, keys: ['date'], expected: 'CCYYMMDD' },
  DT: { pattern: /^(\d{8})(\d{4})$/, keys: ['date', 'time'], expected: 'CCYYMMDDHHMM' },
  RD8: { pattern: /^(\d{8})-(\d{8})$/, keys: ['date', 'endDate'], expected: 'CCYYMMDD-CCYYMMDD' },
  RDT: {
    pattern: /^(\d{8})(\d{4})-(\d{8})(\d{4})$/,
    keys: ['date', 'time', 'endDate', 'endTime'],
    expected: 'CCYYMMDDHHMM-CCYYMMDDHHMM',
  },
  TM: { pattern: /^(\d{4})$/, keys: ['time'], expected: 'HHMM' },
};

/**
 * Inbound `format: period` (DTM06 with its format qualifier in DTM05): the period's dates and
 * times go into `date`, `time`, `endDate` and `endTime` of the object at `path`, and the
 * qualifier into `periodFormat`. A period in another format, or one whose values would replace a
 * date or time read from other elements (DTM02/DTM03), is kept as sent in `period`. Returns how
 * many values were read.
 *
 * @example
 * // DTM*037****RD8*20240310-20240320
 * readPeriod(field, dtm, entry, elements); // entry: { date: '2024-03-10', endDate: '2024-03-20', periodFormat: 'RD8' }
 */
export function readPeriod(field: FieldRule, segment: Segment, target: Bag, elements: ElementReader): number {
  if (field.formatQualifier === undefined) return 0;
  const code = elements.text(segment, field.formatQualifier);
  const raw = elements.text(segment, field.element);
  if (code === undefined || raw === undefined) return 0;
  const object = objectAt(target, field.path);
  object['periodFormat'] = code;
  const layout = LAYOUTS[code];
  if (!layout || layout.keys.some((key) => object[key] !== undefined)) {
    object['period'] = raw;
    return 2;
  }
  const parts = layout.pattern.exec(raw)?.slice(1);
  if (!parts) {
    const why = `is not a ${code} period (expected ${layout.expected})`;
    const error = layout.keys.includes('date') ? ElementError.invalidDate : ElementError.invalidTime;
    elements.reject(segment, field.element, error, raw, why);
    return 1;
  }
  layout.keys.forEach((key, i) => {
    const part = parts[i] ?? '';
    const value = key.endsWith('ime')
      ? elements.timeFrom(part, segment, field.element)
      : elements.dateFrom(part, segment, field.element);
    if (value !== undefined) object[key] = value;
  });
  return 1 + layout.keys.length;
}

/** Outbound `format: period`: the qualifier and period to write, and the paths they were written from. */
export interface WrittenPeriod {
  code: string;
  text: string;
  /** Paths (relative to the rule's object) the period holds, which no other field writes again. */
  claims: string[];
}

/**
 * The period an object holds, as DTM05/DTM06; `undefined` when it holds none.
 *
 * @example
 * writePeriod(field, { date: '2024-03-15', time: '09:30', periodFormat: 'DT' });
 * // { code: 'DT', text: '202403150930', claims: ['date', 'time'] }
 */
export function writePeriod(field: FieldRule, item: Bag): WrittenPeriod | undefined {
  const object = getPath(item, field.path ?? '.');
  if (object === null || typeof object !== 'object') return undefined;
  const bag = object as Bag;
  const code = bag['periodFormat'];
  if (typeof code !== 'string' || code === '') return undefined;
  if (typeof bag['period'] === 'string') return { code, text: bag['period'], claims: [] };
  const layout = LAYOUTS[code];
  if (!layout) return undefined;
  const texts = layout.keys.map((key) => compact(bag[key], key, bag));
  if (texts.some((t) => t === undefined)) return undefined;
  const [a = '', b = '', c = '', d = ''] = texts as string[];
  const text =
    code === 'DT' ? a + b : code === 'RD8' ? `${a}-${b}` : code === 'RDT' ? `${a}${b}-${c}${d}` : a;
  const prefix = field.path === undefined || field.path === '.' ? '' : `${field.path}.`;
  return { code, text, claims: layout.keys.map((key) => prefix + key) };
}

/** A date as CCYYMMDD or a time as HHMM; an end date missing from a range is its start. */
function compact(value: unknown, key: PeriodKey, bag: Bag): string | undefined {
  const text = typeof value === 'string' ? value : key === 'endDate' ? bag['date'] : undefined;
  if (typeof text !== 'string') return undefined;
  return key.endsWith('ime') ? text.replaceAll(':', '').slice(0, 4) : text.replaceAll('-', '');
}
