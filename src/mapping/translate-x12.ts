import type { CanonicalDocument } from '../canonical/index.js';
import { hasErrors, readX12, type Diagnostic, type Interchange, type TransactionSet } from '../x12/index.js';
import { mapTransactionSet } from './x12-to-canonical/index.js';

export interface TranslationContext {
  /** Partner id stamped on the documents; default: the ISA sender id. */
  partnerId?: string;
  transmissionId?: string;
}

export interface Translation {
  /** Canonical documents of the accepted transaction sets, in file order. */
  documents: CanonicalDocument[];
  /** Every problem found, errors and warnings, in file order. */
  diagnostics: Diagnostic[];
  /** False when anything was rejected: the file, an interchange, a group or a set. */
  accepted: boolean;
  interchanges: Interchange[];
}

/**
 * Reads, validates and maps a whole X12 file: the `translate` command and the HTTP API both stand
 * on it. Sets inside a rejected interchange or group, and sets with errors, are not mapped.
 *
 * @example
 * const { documents, accepted, diagnostics } = translateX12(fs.readFileSync('po.edi'));
 */
export function translateX12(input: string | Uint8Array, context: TranslationContext = {}): Translation {
  const read = readX12(input);
  const documents: CanonicalDocument[] = [];
  const mappingDiagnostics: Diagnostic[] = [];
  for (const set of read.transactionSets) {
    if (!mappable(set) || !set.loops) continue;
    const partnerId = context.partnerId ?? set.interchange.sender.id;
    const mapped = mapTransactionSet(set, set.loops, {
      partnerId,
      ...(context.transmissionId ? { transmissionId: context.transmissionId } : {}),
    });
    documents.push(...mapped.documents);
    mappingDiagnostics.push(...mapped.diagnostics);
  }
  const diagnostics = [
    ...read.diagnostics,
    ...read.interchanges.flatMap(envelopeDiagnostics),
    ...mappingDiagnostics,
  ].sort((a, b) => (a.fileSegmentIndex ?? 0) - (b.fileSegmentIndex ?? 0));
  return {
    documents,
    diagnostics,
    accepted: !hasErrors(diagnostics) && read.interchanges.length > 0,
    interchanges: read.interchanges,
  };
}

function mappable(set: TransactionSet): boolean {
  return (
    !hasErrors(set.diagnostics) &&
    !hasErrors(set.group.diagnostics) &&
    !set.interchange.diagnostics.some((d) => d.level === 'interchange' && d.severity === 'error')
  );
}

function envelopeDiagnostics(interchange: Interchange): Diagnostic[] {
  const all: Diagnostic[] = [...interchange.diagnostics];
  for (const group of interchange.groups) {
    all.push(...group.diagnostics);
    for (const set of group.transactionSets) all.push(...set.diagnostics);
  }
  return all;
}
