import { ElementError, type ElementErrorCode } from '../codes.js';
import type { Diagnostic } from '../diagnostic.js';
import type { Segment } from '../segment.js';
import type { ElementDefinition, ElementUse, SegmentDefinition } from '../specs/spec-types.js';
import type { VersionSpecs } from '../specs/index.js';
import { isValidDate, isValidTime } from './date-time.js';
import { checkSyntaxNotes } from './syntax-notes.js';

/** Where an element problem is, for the diagnostic. */
interface Place {
  segment: Segment;
  position: number;
  loopId: string | undefined;
  out: Diagnostic[];
}

const codeSets = new WeakMap<ElementDefinition, ReadonlySet<string>>();

/**
 * Checks every element of a segment against its definition: count, requirement, length, type,
 * code list, composites and repetitions, then the segment's syntax notes.
 */
export function checkElements(segment: Segment, position: number, loopId: string | undefined, def: SegmentDefinition, specs: VersionSpecs): Diagnostic[] {
  const out: Diagnostic[] = [];
  const place: Place = { segment, position, loopId, out };
  const { elements } = segment;
  if (elements.length > def.elements.length) {
    const extra = def.elements.length + 1;
    report(place, ElementError.tooManyElements, extra, undefined, undefined, `segment ${segment.id} has ${elements.length} elements; the standard defines ${def.elements.length}`);
  }
  const d = segment.delimiters;
  for (let i = 0; i < def.elements.length; i++) {
    const use = def.elements[i] as ElementUse;
    const raw = elements[i] ?? '';
    const n = i + 1;
    if (raw === '') {
      if (use.req === 'M') report(place, ElementError.mandatoryMissing, n, use.ref, undefined, `mandatory element ${label(segment.id, n)} is missing`);
      continue;
    }
    const reps = d.repetition !== undefined && raw.includes(d.repetition) ? raw.split(d.repetition) : [raw];
    if (reps.length > (use.repeat ?? 1)) {
      report(place, ElementError.tooManyRepetitions, n, use.ref, raw, `element ${label(segment.id, n)} repeats ${reps.length} times; at most ${use.repeat ?? 1}`);
    }
    for (const rep of reps) {
      if (use.composite) checkComposite(place, n, use, rep, specs);
      else if (rep.includes(d.component)) {
        report(place, ElementError.tooManyComponents, n, use.ref, rep, `element ${label(segment.id, n)} is not a composite but holds the component separator '${d.component}'`);
      } else checkValue(place, n, undefined, use.ref, rep, specs);
    }
  }
  for (const note of checkSyntaxNotes(def.syntax, (k) => (elements[k - 1] ?? '') !== '')) {
    const ref = def.elements[note.position - 1]?.ref;
    report(place, note.code, note.position, ref, undefined, `${label(segment.id, note.position)}: ${note.reason}`);
    const last = out[out.length - 1];
    if (last && note.trigger !== undefined) {
      last.trigger = { segmentId: segment.id, segmentPosition: position, elementPosition: note.trigger, ...(loopId ? { loopId } : {}) };
    }
  }
  return out;
}

function checkComposite(place: Place, n: number, use: ElementUse, raw: string, specs: VersionSpecs): void {
  const def = specs.segments.composites[use.ref];
  if (!def) return;
  const parts = raw.split(place.segment.delimiters.component);
  if (parts.length > def.elements.length) {
    report(place, ElementError.tooManyComponents, n, use.ref, raw, `composite ${label(place.segment.id, n)} has ${parts.length} components; ${use.ref} defines ${def.elements.length}`);
  }
  def.elements.forEach((component, k) => {
    const value = parts[k] ?? '';
    if (value === '') {
      if (component.req === 'M') report(place, ElementError.mandatoryMissing, n, component.ref, undefined, `mandatory component ${label(place.segment.id, n)}-${k + 1} is missing`, k + 1);
    } else checkValue(place, n, k + 1, component.ref, value, specs);
  });
  for (const note of checkSyntaxNotes(def.syntax, (k) => (parts[k - 1] ?? '') !== '')) {
    report(place, note.code, n, def.elements[note.position - 1]?.ref, undefined, `${label(place.segment.id, n)}-${note.position}: ${note.reason}`, note.position);
  }
}

function checkValue(place: Place, n: number, component: number | undefined, ref: string, value: string, specs: VersionSpecs): void {
  const def = specs.elements.elements[ref];
  if (!def) return;
  const name = `${label(place.segment.id, n)}${component ? `-${component}` : ''} (${def.name})`;
  const fail = (code: ElementErrorCode, why: string) => report(place, code, n, ref, value, `${name} ${why}`, component);
  const type = def.type;
  let length = value.length;
  if (type === 'R' || type[0] === 'N') {
    const pattern = type === 'R' ? /^-?(\d+\.?\d*|\.\d+)([Ee]-?\d+)?$/ : /^-?\d+$/;
    if (!pattern.test(value)) return fail(ElementError.invalidCharacter, `'${clip(value)}' is not ${type === 'R' ? 'a decimal number' : 'a whole number (implied decimals)'}`);
    length = value.replace(/^-/, '').replace('.', '').replace(/[Ee]-?\d+$/, '').length;
  }
  if (length < def.min) return fail(ElementError.tooShort, `is ${length} characters long; the minimum is ${def.min}`);
  if (length > def.max) return fail(ElementError.tooLong, `is ${length} characters long; the maximum is ${def.max}`);
  if (type === 'DT' && !isValidDate(value)) return fail(ElementError.invalidDate, `'${value}' is not a valid date (${def.max === 6 ? 'YYMMDD' : 'CCYYMMDD'})`);
  if (type === 'TM' && !isValidTime(value)) return fail(ElementError.invalidTime, `'${value}' is not a valid time (HHMM[SS[D..]])`);
  if (type === 'ID' && def.codes) {
    if (!codesOf(def).has(value)) fail(ElementError.invalidCode, `'${clip(value)}' is not a valid code`);
  }
}

function codesOf(def: ElementDefinition): ReadonlySet<string> {
  let set = codeSets.get(def);
  if (!set) {
    set = new Set(def.codes);
    codeSets.set(def, set);
  }
  return set;
}

function report(place: Place, code: ElementErrorCode, n: number, ref: string | undefined, value: string | undefined, message: string, component?: number): void {
  const { segment } = place;
  place.out.push({
    level: 'element',
    severity: 'error',
    code,
    message,
    segmentId: segment.id,
    segmentPosition: place.position,
    elementPosition: n,
    ...(component !== undefined ? { componentPosition: component } : {}),
    ...(ref !== undefined ? { elementRef: ref } : {}),
    ...(value !== undefined ? { value: value.slice(0, 99) } : {}),
    ...(place.loopId ? { loopId: place.loopId } : {}),
    line: segment.location.line,
    column: segment.location.column,
    fileSegmentIndex: segment.location.index,
  });
}

function label(segmentId: string, n: number): string {
  return `${segmentId}${String(n).padStart(2, '0')}`;
}

function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
