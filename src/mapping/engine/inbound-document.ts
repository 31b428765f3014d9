import {
  canonicalSchemas,
  validateCanonical,
  formatCanonicalError,
  type CanonicalDocument,
  type CanonicalDocumentType,
} from '../../canonical/index.js';
import { fillRequiredArrays } from './required-arrays.js';
import { getPath, setPath } from './paths.js';
import {
  TransactionSetError,
  type Diagnostic,
  type LoopInstance,
  type TransactionSet,
} from '../../x12/index.js';
import { documentHeader } from './document-header.js';
import { ElementReader } from './element-reader.js';
import { collectExtensions } from './extensions-inbound.js';
import { runPostSteps } from './post-steps/index.js';
import { ReadTracker } from './read-tracker.js';
import { withoutUndefined } from './prune.js';
import type { MappingContext } from './mapping-context.js';
import { applyInbound } from './inbound.js';
import type { Mapping } from './mapping-schema.js';
import { CodeTables } from './tables.js';

/** Lists written by position (`errorCodes[2]` with no `[1]`) keep no holes. */
function compactArrays(value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  for (const [key, item] of Object.entries(value)) {
    if (Array.isArray(item)) {
      const dense = item.filter((v) => v !== undefined);
      (value as Record<string, unknown>)[key] = dense;
      dense.forEach(compactArrays);
    } else compactArrays(item);
  }
}

export interface MappedDocument {
  documents: CanonicalDocument[];
  diagnostics: Diagnostic[];
}

/**
 * Reads one transaction set into a canonical document with a mapping. Values that do not convert
 * and documents the canonical schema refuses become diagnostics; nothing throws for bad data.
 * Segments no rule reads are kept in the document's `extensions`.
 *
 * @example
 * const mapping = loadMapping('./mappings', 'x12/004010/855');
 * const { documents, diagnostics } = readWithMapping(set, set.loops!, mapping, { partnerId: 'acme' });
 */
export function readWithMapping(
  set: TransactionSet,
  tree: LoopInstance,
  mapping: Mapping,
  context: MappingContext,
): MappedDocument {
  const elements = new ElementReader(set);
  const type = mapping.document as CanonicalDocumentType;
  const draft: Record<string, unknown> = { type, ...documentHeader(type, set, context) };
  const reads = new ReadTracker();
  const tables = new CodeTables(mapping.tables);
  applyInbound(mapping.body, tree, draft, { elements, tables, reads, document: draft });
  const defaulted = Object.keys(mapping.defaults).filter((path) => getPath(draft, path) === undefined);
  for (const path of defaulted) setPath(draft, path, mapping.defaults[path]);
  if (defaulted.length > 0) setPath(draft, 'source.defaulted', defaulted);
  runPostSteps(type, draft);
  const extensions = collectExtensions(tree, reads);
  if (extensions.length > 0) draft['extensions'] = extensions;
  fillRequiredArrays(draft, canonicalSchemas[type]);
  compactArrays(draft);
  const diagnostics = [...elements.diagnostics];
  const validation = validateCanonical(withoutUndefined(draft));
  if (validation.valid) return { documents: [validation.document], diagnostics };
  const st = set.segments[0];
  for (const error of validation.errors) {
    diagnostics.push({
      level: 'transaction',
      code: TransactionSetError.segmentsInError,
      severity: 'error',
      message: `the ${type} read from this set with ${mapping.sources.at(-1) ?? 'its mapping'} is incomplete or wrong at ${formatCanonicalError(error)}`,
      segmentId: 'ST',
      segmentPosition: 1,
      ...(st
        ? { line: st.location.line, column: st.location.column, fileSegmentIndex: st.location.index }
        : {}),
    });
  }
  return { documents: [], diagnostics };
}
