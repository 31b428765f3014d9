import { ElementError, type ElementErrorCode } from '../codes.js';
import type { Diagnostic } from '../diagnostic.js';
import type { Segment } from '../segment.js';
import {
  Kind,
  type CompiledComposite,
  type CompiledElement,
  type CompiledSegment,
  type CompiledValue,
} from './compiled-segment.js';
import { isValidDate, isValidTime } from './date-time.js';
import { checkSyntaxNotes, type SyntaxNoteProblem } from './syntax-notes.js';

/**
 * Checks every element of a segment against its compiled definition: count, requirement, length,
 * type, code list, composites and repetitions, then the syntax notes. Problems are appended to
 * `out`. The segment's text is scanned in place: a good segment allocates nothing but the
 * substrings it looks up in code lists.
 */
export function checkElements(
  segment: Segment,
  position: number,
  loopId: string | undefined,
  def: CompiledSegment,
  out: Diagnostic[],
): void {
  // One reused context instead of an object per segment: this runs for every segment read.
  const place = shared;
  place.segment = segment;
  place.position = position;
  place.loopId = loopId;
  place.out = out;
  const { element: separator, repetition, component } = segment.delimiters;
  const text = segment.text ?? (segment.elements.length > 0 ? segment.elements.join(separator) : undefined);
  const uses = def.elements;
  let count = 0;
  if (text !== undefined && text.includes('\u0000')) reportNul(place, text, separator, uses);
  if (text !== undefined) {
    let nextComponent = text.indexOf(component);
    let nextRepetition = repetition === undefined ? -1 : text.indexOf(repetition);
    for (let start = 0; ;) {
      let end = text.indexOf(separator, start);
      const last = end === -1;
      if (last) end = text.length;
      const use = uses[count];
      if (use === undefined) {
        const extra = text.slice(start);
        const total = uses.length + extra.split(separator).length;
        // Trailing separators with nothing after them lose no data: noted, and read anyway.
        const empty = extra.split(separator).every((v) => v === '');
        report(
          place,
          ElementError.tooManyElements,
          uses.length + 1,
          undefined,
          undefined,
          `segment ${segment.id} has ${total} elements; the standard defines ${uses.length}${empty ? ' (the extra ones are empty; read anyway)' : ''}`,
          undefined,
          empty ? 'warning' : 'error',
        );
        break;
      }
      if (nextComponent !== -1 && nextComponent < start) nextComponent = text.indexOf(component, start);
      if (nextRepetition !== -1 && nextRepetition < start)
        nextRepetition = text.indexOf(repetition as string, start);
      presence[count++] = start !== end;
      if (start === end) {
        if (use.mandatory) reportMissing(place, use);
      } else if (nextRepetition !== -1 && nextRepetition < end) {
        checkRepeated(place, use, text.slice(start, end), repetition as string);
      } else if (use.composite || (nextComponent !== -1 && nextComponent < end)) {
        checkOne(place, use, text.slice(start, end));
      } else if (use.value) {
        checkInPlace(place, use, use.value, text, start, end);
      }
      if (last) break;
      start = end + separator.length;
    }
  }
  for (let i = count; i < def.lastMandatory; i++) {
    const use = uses[i] as CompiledElement;
    if (use.mandatory) reportMissing(place, use);
  }
  if (def.notes.length) {
    const problems = checkSyntaxNotes(def.notes, presence, count);
    if (problems) reportNotes(place, problems, (p) => def.elements[p - 1]?.ref, undefined);
  }
}

/**
 * A NUL is in no X12 character set: it marks binary data, and a value holding one would reach the
 * canonical document (and PostgreSQL, which refuses it). The set is rejected with each element
 * named, rather than mapped with the NUL inside.
 */
function reportNul(place: Place, text: string, separator: string, uses: readonly CompiledElement[]): void {
  text.split(separator).forEach((value, index) => {
    if (!value.includes('\u0000')) return;
    const use = uses[index];
    const label = use?.label ?? `${place.segment.id}${String(index + 1).padStart(2, '0')}`;
    report(
      place,
      ElementError.invalidCharacter,
      index + 1,
      use?.ref,
      value.replaceAll('\u0000', ''),
      `element ${label} holds a NUL byte: binary data, which no X12 element may carry`,
    );
  });
}

