import type { CanonicalDocument, CanonicalDocumentType } from '../canonical/index.js';
import { GatewayError } from '../errors/index.js';
import type { X12PartnerConfig } from '../partners/index.js';
import { loadMapping, renderInterchange, type Envelope, type Mapping } from './engine/index.js';

/** The transaction set each canonical document type is sent as, and its GS01. */
const OUTBOUND_SETS: Record<CanonicalDocumentType, { set: string; functionalId: string } | undefined> = {
  purchase_order: { set: '850', functionalId: 'PO' },
  purchase_order_ack: { set: '855', functionalId: 'PR' },
  ship_notice: { set: '856', functionalId: 'SH' },
  invoice: { set: '810', functionalId: 'IN' },
  remittance: { set: '820', functionalId: 'RA' },
  functional_ack: undefined,
};

/** The set and GS01 a document type is sent as; undefined for types that are never rendered. */
export function outboundSetOf(
  type: CanonicalDocumentType,
): { set: string; functionalId: string } | undefined {
  return OUTBOUND_SETS[type];
}

export interface PartnerRenderOptions {
  mappingsDir: string;
  /** First ISA13/GS06 and ST02 to use (the pipeline allocates them; the CLI takes them as given). */
  controlNumbers: { interchange: number; group: number; transactionSet: number };
  now: Date;
}

/** The envelope of files we send a partner: us as sender, them as receiver, their delimiters. */
export function partnerEnvelope(partner: X12PartnerConfig): Envelope {
  const { ours, theirs } = partner.identity;
  return {
    delimiters: partner.x12.delimiters,
    sender: { qualifier: ours.isaQualifier, id: ours.isaId, gsId: ours.gsId },
    receiver: { qualifier: theirs.isaQualifier, id: theirs.isaId, gsId: theirs.gsId },
    version: partner.x12.version,
    interchangeVersion: partner.x12.interchangeVersion,
    usage: partner.x12.usage,
    ackRequested: partner.acknowledgements.requestTa1,
    segmentNewline: partner.x12.segmentNewline,
  };
}

/** The partner's mapping for a set: the default for its version with the partner's overrides on top. */
export function partnerMapping(partner: X12PartnerConfig, set: string, mappingsDir: string): Mapping {
  const version = partner.x12.version.slice(0, 6);
  const overrides = partner.mappings[set]?.overrides;
  return loadMapping(mappingsDir, `x12/${version}/${set}`, overrides ? [overrides] : []);
}

/**
 * Renders canonical documents as the X12 the partner receives: one interchange per document kind,
 * each with one functional group, in the partner's version, delimiters and mappings. A document
 * the partner does not take fails with a message naming the partner and the set.
 *
 * @example
 * const x12 = renderForPartner([ack], partner, { mappingsDir: './mappings', controlNumbers: { interchange: 1, group: 1, transactionSet: 1 }, now: new Date() });
 */
export function renderForPartner(
  documents: readonly CanonicalDocument[],
  partner: X12PartnerConfig,
  options: PartnerRenderOptions,
): string {
  const byType = new Map<CanonicalDocumentType, CanonicalDocument[]>();
  for (const document of documents)
    byType.set(document.type, [...(byType.get(document.type) ?? []), document]);
  let { interchange, group, transactionSet } = options.controlNumbers;
  const out: string[] = [];
  for (const [type, docs] of byType) {
    const target = OUTBOUND_SETS[type];
    if (!target)
      throw notSent(
        partner,
        `${type} documents are sent as acknowledgements built from what was received, not rendered from a document`,
      );
    if (!partner.documents.outbound.includes(target.set)) {
      throw notSent(
        partner,
        `partner ${partner.id} does not take ${target.set} (${type}); its outbound documents are ${partner.documents.outbound.join(', ') || 'none'}`,
      );
    }
    const mapping = partnerMapping(partner, target.set, options.mappingsDir);
    out.push(
      renderInterchange(
        docs,
        mapping,
        partnerEnvelope(partner),
        { interchange, group, transactionSet },
        options.now,
        target.functionalId,
      ),
    );
    interchange++;
    group++;
    transactionSet += docs.length;
  }
  return out.join(partner.x12.segmentNewline ? '' : '\n');
}

function notSent(partner: X12PartnerConfig, message: string): GatewayError {
  return new GatewayError(
    'render-not-supported',
    message.startsWith('partner') ? message : `partner ${partner.id}: ${message}`,
    { permanent: true, status: 422 },
  );
}
