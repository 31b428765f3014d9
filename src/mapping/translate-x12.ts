import type { CanonicalDocument } from '../canonical/index.js';
import type { PartnerRegistry, X12PartnerConfig } from '../partners/index.js';
import {
  hasErrors,
  inFileOrder,
  interchangeDiagnostics,
  readX12,
  setLimitDiagnostics,
  TransactionSetError,
  type Diagnostic,
  type Interchange,
  type TransactionSet,
} from '../x12/index.js';
import { loadMapping, readWithMapping, type MappedDocument, type Mapping } from './engine/index.js';
import { defaultMappingsDir } from './mappings-dir.js';
import { partnerMapping } from './render-for-partner.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface TranslationContext {
  /** Partner id stamped on the documents; default: the partner's id, else the ISA sender id. */
  partnerId?: string;
  /** The partner whose mappings and overrides apply to every interchange in the file. */
  partner?: X12PartnerConfig;
  /** Otherwise each interchange's partner is looked up by its ISA sender here; default mappings when none is found. */
  partners?: PartnerRegistry;
  mappingsDir?: string;
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
 * Reads, validates and maps a whole X12 file with the mapping files (the partner's, where one is
 * given): the `translate` command and the HTTP API both stand on it. Sets inside a rejected
 * interchange or group, and sets with errors, are not mapped.
 *
 * @example
 * const { documents, accepted, diagnostics } = translateX12(fs.readFileSync('po.edi'));
 */
export function translateX12(input: string | Uint8Array, context: TranslationContext = {}): Translation {
  const read = readX12(input);
  const translate = setTranslator(context);
  const documents: CanonicalDocument[] = [];
  const mappingDiagnostics: Diagnostic[] = [];
  for (const set of read.transactionSets) {
    const mapped = translate(set);
    documents.push(...mapped.documents);
    mappingDiagnostics.push(...mapped.diagnostics);
  }
  const diagnostics = inFileOrder([
    ...read.diagnostics,
    ...read.interchanges.flatMap(interchangeDiagnostics),
    ...mappingDiagnostics,
  ]);
  return {
    documents,
    diagnostics,
    accepted: !hasErrors(diagnostics) && read.interchanges.length > 0,
    interchanges: read.interchanges,
  };
}

/**
 * Maps transaction sets one at a time, as a streaming reader hands them over; mapping files are
 * loaded once per partner, version and set. A set is mapped when neither it, its group nor its
 * interchange holds an error so far (a group or interchange trailer read later can still reject it).
 *
 * @example
 * const translate = setTranslator({ mappingsDir: 'mappings' });
 * for await (const events of readX12Stream(fs.createReadStream('big.edi')))
 *   for (const event of events) if (event.type === 'transaction-set') write(translate(event.set).documents);
 */
export function setTranslator(context: TranslationContext = {}): (set: TransactionSet) => MappedDocument {
  const mappingsDir = context.mappingsDir ?? defaultMappingsDir();
  const mappings = new Map<string, Mapping | undefined>();
  return (set) => {
    const sender = set.interchange.sender;
    const partner = context.partner ?? context.partners?.byInterchangeSender(sender.qualifier, sender.id);
    // Within the partner's limits, or rejected in its 997/999 like any other set error.
    if (partner?.limits !== undefined) set.diagnostics.push(...setLimitDiagnostics(set, partner.limits));
    if (!mappable(set) || !set.loops) return { documents: [], diagnostics: [] };
    const mapping = mappingFor(set, partner, mappingsDir, mappings);
    if (!mapping) return { documents: [], diagnostics: [noMapping(set, mappingsDir)] };
    const partnerId = context.partnerId ?? partner?.id ?? sender.id;
    return readWithMapping(set, set.loops, mapping, {
      partnerId,
      ...(context.transmissionId ? { transmissionId: context.transmissionId } : {}),
    });
  };
}

function mappingFor(
  set: TransactionSet,
  partner: X12PartnerConfig | undefined,
  dir: string,
  cache: Map<string, Mapping | undefined>,
): Mapping | undefined {
  const version = set.group.version.startsWith('005') ? '005010' : '004010';
  const key = `${partner?.id ?? ''}/${version}/${set.id}`;
  if (!cache.has(key)) {
    const exists = existsSync(join(dir, 'x12', version, `${set.id}.yaml`));
    cache.set(
      key,
      !exists
        ? undefined
        : partner && partner.x12.version.startsWith(version)
          ? partnerMapping(partner, set.id, dir)
          : loadMapping(dir, `x12/${version}/${set.id}`),
    );
  }
  return cache.get(key);
}

function noMapping(set: TransactionSet, dir: string): Diagnostic {
  const st = set.segments[0];
  return {
    level: 'transaction',
    severity: 'error',
    code: TransactionSetError.notSupported,
    message: `transaction set ${set.id} (${set.group.version}) has no mapping in ${dir}`,
    segmentId: 'ST',
    segmentPosition: 1,
    ...(st
      ? { line: st.location.line, column: st.location.column, fileSegmentIndex: st.location.index }
      : {}),
  };
}

function mappable(set: TransactionSet): boolean {
  return (
    !hasErrors(set.diagnostics) &&
    !hasErrors(set.group.diagnostics) &&
    !set.interchange.diagnostics.some((d) => d.level === 'interchange' && d.severity === 'error')
  );
}
