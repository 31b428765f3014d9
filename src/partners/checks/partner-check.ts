import { pointerKeys, type Finding } from '../problem.js';

/** What the person wrote, before schema defaults were filled in. */
export interface WrittenFields {
  has(pointer: string): boolean;
}

/**
 * A rule the schema cannot express (two fields that must differ, a field required by another's
 * value). One file per rule, registered in `index.ts`.
 */
export interface PartnerCheck<Partner> {
  /** The sections the rule reads; it is skipped while the schema reports a problem inside one. */
  readonly reads: readonly string[];
  readonly run: (partner: Partner, written: WrittenFields) => Finding[];
}

/** Answers `has` from a copy of the parsed file taken before validation. */
export function writtenFields(raw: unknown): WrittenFields {
  return {
    has(pointer) {
      let node: unknown = raw;
      for (const key of pointerKeys(pointer)) {
        if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return false;
        node = (node as Record<string, unknown>)[key];
      }
      return true;
    },
  };
}
