import { repetitionFromIsa11, type Delimiters } from '../delimiters.js';
import { InterchangeNote, type InterchangeNoteCode } from '../codes.js';

/** What the ISA scan found: delimiters, the sixteen element values, and where the segment ends. */
export interface IsaScan {
  delimiters: Delimiters;
  elements: string[];
  /** Index in the text just past the segment terminator. */
  end: number;
  /** The ISA was broken across lines (hard-wrapped file): CR/LF are not data anywhere in it. */
  wrapped: boolean;
}

export interface IsaScanError {
  code: InterchangeNoteCode;
  message: string;
  /** The sixteen ISA values where they could be read, so that a TA1 can still name the interchange. */
  elements?: string[];
}

/** Not enough text yet to see the whole ISA (streaming: wait for more). */
export const NEED_MORE = Symbol('need-more');

const ISA_ELEMENTS = 16;
const isLineBreak = (c: string) => c === '\r' || c === '\n';

/**
 * Reads the separators out of an ISA that starts at `start` (the `I` of `ISA`). The element
 * separator is the character after `ISA`; ISA16 is the component separator; the segment terminator
 * is the character right after ISA16. The ISA is located by counting separators rather than by
 * fixed byte offsets, because partners send unpadded and NBSP-padded headers.
 *
 * @example
 * scanIsa('ISA*00*          *00*...*P*>~GS*...', 0) // { delimiters: { element: '*', component: '>', segment: '~' }, ... }
 */
export function scanIsa(
  text: string,
  start: number,
  final: boolean,
): IsaScan | IsaScanError | typeof NEED_MORE {
  const element = text[start + 3];
  if (element === undefined) return final ? premature() : NEED_MORE;
  if (/[A-Za-z0-9\s]/.test(element)) {
    return {
      code: InterchangeNote.invalidElementSeparator,
      message: `ISA element separator '${printable(element)}' is a letter, digit or space`,
    };
  }
  const elements: string[] = [];
  let current = '';
  let wrapped = false;
  let i = start + 4;
  for (; elements.length < ISA_ELEMENTS - 1; i++) {
    const c = text[i];
    if (c === undefined) return final ? premature() : NEED_MORE;
    if (c === element) {
      elements.push(current);
      current = '';
    } else if (isLineBreak(c)) {
      wrapped = true;
    } else {
      current += c;
    }
    if (i - start > 400)
      return {
        code: InterchangeNote.invalidControlStructure,
        message: 'ISA segment has fewer than 16 elements',
      };
  }
  // i is now just past the 16th element separator: ISA16, then the terminator.
  let component = text[i];
  while (component !== undefined && isLineBreak(component) && wrapped) component = text[++i];
  const segment = text[i + 1];
  if (component === undefined || segment === undefined) return final ? premature() : NEED_MORE;
  elements.push(component);
  const delimiters: Delimiters = {
    element,
    component,
    segment,
    repetition: repetitionFromIsa11(elements[10] ?? '', elements[11] ?? ''),
  };
  const problem = checkDelimiters(delimiters, text, i + 2, wrapped);
  if (problem) return { ...problem, elements };
  let end = i + 2;
  // "~\r\n" style endings: CR before LF belongs to the terminator when the terminator is CR.
  if (segment === '\r' && text[end] === '\n') end++;
  return { delimiters, elements, end, wrapped };
}

function checkDelimiters(
  d: Delimiters,
  text: string,
  after: number,
  wrapped: boolean,
): IsaScanError | undefined {
  if (isLineBreak(d.component)) {
    return {
      code: InterchangeNote.invalidComponentSeparator,
      message: 'ISA16 (component element separator) is missing: the ISA ends right after ISA15',
    };
  }
  if (/[A-Za-z0-9 ]/.test(d.segment)) {
    return {
      code: InterchangeNote.invalidSegmentTerminator,
      message: `segment terminator '${printable(d.segment)}' after ISA16 is a letter, digit or space`,
    };
  }
  if (d.component === d.element || d.component === d.segment || /[A-Za-z0-9 ]/.test(d.component)) {
    return {
      code: InterchangeNote.invalidComponentSeparator,
      message: `ISA16 component separator '${printable(d.component)}' is not usable (a letter, digit, space, or equal to another separator)`,
    };
  }
  if (d.segment === d.element) {
    return {
      code: InterchangeNote.invalidSegmentTerminator,
      message: 'segment terminator equals the element separator',
    };
  }
  if (isLineBreak(d.segment)) {
    if (wrapped) {
      return {
        code: InterchangeNote.invalidControlStructure,
        message: 'ISA is broken by a line break while line breaks terminate segments: the ISA ends early',
      };
    }
    // A missing ISA16 shows as ISA16 = the real terminator, with every later line ending in that
    // same character ("...*T*~" then "GS*...~").
    const nextBreak = text.indexOf('\n', after);
    const line = (nextBreak === -1 ? text.slice(after) : text.slice(after, nextBreak)).replace(/\r$/, '');
    if (line.startsWith('GS') && line.endsWith(d.component) && /[~'!|$]/.test(d.component)) {
      return {
        code: InterchangeNote.invalidComponentSeparator,
        message: `ISA16 (component element separator) is missing: '${d.component}' after ISA15 is the segment terminator`,
      };
    }
  }
  if (
    d.repetition !== undefined &&
    (d.repetition === d.element || d.repetition === d.component || d.repetition === d.segment)
  ) {
    return {
      code: InterchangeNote.invalidStandardsId,
      message: `ISA11 repetition separator '${d.repetition}' equals another separator`,
    };
  }
  return undefined;
}

function premature(): IsaScanError {
  return { code: InterchangeNote.prematureEndOfFile, message: 'file ends inside the ISA segment' };
}

export function printable(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (code < 32 || code === 127) return `\\x${code.toString(16).padStart(2, '0')}`;
  return c;
}
