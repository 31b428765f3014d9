import { ElementError, type ElementErrorCode } from '../codes.js';

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
 * positions hold a value.
 *
 * @example
 * checkSyntaxNotes(['P0304'], (n) => n === 3); // [{ position: 4, code: '2', reason: ... }]
 */
export function checkSyntaxNotes(notes: readonly string[] | undefined, present: (position: number) => boolean): SyntaxNoteProblem[] {
  if (!notes) return [];
  const out: SyntaxNoteProblem[] = [];
  for (const note of notes) {
    const kind = note[0];
    const positions = (note.slice(1).match(/\d{2}/g) ?? []).map(Number);
    const on = positions.filter(present);
    const names = positions.map((p) => String(p).padStart(2, '0')).join(', ');
    const [first, ...rest] = positions;
    if (first === undefined) continue;
    switch (kind) {
      case 'P':
        if (on.length > 0 && on.length < positions.length) {
          for (const p of positions.filter((q) => !present(q))) out.push({ position: p, code: ElementError.conditionalMissing, trigger: on[0], reason: `required because its pair is present (syntax note ${note}: ${names} go together)` });
        }
        break;
      case 'R':
        if (on.length === 0) out.push({ position: first, code: ElementError.conditionalMissing, reason: `at least one of elements ${names} is required (syntax note ${note})` });
        break;
      case 'E':
        for (const p of on.slice(1)) out.push({ position: p, code: ElementError.exclusionViolated, reason: `only one of elements ${names} may be present (syntax note ${note})` });
        break;
      case 'C':
        if (present(first)) {
          for (const p of rest.filter((q) => !present(q))) out.push({ position: p, code: ElementError.conditionalMissing, trigger: first, reason: `required because element ${String(first).padStart(2, '0')} is present (syntax note ${note})` });
        }
        break;
      case 'L':
        if (present(first) && !rest.some(present)) {
          out.push({ position: rest[0] ?? first, code: ElementError.conditionalMissing, trigger: first, reason: `one of elements ${rest.map((p) => String(p).padStart(2, '0')).join(', ')} is required because element ${String(first).padStart(2, '0')} is present (syntax note ${note})` });
        }
        break;
    }
  }
  return out;
}
