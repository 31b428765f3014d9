import { Type, type Static } from '@sinclair/typebox';
import { StringEnum, Text } from './primitives.js';

export const CHANNELS = ['x12', 'amazon', 'shopify', 'walmart', 'api'] as const;
export const Channel = StringEnum(CHANNELS);
export type Channel = Static<typeof Channel>;

/**
 * Where a document came from. For X12 it carries the envelope's control numbers, so that a
 * document can be traced back to its interchange, group and set, and acknowledged.
 */
export const DocumentSource = Type.Object(
  {
    channel: Channel,
    /** The stored `Transmission` the document was read from. */
    transmissionId: Type.Optional(Text),
    /** The marketplace's or API caller's own id for the document (order id...). */
    externalId: Type.Optional(Text),
    /** ISA13. */
    interchangeControlNumber: Type.Optional(Text),
    /** GS06. */
    groupControlNumber: Type.Optional(Text),
    /** ST02. */
    transactionSetControlNumber: Type.Optional(Text),
    /** ISA05 / ISA06. */
    senderQualifier: Type.Optional(Text),
    senderId: Type.Optional(Text),
    /** ISA07 / ISA08. */
    receiverQualifier: Type.Optional(Text),
    receiverId: Type.Optional(Text),
    /** GS02 / GS03. */
    applicationSenderId: Type.Optional(Text),
    applicationReceiverId: Type.Optional(Text),
    /** GS08, e.g. `004010VICS`. */
    version: Type.Optional(Text),
    /** ST01, e.g. `850`. */
    transactionSetId: Type.Optional(Text),
    /** ST03 (00501 and later). */
    implementationReference: Type.Optional(Text),
    /**
     * Paths of values the mapping supplied from its defaults because the file did not carry them
     * (`currency` of an 850 without CUR). Rendering the document does not write them back.
     */
    defaulted: Type.Optional(Type.Array(Text, { minItems: 1 })),
  },
  { additionalProperties: false },
);
export type DocumentSource = Static<typeof DocumentSource>;
