/**
 * The four separators of an interchange. They are read from each ISA segment and never assumed:
 * two interchanges in one file may use different ones.
 */
export interface Delimiters {
  /** Data element separator: the byte right after `ISA`. */
  readonly element: string;
  /** Repetition separator (ISA11) from version 00402 on; `undefined` where ISA11 is the `U` standards id. */
  readonly repetition: string | undefined;
  /** Component element separator (ISA16). */
  readonly component: string;
  /** Segment terminator: the character right after ISA16. */
  readonly segment: string;
}

/** The separators most 004010 partners use; a default for outbound files only. */
export const COMMON_DELIMITERS: Delimiters = {
  element: '*',
  repetition: undefined,
  component: '>',
  segment: '~',
};

/**
 * ISA11 holds a repetition separator from version 00402 on (it was the `U` standards identifier
 * before). A letter or digit there cannot be a separator, whatever the version says.
 */
export function repetitionFromIsa11(isa11: string, isa12: string): string | undefined {
  if (isa11.length !== 1 || /[A-Za-z0-9 ]/.test(isa11)) return undefined;
  return isa12 >= '00402' ? isa11 : undefined;
}
