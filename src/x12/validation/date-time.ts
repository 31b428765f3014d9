/**
 * X12 DT and TM checks. A DT of 6 digits is YYMMDD, of 8 digits CCYYMMDD; a TM is HHMM, HHMMSS,
 * HHMMSSD or HHMMSSDD.
 */
export function isValidDate(value: string): boolean {
  const n = value.length;
  if (n !== 6 && n !== 8) return false;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  // Digit arithmetic rather than slicing: this runs for every date element read.
  const digit = (i: number) => value.charCodeAt(i) - 48;
  const yy = digit(n - 6) * 10 + digit(n - 5);
  const year = n === 8 ? digit(0) * 1000 + digit(1) * 100 + yy : yy < 50 ? 2000 + yy : 1900 + yy;
  const month = digit(n - 4) * 10 + digit(n - 3);
  const day = digit(n - 2) * 10 + digit(n - 1);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 ? (isLeap(year) ? 29 : 28) : (DAYS_IN_MONTH[month - 1] ?? 0));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isValidTime(value: string): boolean {
  const n = value.length;
  if (n !== 4 && n !== 6 && n !== 7 && n !== 8) return false;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const pair = (i: number) => (value.charCodeAt(i) - 48) * 10 + value.charCodeAt(i + 1) - 48;
  return pair(0) <= 23 && pair(2) <= 59 && (n === 4 || pair(4) <= 59);
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
