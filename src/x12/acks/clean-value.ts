import type { Delimiters } from '../delimiters.js';

/**
 * Removes every separator (and CR/LF) from text copied out of the inbound file: the standard
 * forbids an AK404 that would itself be a syntax error, and a separator would split the segment.
 */
export function cleanValue(text: string | undefined, delimiters: Delimiters): string {
  if (text === undefined) return '';
  const banned = new Set([delimiters.element, delimiters.component, delimiters.segment, '\r', '\n']);
  if (delimiters.repetition !== undefined) banned.add(delimiters.repetition);
  return [...text].filter((c) => !banned.has(c)).join('');
}
