import { formatCanonicalError, validateCanonical, type CanonicalDocument } from '../../canonical/index.js';
import {
  TransactionSetError,
  type Diagnostic,
  type LoopInstance,
  type TransactionSet,
} from '../../x12/index.js';
import { documentHeader } from './document-header.js';
import { ElementReader } from './element-reader.js';
import { withoutUndefined } from './prune.js';
import { mappedTransactionSets, mapperFor } from './registry.js';
import type { MappingContext } from './transaction-set-mapper.js';

export interface MappingResult {
  /** The documents read from the set (one per set today), each valid against the canonical schema. */
  documents: CanonicalDocument[];
  /** Values that could not be converted, segments the mapping needed, schema violations. */
  diagnostics: Diagnostic[];
}

/**
 * Maps one transaction set, with the loop tree the structural validator built for it, to canonical
 * documents. Nothing throws for bad data: a value that cannot be converted becomes an element
 * diagnostic (code 8 for dates, 6 for numbers), and a document that does not satisfy the canonical
 * schema is left out with one diagnostic per violation. A caller treats any `error` diagnostic as
 * rejecting the set; a document is still returned when it is complete, so a person can see what
 * was read.
 *
 * @example
 * const { transactionSets } = readX12(bytes); // validates each set and keeps its loop tree
 * for (const set of transactionSets) {
 *   if (!set.loops) continue; // no spec for this set or version
 *   const { documents, diagnostics } = mapTransactionSet(set, set.loops, { partnerId: 'acme' });
 * }
 */
export function mapTransactionSet(
  set: TransactionSet,
  tree: LoopInstance,
  context: MappingContext,
): MappingResult {
  const mapper = mapperFor(set.id);
  if (!mapper) {
    const message = `transaction set ${set.id} has no canonical mapping; mapped sets are ${mappedTransactionSets().join(', ')}`;
    return { documents: [], diagnostics: [setProblem(set, TransactionSetError.notSupported, message)] };
  }
  const elements = new ElementReader(set);
  const header = documentHeader(mapper.documentType, set, context);
  const draft = mapper.map({ set, tree, elements, header, context });
  // File order, whatever order the mapper happened to read the segments in.
  const diagnostics = [...elements.diagnostics].sort(
    (a, b) =>
      (a.segmentPosition ?? 0) - (b.segmentPosition ?? 0) ||
      (a.elementPosition ?? 0) - (b.elementPosition ?? 0),
  );
  if (draft === undefined) return { documents: [], diagnostics };

  const validation = validateCanonical(withoutUndefined(draft));
  if (validation.valid) return { documents: [validation.document], diagnostics };
  for (const error of validation.errors) {
    const message = `the ${mapper.documentType} read from this set is incomplete or wrong at ${formatCanonicalError(error)}`;
    diagnostics.push(setProblem(set, TransactionSetError.segmentsInError, message));
  }
  return { documents: [], diagnostics };
}

function setProblem(set: TransactionSet, code: '1' | '5', message: string): Diagnostic {
  const st = set.segments[0];
  return {
    level: 'transaction',
    code,
    severity: 'error',
    message,
    segmentId: 'ST',
    segmentPosition: 1,
    ...(st
      ? { line: st.location.line, column: st.location.column, fileSegmentIndex: st.location.index }
      : {}),
  };
}
