/**
 * X12 DT and TM checks. A DT of 6 digits is YYMMDD, of 8 digits CCYYMMDD; a TM is HHMM, HHMMSS,
 * HHMMSSD or HHMMSSDD.
 */
export function isValidDate(value: string): boolean {
  if (!/^\d{6}(\d{2})?$/.test(value)) return false;
  const full = value.length === 8 ? value : (Number(value.slice(0, 2)) < 50 ? '20' : '19') + value;
  const year = Number(full.slice(0, 4));
  const month = Number(full.slice(4, 6));
  const day = Number(full.slice(6, 8));
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

export function isValidTime(value: string): boolean {
  if (!/^\d{4}(\d{2}(\d{1,2})?)?$/.test(value)) return false;
  const hh = Number(value.slice(0, 2));
  const mm = Number(value.slice(2, 4));
  const ss = value.length >= 6 ? Number(value.slice(4, 6)) : 0;
  return hh <= 23 && mm <= 59 && ss <= 59;
}

/** ISO 8601 date (`YYYY-MM-DD`) from an X12 DT, or `undefined` if it is not a valid date. */
export function toIsoDate(value: string): string | undefined {
  if (!isValidDate(value)) return undefined;
  const full = value.length === 8 ? value : (Number(value.slice(0, 2)) < 50 ? '20' : '19') + value;
  return `${full.slice(0, 4)}-${full.slice(4, 6)}-${full.slice(6, 8)}`;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
