import type { CanonicalDocument } from '../../canonical/index.js';
import type { ReferenceEntry, Repositories } from '../../store/index.js';

/** The X12 set each canonical type travels as, so that `850` and `purchase_order` both find a PO. */
const SET_OF_TYPE: Readonly<Record<string, string>> = {
  purchase_order: '850',
  purchase_order_ack: '855',
  ship_notice: '856',
  invoice: '810',
  remittance: '820',
};

/** The envelope numbers of one interchange, as the reader (`id`) or the envelope index (`setId`) gives them. */
export interface EnvelopeNumbers {
  controlNumber: string;
  groups: readonly {
    controlNumber: string;
    transactionSets: readonly { controlNumber: string; id?: string; setId?: string }[];
  }[];
}

/**
 * What an interchange can be found by: its ISA13, every GS06 and ST02, and the set ids it carries.
 *
 * @example
 * envelopeReferences(interchange); // [{ kind: 'isa13', value: '000000905' }, { kind: 'gs06', ... }, ...]
 */
export function envelopeReferences(interchange: EnvelopeNumbers): ReferenceEntry[] {
  const entries: ReferenceEntry[] = [{ kind: 'isa13', value: interchange.controlNumber }];
  for (const group of interchange.groups) {
    entries.push({ kind: 'gs06', value: group.controlNumber });
    for (const set of group.transactionSets) {
      entries.push({ kind: 'st02', value: set.controlNumber });
      const setId = set.setId ?? set.id;
      if (setId !== undefined) entries.push({ kind: 'document-type', value: setId });
    }
  }
  return entries;
}

/**
 * What a canonical document can be found by: its business numbers (PO, invoice, shipment,
 * marketplace order), its type and X12 set, and the control numbers of the envelope it came in.
 * An 855 and an 810 carry the PO number they answer; an 856 the PO numbers of its orders. With
 * `envelope: false` the control numbers in `source` are left out (an outbound document's
 * `source` names what it answers, not how it is sent).
 *
 * @example
 * documentReferences(po); // [{ kind: 'po', value: '4500012345' }, { kind: 'document-type', value: 'purchase_order' }, ...]
 */
export function documentReferences(
  document: CanonicalDocument,
  options: { envelope: boolean } = { envelope: true },
): ReferenceEntry[] {
  const fields = document as unknown as Record<string, unknown>;
  const entries: ReferenceEntry[] = [{ kind: 'document-type', value: document.type }];
  const set = SET_OF_TYPE[document.type] ?? document.source.transactionSetId;
  if (set !== undefined) entries.push({ kind: 'document-type', value: set });
  pushText(entries, 'po', fields['poNumber']);
  pushText(entries, 'invoice', fields['invoiceNumber']);
  pushText(entries, 'shipment', fields['shipmentId']);
  for (const order of arrayOf(fields['orders'])) pushText(entries, 'po', order['poNumber']);
  for (const item of arrayOf(fields['items'])) pushText(entries, 'invoice', item['invoiceNumber']);
  const { source } = document;
  if (source.channel !== 'x12' && source.channel !== 'api') {
    pushText(entries, 'marketplace-order', source.externalId);
  }
  // A document we send is numbered by its own envelope, read back from the file sent.
  if (!options.envelope) return entries;
  pushText(entries, 'isa13', source.interchangeControlNumber);
  pushText(entries, 'gs06', source.groupControlNumber);
  pushText(entries, 'st02', source.transactionSetControlNumber);
  return entries;
}

/**
 * Records what an inbound interchange and the documents mapped from it can be found by, on the
 * transmission that carried them. Idempotent, like the job that calls it.
 *
 * @example
 * await recordInboundReferences(repositories, transmissionId, interchange, documents);
 */
export async function recordInboundReferences(
  repositories: Pick<Repositories, 'references'>,
  transmissionId: string,
  interchange: EnvelopeNumbers,
  documents: readonly CanonicalDocument[],
): Promise<void> {
  await repositories.references.add(transmissionId, [
    ...envelopeReferences(interchange),
    ...documents.flatMap((document) => documentReferences(document)),
  ]);
}

/** Records what documents can be found by on the transmission they were read from, if any. */
export async function recordDocumentReferences(
  repositories: Pick<Repositories, 'references'>,
  documents: readonly CanonicalDocument[],
): Promise<void> {
  const byTransmission = new Map<string, ReferenceEntry[]>();
  for (const document of documents) {
    const id = document.source.transmissionId;
    if (id === undefined) continue;
    byTransmission.set(id, [...(byTransmission.get(id) ?? []), ...documentReferences(document)]);
  }
  for (const [id, entries] of byTransmission) await repositories.references.add(id, entries);
}

function pushText(entries: ReferenceEntry[], kind: ReferenceEntry['kind'], value: unknown): void {
  if (typeof value === 'string' && value.trim() !== '') entries.push({ kind, value });
}

function arrayOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value)
    ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null)
    : [];
}
