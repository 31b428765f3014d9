import { documentId, type CanonicalDocumentType, type DocumentSource } from '../../canonical/index.js';
import type { TransactionSet } from '../../x12/index.js';
import type { DocumentHeader, MappingContext } from './mapping-context.js';

/**
 * `id`, `partnerId` and `source` of the document read from `set`. The id is derived from the
 * partner, the interchange sender and receiver, and the ISA13/GS06/ST02 control numbers, which
 * together name one transaction set uniquely, so translating the same file twice gives the same id.
 */
export function documentHeader(
  type: CanonicalDocumentType,
  set: TransactionSet,
  context: MappingContext,
): DocumentHeader {
  const { interchange, group } = set;
  const source: DocumentSource = {
    channel: 'x12',
    transmissionId: context.transmissionId,
    interchangeControlNumber: interchange.controlNumber,
    groupControlNumber: group.controlNumber,
    transactionSetControlNumber: set.controlNumber,
    senderQualifier: interchange.sender.qualifier,
    senderId: interchange.sender.id,
    receiverQualifier: interchange.receiver.qualifier,
    receiverId: interchange.receiver.id,
    applicationSenderId: group.applicationSender,
    applicationReceiverId: group.applicationReceiver,
    version: group.version,
    transactionSetId: set.id,
    implementationReference: set.implementationReference,
  };
  const key = [
    interchange.sender.qualifier,
    interchange.sender.id,
    interchange.receiver.qualifier,
    interchange.receiver.id,
    interchange.controlNumber,
    // ISA09/ISA10 tell a resent interchange (same date) from an ISA13 reused after wrapping.
    interchange.date,
    interchange.time,
    group.controlNumber,
    set.controlNumber,
  ];
  return {
    id: documentId(type, context.partnerId, key),
    partnerId: context.partnerId,
    source: withoutBlanks(source),
  };
}

/** Envelope values can be empty in a damaged file; the schema wants them absent rather than blank. */
function withoutBlanks(source: DocumentSource): DocumentSource {
  const entries = Object.entries(source).filter(([, v]) => v !== undefined && v !== '');
  return Object.fromEntries(entries) as DocumentSource;
}
