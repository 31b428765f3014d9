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
 * positions hold a value. Returns nothing, and allocates nothing, when all notes hold.
 *
 * @example
 * checkSyntaxNotes([{ text: 'P0304', kind: 'P', positions: [3, 4] }], [false, false, true, false], 4); // [{ position: 4, code: '2', ... }]
 */
export function checkSyntaxNotes(
  notes: readonly CompiledNote[],
  presence: readonly boolean[],
  count: number,
): SyntaxNoteProblem[] | undefined {
  let out: SyntaxNoteProblem[] | undefined;
  for (const note of notes) {
    if (holds(note, presence, count)) continue;
    const present = (p: number) => p <= count && presence[p - 1] === true;
    (out ??= []).push(...explain(note, present));
  }
  return out;
}

/** Whether a note holds; `presence[p - 1]` says whether position `p` (up to `count`) has a value. */
function holds(note: CompiledNote, presence: readonly boolean[], count: number): boolean {
  const { positions } = note;
  const at = (p: number) => p <= count && presence[p - 1] === true;
  let on = 0;
  for (let i = 0; i < positions.length; i++) if (at(positions[i] as number)) on++;
  if (on === 0) return note.kind !== 'R';
  switch (note.kind) {
    case 'P':
      return on === positions.length;
    case 'R':
      return true;
    case 'E':
      return on <= 1;
    case 'C':
      return !at(positions[0] as number) || on === positions.length;
    case 'L':
      return !at(positions[0] as number) || on > 1;
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
      return missing.map((p) => ({
        position: p,
        code: ElementError.conditionalMissing,
        trigger,
        reason: `required because its pair is present (syntax note ${note.text}: ${names} go together)`,
      }));
    }
    case 'R':
      return [
        {
          position: first,
          code: ElementError.conditionalMissing,
          reason: `at least one of elements ${names} is required (syntax note ${note.text})`,
        },
      ];
    case 'E':
      return note.positions
        .filter(present)
        .slice(1)
        .map((p) => ({
          position: p,
          code: ElementError.exclusionViolated,
          reason: `only one of elements ${names} may be present (syntax note ${note.text})`,
        }));
    case 'C':
      return missing.map((p) => ({
        position: p,
        code: ElementError.conditionalMissing,
        trigger: first,
        reason: `required because element ${pad(first)} is present (syntax note ${note.text})`,
      }));
    default:
      return [
        {
          position: rest[0] ?? first,
          code: ElementError.conditionalMissing,
          trigger: first,
          reason: `one of elements ${rest.map(pad).join(', ')} is required because element ${pad(first)} is present (syntax note ${note.text})`,
        },
      ];
  }
}
