import { ElementError, type ElementErrorCode } from '../codes.js';
import type { CompiledNote } from './compiled-segment.js';

export interface SyntaxNoteProblem {
  /** 1-based position of the element to report. */
  position: number;
  code: ElementErrorCode;
  reason: string;
  /** The element whose presence made this one required (paired and conditional notes). */
  trigger?: number;
}

/**
 * Checks the standard's syntax notes (`P0607`, `R0203`, `E0405`, `C0506`, `L050607`) against which
 * positions hold a value (`values[p - 1]` non-empty). Returns nothing, and allocates nothing,
 * when all notes hold.
 *
 * @example
 * checkSyntaxNotes([{ text: 'P0304', kind: 'P', positions: [3, 4] }], ['', '', 'X', '']); // [{ position: 4, code: '2', ... }]
 */
export function checkSyntaxNotes(notes: readonly CompiledNote[], values: readonly string[]): SyntaxNoteProblem[] | undefined {
  let out: SyntaxNoteProblem[] | undefined;
  for (const note of notes) {
    if (holds(note, values)) continue;
    const present = (p: number) => (values[p - 1] ?? '') !== '';
    (out ??= []).push(...explain(note, present));
  }
  return out;
}

/** Whether a note holds; `values[p - 1]` is the element (or component) at position `p`. */
function holds(note: CompiledNote, values: readonly string[]): boolean {
  const { positions } = note;
  let on = 0;
  for (let i = 0; i < positions.length; i++) {
    const v = values[(positions[i] as number) - 1];
    if (v !== undefined && v !== '') on++;
  }
  if (on === 0) return note.kind !== 'R';
  switch (note.kind) {
    case 'P':
      return on === positions.length;
    case 'R':
      return true;
    case 'E':
      return on <= 1;
    case 'C': {
      const first = values[(positions[0] as number) - 1];
      return first === undefined || first === '' || on === positions.length;
    }
    case 'L': {
      const first = values[(positions[0] as number) - 1];
      return first === undefined || first === '' || on > 1;
    }
    default:
      return true;
  }
}

function explain(note: CompiledNote, present: (position: number) => boolean): SyntaxNoteProblem[] {
  const pad = (p: number) => String(p).padStart(2, '0');
  const [first = 0, ...rest] = note.positions;
  const names = note.positions.map(pad).join(', ');
  const missing = note.positions.filter((p) => !present(p));
  switch (note.kind) {
    case 'P': {
      const trigger = note.positions.find(present);
      return missing.map((p) => ({ position: p, code: ElementError.conditionalMissing, trigger, reason: `required because its pair is present (syntax note ${note.text}: ${names} go together)` }));
    }
    case 'R':
      return [{ position: first, code: ElementError.conditionalMissing, reason: `at least one of elements ${names} is required (syntax note ${note.text})` }];
    case 'E':
      return note.positions.filter(present).slice(1).map((p) => ({ position: p, code: ElementError.exclusionViolated, reason: `only one of elements ${names} may be present (syntax note ${note.text})` }));
    case 'C':
      return missing.map((p) => ({ position: p, code: ElementError.conditionalMissing, trigger: first, reason: `required because element ${pad(first)} is present (syntax note ${note.text})` }));
    default:
      return [{ position: rest[0] ?? first, code: ElementError.conditionalMissing, trigger: first, reason: `one of elements ${rest.map(pad).join(', ')} is required because element ${pad(first)} is present (syntax note ${note.text})` }];
  }
}
