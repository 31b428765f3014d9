import type { Delimiters } from './delimiters.js';
import { X12WriteError, type X12WriteLocation } from './writer-error.js';

/**
 * One element to write: a simple value, the components of a composite, or the repetitions of a
 * repeated element (00402 and later), each a list of components.
 */
export type ElementValue = string | readonly string[] | readonly (readonly string[])[];

/** One segment to write: its id, then element 01, 02 ... */
export type SegmentValues = readonly [id: string, ...elements: ElementValue[]];

const SEGMENT_ID = /^[A-Z][A-Z0-9]{1,2}$/;

/**
 * The separators as they will be written: `repetition` is `undefined` below version 00402, where
 * ISA11 is the `U` standards identifier and the repetition character is ordinary data.
 */
export function effectiveDelimiters(delimiters: Delimiters, version: string): Delimiters {
  // A malformed ISA12 is reported by the ISA checks, not as a missing separator.
  const repeats = /^\d{5}$/.test(version) && version >= '00402';
  if (repeats && delimiters.repetition === undefined) {
    throw X12WriteError.invalidDelimiters(
      `version ${version} carries a repetition separator in ISA11, but none was given`,
    );
  }
  const effective = { ...delimiters, repetition: repeats ? delimiters.repetition : undefined };
  const named = namedDelimiters(effective);
  for (const [name, character] of named) {
    if (character.length !== 1) throw X12WriteError.invalidDelimiters(`the ${name} must be one character`);
    // A receiver cannot tell a letter, digit or space separator from data.
    if (/[A-Za-z0-9 ]/.test(character)) {
      throw X12WriteError.invalidDelimiters(`the ${name} '${character}' is a letter, digit or space`);
    }
  }
  const characters = named.map(([, character]) => character);
  if (new Set(characters).size !== characters.length) {
    throw X12WriteError.invalidDelimiters(`two separators are the same character (${characters.join(' ')})`);
  }
  return effective;
}

/** The separators in force, with the name a person would use for each. */
export function namedDelimiters(delimiters: Delimiters): [name: string, character: string][] {
  const named: [string, string][] = [
    ['element separator', delimiters.element],
    ['component separator', delimiters.component],
    ['segment terminator', delimiters.segment],
  ];
  if (delimiters.repetition !== undefined) named.push(['repetition separator', delimiters.repetition]);
  return named;
}

/** Throws when `value` holds any separator in force. */
export function assertNoDelimiter(value: string, location: X12WriteLocation, delimiters: Delimiters): void {
  for (const [name, character] of namedDelimiters(delimiters)) {
    if (value.includes(character)) throw X12WriteError.delimiterInValue(location, name, character);
  }
}

/**
 * The text of one segment without its terminator. Trailing empty elements (and trailing empty
 * components of a composite) are dropped, as the standard requires.
 */
export function segmentText(values: SegmentValues, delimiters: Delimiters): string {
  const [segmentId, ...elements] = values;
  if (!SEGMENT_ID.test(segmentId)) {
    throw X12WriteError.invalidStructure(segmentId, 'a segment id is 2 or 3 capital letters or digits');
  }
  const texts = elements.map((element, index) =>
    elementText(element, { segmentId, elementPosition: index + 1 }, delimiters),
  );
  return [segmentId, ...withoutTrailingEmpties(texts)].join(delimiters.element);
}

function elementText(element: ElementValue, location: X12WriteLocation, delimiters: Delimiters): string {
  if (typeof element === 'string') {
    assertNoDelimiter(element, location, delimiters);
    return element;
  }
  if (isRepeated(element)) {
    if (delimiters.repetition === undefined) {
      throw X12WriteError.invalidValue(
        location,
        element.map((r) => r.join(delimiters.component)).join(' | '),
        'one value: this interchange version has no repetition separator',
      );
    }
    return element.map((repeat) => componentsText(repeat, location, delimiters)).join(delimiters.repetition);
  }
  return componentsText(element, location, delimiters);
}

function isRepeated(
  element: readonly string[] | readonly (readonly string[])[],
): element is readonly (readonly string[])[] {
  return Array.isArray(element[0]);
}

function componentsText(
  element: readonly string[],
  location: X12WriteLocation,
  delimiters: Delimiters,
): string {
  element.forEach((component, index) => {
    assertNoDelimiter(component, { ...location, componentPosition: index + 1 }, delimiters);
  });
  return withoutTrailingEmpties(element).join(delimiters.component);
}

function withoutTrailingEmpties(values: readonly string[]): readonly string[] {
  let end = values.length;
  while (end > 0 && values[end - 1] === '') end--;
  return values.slice(0, end);
}