function reportMissing(place: Place, use: CompiledElement): void {
  report(
    place,
    ElementError.mandatoryMissing,
    use.position,
    use.ref,
    undefined,
    `mandatory element ${use.label} is missing`,
  );
}

/** Which elements of the segment being checked hold a value (reused; valid up to the count). */
const presence: boolean[] = [];

/** The common case without substrings: text and numbers need only their length and characters. */
function checkInPlace(
  place: Place,
  use: CompiledElement,
  value: CompiledValue,
  text: string,
  start: number,
  end: number,
): void {
  const length = end - start;
  switch (value.kind) {
    case Kind.AN:
      if (length >= value.min && length <= value.max) return;
      break;
    case Kind.ID:
      if (
        length >= value.min &&
        length <= value.max &&
        (value.codes === undefined || value.codes.has(text.slice(start, end)))
      )
        return;
      break;
    case Kind.N:
    case Kind.R: {
      const digits = numericLength(text, start, end, value.kind === Kind.R);
      if (digits >= value.min && digits <= value.max) return;
      break;
    }
  }
  checkValue(place, use, value, text.slice(start, end), undefined);
}

interface Place {
  segment: Segment;
  position: number;
  loopId: string | undefined;
  out: Diagnostic[];
  /** 1-based repetition being checked (AK401-3), while a repeated element is. */
  repetition: number | undefined;
}

const shared: Place = {
  segment: undefined as unknown as Segment,
  position: 0,
  loopId: undefined,
  out: [],
  repetition: undefined,
};

function checkRepeated(place: Place, use: CompiledElement, raw: string, separator: string): void {
  if (use.repeat === 1) {
    // Partners declare a repetition separator (often '-') and then use it in ZIP+4 codes and
    // references. An element that cannot repeat cannot hold repetitions: the character is data.
    report(
      place,
      ElementError.invalidCharacter,
      use.position,
      use.ref,
      raw,
      `element ${use.label} does not repeat but holds the repetition separator '${separator}'; read as data`,
      undefined,
      'warning',
    );
    checkOne(place, use, raw);
    return;
  }
  const reps = raw.split(separator);
  if (reps.length > use.repeat)
    report(
      place,
      ElementError.tooManyRepetitions,
      use.position,
      use.ref,
      raw,
      `element ${use.label} repeats ${reps.length} times; at most ${use.repeat}`,
    );
  reps.forEach((rep, k) => {
    if (rep === '') return;
    place.repetition = k + 1;
    checkOne(place, use, rep);
  });
  place.repetition = undefined;
}

function checkOne(place: Place, use: CompiledElement, raw: string): void {
  if (use.composite) return checkComposite(place, use, use.composite, raw);
  if (raw.includes(place.segment.delimiters.component)) {
    report(
      place,
      ElementError.tooManyComponents,
      use.position,
      use.ref,
      raw,
      `element ${use.label} is not a composite but holds the component separator '${place.segment.delimiters.component}'`,
    );
    return;
  }
  if (use.value) checkValue(place, use, use.value, raw, undefined);
}

function checkComposite(place: Place, use: CompiledElement, composite: CompiledComposite, raw: string): void {
  const parts = raw.split(place.segment.delimiters.component);
  if (parts.length > composite.components.length) {
    report(
      place,
      ElementError.tooManyComponents,
      use.position,
      use.ref,
      raw,
      `composite ${use.label} has ${parts.length} components; ${composite.ref} defines ${composite.components.length}`,
    );
  }
  for (const component of composite.components) {
    const value = parts[component.position - 1] ?? '';
    if (value === '') {
      if (component.mandatory)
        report(
          place,
          ElementError.mandatoryMissing,
          use.position,
          component.ref,
          undefined,
          `mandatory component ${component.label} is missing`,
          component.position,
        );
    } else if (component.value)
      checkValue(place, component, component.value, value, component.position, use.position);
  }
  if (composite.notes.length) {
    const problems = checkSyntaxNotes(
      composite.notes,
      parts.map((p) => p !== ''),
      parts.length,
    );
    if (problems) reportNotes(place, problems, (p) => composite.components[p - 1]?.ref, use.position);
  }
}

