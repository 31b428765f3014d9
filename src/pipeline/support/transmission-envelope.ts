import type { CanonicalDocument } from '../../canonical/index.js';
import { translateX12 } from '../../mapping/index.js';
import type { PartnerRegistry } from '../../partners/index.js';
import type { Interchange } from '../../x12/index.js';

/** One interchange of a stored file, as a person reads it. */
export interface InterchangeView {
  /** ISA13. */
  controlNumber: string;
  /** `qualifier/id` of ISA05/06 and ISA07/08. */
  sender: string;
  receiver: string;
  /** ISA09/ISA10 as sent, `YYMMDD HHMM`. */
  date: string;
  version: string;
  usage: string;
  groups: {
    functionalId: string;
    controlNumber: string;
    version: string;
    transactionSets: { id: string; controlNumber: string }[];
  }[];
  /** Envelope errors the reader found, if any. */
  problems: string[];
}

/** What the bytes of a stored file say: envelopes, and the documents mapped from them. */
export interface ReadEnvelope {
  interchanges: InterchangeView[];
  documents: { id: string; type: string }[];
}

/**
 * Reads the envelopes of a stored file, and its documents as the inbound worker maps them (same
 * partners and mappings, hence the same document ids). Pure: the store is not touched.
 *
 * @example
 * const { interchanges, documents } = readEnvelope(stored.payload, { partners, transmissionId: stored.id });
 */
export function readEnvelope(
  bytes: Uint8Array,
  context: { partners: PartnerRegistry; transmissionId: string; mappingsDir?: string | undefined },
): ReadEnvelope {
  const translation = translateX12(bytes, {
    partners: context.partners,
    transmissionId: context.transmissionId,
    ...(context.mappingsDir === undefined ? {} : { mappingsDir: context.mappingsDir }),
  });
  return {
    interchanges: translation.interchanges.map(toView),
    documents: translation.documents.map((d: CanonicalDocument) => ({ id: d.id, type: d.type })),
  };
}

function toView(interchange: Interchange): InterchangeView {
  return {
    controlNumber: interchange.controlNumber,
    sender: `${interchange.sender.qualifier}/${interchange.sender.id}`,
    receiver: `${interchange.receiver.qualifier}/${interchange.receiver.id}`,
    date: `${interchange.date} ${interchange.time}`,
    version: interchange.version,
    usage: interchange.usage,
    groups: interchange.groups.map((g) => ({
      functionalId: g.functionalId,
      controlNumber: g.controlNumber,
      version: g.version,
      transactionSets: g.transactionSets.map((s) => ({ id: s.id, controlNumber: s.controlNumber })),
    })),
    problems: interchange.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message),
  };
}
