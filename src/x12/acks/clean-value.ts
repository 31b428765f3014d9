import type { Delimiters } from '../delimiters.js';

// C0 controls (CR and LF among them), DEL and C1 controls: a NUL makes the whole reply read as
// binary, and a partner's translator may take any of them for a separator of its own.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;

/**
 * Removes every separator and control character from text copied out of the inbound file: the
 * standard forbids an AK404 that would itself be a syntax error, a separator would split the
 * segment, and a control byte (NUL above all) would make the reply unreadable.
 *
 * @example
 * cleanValue('24>3~1\u0000', { element: '*', component: '>', segment: '~', repetition: undefined }); // '2431'
 */
export function cleanValue(text: string | undefined, delimiters: Delimiters): string {
  if (text === undefined) return '';
  const banned = new Set([delimiters.element, delimiters.component, delimiters.segment]);
  if (delimiters.repetition !== undefined) banned.add(delimiters.repetition);
  return [...text].filter((c) => !banned.has(c) && !CONTROL.test(c)).join('');
}

/**
 * A value the reply copies from the inbound file (AK101, AK202, TA102 ...): cleaned as above and
 * cut to the element's maximum length, so that a wrong value the partner sent stays recognisable
 * but cannot make the reply itself too long to read.
 */
export function echoValue(text: string | undefined, delimiters: Delimiters, max: number): string {
  const clean = cleanValue(text, delimiters);
  if (clean.length <= max) return clean;
  // Lengths are counted as the reader counts them (UTF-16 units), without splitting a pair.
  let cut = '';
  for (const c of clean) {
    if (cut.length + c.length > max) break;
    cut += c;
  }
  return cut;
}