function checkValue(
  place: Place,
  use: CompiledElement,
  def: CompiledValue,
  value: string,
  component: number | undefined,
  elementPosition = use.position,
): void {
  let length = value.length;
  let code: ElementErrorCode | undefined;
  if (def.kind === Kind.N || def.kind === Kind.R) {
    length = numericLength(value, 0, value.length, def.kind === Kind.R);
    if (length < 0) code = ElementError.invalidCharacter;
  }
  if (code === undefined) {
    if (length < def.min) code = ElementError.tooShort;
    else if (length > def.max) code = ElementError.tooLong;
    else if (def.kind === Kind.DT) code = isValidDate(value) ? undefined : ElementError.invalidDate;
    else if (def.kind === Kind.TM) code = isValidTime(value) ? undefined : ElementError.invalidTime;
    else if (def.codes && !def.codes.has(value)) code = ElementError.invalidCode;
  }
  if (code !== undefined)
    report(
      place,
      code,
      elementPosition,
      use.ref,
      value,
      `${use.label} (${def.name}) ${valueProblem(code, def, value, length)}`,
      component,
    );
}

function valueProblem(code: ElementErrorCode, def: CompiledValue, value: string, length: number): string {
  switch (code) {
    case ElementError.invalidCharacter:
      return `'${clip(value)}' is not ${def.kind === Kind.R ? 'a decimal number' : 'a whole number (implied decimals)'}`;
    case ElementError.tooShort:
      return `is ${length} characters long; the minimum is ${def.min}`;
    case ElementError.tooLong:
      return `is ${length} characters long; the maximum is ${def.max}`;
    case ElementError.invalidDate:
      return `'${value}' is not a valid date (${def.max === 6 ? 'YYMMDD' : 'CCYYMMDD'})`;
    case ElementError.invalidTime:
      return `'${value}' is not a valid time (HHMM[SS[D..]])`;
    default:
      return `'${clip(value)}' is not a valid code`;
  }
}

/**
 * Digits counted toward an N or R element's length (sign, decimal point and exponent excluded),
 * or -1 when `text[start, end)` is not a number of that type.
 */
export function numericLength(text: string, start = 0, end = text.length, decimal = false): number {
  let digits = 0;
  let point = false;
  let i = text.charCodeAt(start) === 45 ? start + 1 : start;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && decimal && !point) point = true;
    else if ((c === 69 || c === 101) && decimal && digits > 0)
      return /^-?\d+$/.test(text.slice(i + 1, end)) ? digits : -1;
    else return -1;
  }
  return digits > 0 ? digits : -1;
}

function reportNotes(
  place: Place,
  problems: SyntaxNoteProblem[],
  refAt: (p: number) => string | undefined,
  compositePosition: number | undefined,
): void {
  const { segment, position, loopId } = place;
  for (const note of problems) {
    const elementPosition = compositePosition ?? note.position;
    const label = `${segment.id}${String(elementPosition).padStart(2, '0')}${compositePosition ? `-${note.position}` : ''}`;
    report(
      place,
      note.code,
      elementPosition,
      refAt(note.position),
      undefined,
      `${label}: ${note.reason}`,
      compositePosition ? note.position : undefined,
    );
    const last = place.out[place.out.length - 1];
    if (last && note.trigger !== undefined && compositePosition === undefined) {
      last.trigger = {
        segmentId: segment.id,
        segmentPosition: position,
        elementPosition: note.trigger,
        ...(loopId ? { loopId } : {}),
      };
    }
  }
}

function report(
  place: Place,
  code: ElementErrorCode,
  n: number,
  ref: string | undefined,
  value: string | undefined,
  message: string,
  component?: number,
  severity: 'error' | 'warning' = 'error',
): void {
  const { segment } = place;
  place.out.push({
    level: 'element',
    severity,
    code,
    message,
    segmentId: segment.id,
    segmentPosition: place.position,
    elementPosition: n,
    ...(component !== undefined ? { componentPosition: component } : {}),
    ...(place.repetition !== undefined ? { repetitionPosition: place.repetition } : {}),
    ...(ref !== undefined ? { elementRef: ref } : {}),
    ...(value !== undefined ? { value: value.slice(0, 99) } : {}),
    ...(place.loopId ? { loopId: place.loopId } : {}),
    line: segment.location.line,
    column: segment.location.column,
    fileSegmentIndex: segment.location.index,
  });
}

function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
