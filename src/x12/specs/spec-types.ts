/**
 * The shape of the X12 specification data files in this folder. Specs are data, not code: one
 * element dictionary and one segment dictionary per version, and one structure file per
 * transaction set and version (`004010/850.json`).
 */

/** X12 data element types. `N0`-`N9` are numeric with implied decimals. */
export type ElementType =
  'AN' | 'ID' | 'DT' | 'TM' | 'R' | 'B' | `N${0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}` | 'N';

/** `<version>/elements.json` */
export interface ElementDictionary {
  version: string;
  elements: Record<string, ElementDefinition>;
}

export interface ElementDefinition {
  name: string;
  type: ElementType;
  min: number;
  max: number;
  /** For `ID` elements whose values we check: the allowed codes. Absent: any value of the right length. */
  codes?: string[];
}

/** `<version>/segments.json` */
export interface SegmentDictionary {
  version: string;
  segments: Record<string, SegmentDefinition>;
  composites: Record<string, CompositeDefinition>;
}

/** `M` mandatory, `O` optional, `X` conditional (governed by a syntax note). */
export type Requirement = 'M' | 'O' | 'X';

export interface ElementUse {
  /** Data element reference number (`353`), or a composite id (`C040`) when `composite` is true. */
  ref: string;
  req: Requirement;
  composite?: boolean;
  /** Maximum repetitions (00501+ repeating elements); 1 when absent. */
  repeat?: number;
}

export interface SegmentDefinition {
  name: string;
  elements: ElementUse[];
  /**
   * Syntax notes in the standard's notation: a letter then two-digit element positions.
   * `P0607` paired, `R0203` at least one required, `E0405` only one may be present,
   * `C0506` if the first is present all others are required, `L050607` if the first is present
   * at least one of the others is required.
   */
  syntax?: string[];
}

export interface CompositeDefinition {
  name: string;
  /** Component elements; `ref` is a data element number. */
  elements: ElementUse[];
  /** Syntax notes over component positions, same notation as segments. */
  syntax?: string[];
}

/** `<version>/<set>.json` */
export interface TransactionSetSpec {
  /** ST01, e.g. `850`. */
  id: string;
  version: string;
  name: string;
  /** GS01 functional identifier code this set belongs to, e.g. `PO`. */
  functionalGroup: string;
  /** Heading, detail and summary areas as one ordered list, ST first and SE last. */
  structure: StructureNode[];
}

export type StructureNode = SegmentNode | LoopNode;

export interface SegmentNode {
  segment: string;
  req: 'M' | 'O';
  /** Maximum use; `-1` for >1 (unbounded). */
  max: number;
}

export interface LoopNode {
  /** Loop identifier, conventionally the id of its first segment (`N1`, `PO1`, `HL`), or `N1/N1` style. */
  loop: string;
  req: 'M' | 'O';
  /** Maximum repeat; `-1` for >1 (unbounded). */
  max: number;
  /** The first child must be a segment: it starts each iteration of the loop. */
  children: StructureNode[];
}
