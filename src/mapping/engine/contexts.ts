import type { ElementReader } from './element-reader.js';
import type { ReadTracker } from './read-tracker.js';
import type { CodeTables } from './tables.js';

// The state that reading and writing carry through a mapping's rules, apart from the functions
// that apply them, so that the HL tree readers and writers take those functions as arguments
// instead of importing them back.

type Bag = Record<string, unknown>;

export interface InboundContext {
  elements: ElementReader;
  tables: CodeTables;
  /** Which segments were read, for the extensions. */
  reads: ReadTracker;
  /** The document being read: the owner of the lists of rules with `scope: document`. */
  document: Bag;
  /** 1-based place of the loop iteration being read in its list (for `otherwise: position`). */
  position?: number;
}

export interface OutboundContext {
  tables: CodeTables;
  /** Width of a DT element (6 or 8) in the target version, for a segment id and element position. */
  dateLength(segmentId: string, position: number): 6 | 8;
  /** The document being written: the owner of the lists of rules with `scope: document`. */
  document: Bag;
  /** Paths of the document's values that came from a mapping's defaults, not from its file: not written. */
  defaulted: ReadonlySet<string>;
  /** Items of lists written through `link`, each written once; and the lists, to find items never written. */
  linked: { written: Set<Bag>; lists: Map<unknown[], LinkedList> };
}

export interface LinkedList {
  path: string;
  link: Record<string, string>;
}
