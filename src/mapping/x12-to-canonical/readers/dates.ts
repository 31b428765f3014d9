import type { DateEntry, Draft } from '../../../canonical/index.js';
import { ElementError, type LoopInstance, type Segment } from '../../../x12/index.js';
import { dateQualifiers } from '../../codes/index.js';
import type { ElementReader } from '../element-reader.js';
import { starts } from './loop-navigation.js';

/** Every DTM directly inside `loop` (lone or starting a loop), as dated entries; unreadable ones leave diagnostics instead. */
export function readDates(loop: LoopInstance, elements: ElementReader): Draft<DateEntry>[] {
  return starts(loop, 'DTM').flatMap((dtm) => readDtm(dtm, elements) ?? []);
}

/**
 * One DTM. The date is DTM02 (with DTM03 time and DTM04 zone) or, from 004010 on, DTM06 in the
 * format DTM05 names: `D8`, `D6`, `RD8` (a period), `DT`, `RDT` (date-time and period of them).
 */
export function readDtm(dtm: Segment, elements: ElementReader): Draft<DateEntry> | undefined {
  const qualifier = elements.text(dtm, 1);
  const base: Draft<DateEntry> = {
    type: dateQualifiers.toCanonical(qualifier) ?? 'other',
    qualifier,
    timeZone: elements.text(dtm, 4),
  };
  if (elements.text(dtm, 2) !== undefined) {
    const date = elements.date(dtm, 2);
    return date === undefined ? undefined : { ...base, date, time: elements.time(dtm, 3) };
  }
  const format = elements.text(dtm, 5);
  const period = elements.text(dtm, 6);
  if (format === undefined || period === undefined) return undefined;
  const parsed = readPeriod(format, period, dtm, elements);
  return parsed && { ...base, ...parsed };
}

type Period = Pick<DateEntry, 'date' | 'time' | 'endDate' | 'endTime'>;

function readPeriod(format: string, raw: string, dtm: Segment, elements: ElementReader): Period | undefined {
  switch (format) {
    case 'D8':
    case 'D6': {
      const date = elements.dateFrom(raw, dtm, 6);
      return date === undefined ? undefined : { date };
    }
    case 'DT':
      return dateTime(raw, dtm, elements);
    case 'RD8':
    case 'RDT': {
      const [from = '', to = ''] = raw.split('-');
      const start = format === 'RD8' ? dateOnly(from, dtm, elements) : dateTime(from, dtm, elements);
      const end = format === 'RD8' ? dateOnly(to, dtm, elements) : dateTime(to, dtm, elements);
      if (!start || !end) return undefined;
      return { ...start, endDate: end.date, endTime: end.time };
    }
    default:
      elements.reject(
        dtm,
        6,
        ElementError.invalidDate,
        raw,
        `is in date format '${format}', which cannot be read as a calendar date`,
      );
      return undefined;
  }
}

function dateOnly(raw: string, dtm: Segment, elements: ElementReader): Period | undefined {
  const date = elements.dateFrom(raw, dtm, 6);
  return date === undefined ? undefined : { date };
}

/** CCYYMMDDHHMM[SS]: a date and a time in one value. */
function dateTime(raw: string, dtm: Segment, elements: ElementReader): Period | undefined {
  const date = elements.dateFrom(raw.slice(0, 8), dtm, 6);
  const time = raw.length > 8 ? elements.timeFrom(raw.slice(8), dtm, 6) : undefined;
  if (date === undefined || (raw.length > 8 && time === undefined)) return undefined;
  return { date, time };
}
