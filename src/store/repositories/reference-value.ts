import type { ReferenceKind } from '../entities/transmission-reference.js';

const CONTROL_KINDS: ReadonlySet<ReferenceKind> = new Set(['isa13', 'gs06', 'st02']);

// A partner's ISA13 or PO number can carry a NUL, which PostgreSQL refuses in any text column
// (the job then failed on every retry); no control character is ever part of a number people search.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/gu;

/** The longest value a reference keeps; longer ones are cut, as no partner number comes near it. */
export const MAX_REFERENCE_LENGTH = 128;

/**
 * A reference value as stored and as searched: trimmed and without control characters, and for
 * control numbers without their leading zeros, since partners and people write `905`, `0905` and
 * `000000905` for one ISA13.
 *
 * @example
 * referenceValue('isa13', '000000905'); // '905'
 * referenceValue('po', ' 4500012345 '); // '4500012345'
 */
export function referenceValue(kind: ReferenceKind, value: string): string {
  const trimmed = value.replace(CONTROL_CHARACTERS, '').trim().slice(0, MAX_REFERENCE_LENGTH);
  if (!CONTROL_KINDS.has(kind) || !/^\d+$/.test(trimmed)) return trimmed;
  return trimmed.replace(/^0+(?=\d)/, '');
}
