import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/**
 * CMS AuthEnvelopedData (RFC 5083), which pkijs does not model; its recipient infos and
 * encrypted content info are the EnvelopedData ones, so pkijs builds and reads those.
 *
 *   AuthEnvelopedData ::= SEQUENCE { version 0, originatorInfo [0] OPTIONAL, recipientInfos SET,
 *     authEncryptedContentInfo EncryptedContentInfo, authAttrs [1] OPTIONAL,
 *     mac OCTET STRING, unauthAttrs [2] OPTIONAL }
 */
export interface AuthEnveloped {
  recipientInfos: pkijs.RecipientInfo[];
  encryptedContentInfo: pkijs.EncryptedContentInfo;
  /**
   * The authenticated attributes re-tagged as a SET OF, which is what GCM authenticates as
   * additional data (RFC 5083 section 2.2); absent when the sender sent none.
   */
  authenticatedData?: Buffer;
  /** The GCM tag. */
  mac: Buffer;
}

/** The AuthEnvelopedData structure, without authenticated attributes (the content is id-data). */
export function authEnvelopedSchema(
  recipientInfos: readonly pkijs.RecipientInfo[],
  encryptedContentInfo: pkijs.EncryptedContentInfo,
  mac: Buffer,
): asn1js.Sequence {
  return new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 0 }),
      new asn1js.Set({ value: recipientInfos.map((info) => info.toSchema()) }),
      encryptedContentInfo.toSchema(),
      new asn1js.OctetString({ valueHex: mac }),
    ],
  });
}

/** The parts of a parsed AuthEnvelopedData. Throws an Error saying which part is malformed. */
export function readAuthEnveloped(schema: unknown): AuthEnveloped {
  if (!(schema instanceof asn1js.Sequence)) throw new Error('AuthEnvelopedData is not a SEQUENCE');
  const items = schema.valueBlock.value;
  let at = 0;
  const version = items[at++];
  if (!(version instanceof asn1js.Integer) || version.valueBlock.valueDec !== 0) {
    throw new Error('AuthEnvelopedData is not version 0');
  }
  // originatorInfo only serves key agreement, which AS2 partners do not use.
  if (isContextTag(items[at], 0)) at++;
  const recipients = items[at++];
  if (!(recipients instanceof asn1js.Set)) throw new Error('AuthEnvelopedData holds no recipient infos');
  const recipientInfos = recipients.valueBlock.value.map((item) => new pkijs.RecipientInfo({ schema: item }));
  const contentInfo = items[at++];
  if (!(contentInfo instanceof asn1js.Sequence)) {
    throw new Error('AuthEnvelopedData holds no encrypted content info');
  }
  const encryptedContentInfo = new pkijs.EncryptedContentInfo({ schema: contentInfo });
  let authenticatedData: Buffer | undefined;
  const authAttrs = items[at];
  if (authAttrs !== undefined && isContextTag(authAttrs, 1)) {
    authenticatedData = Buffer.from(authAttrs.valueBeforeDecodeView);
    authenticatedData[0] = 0x31;
    at++;
  }
  const mac = items[at++];
  if (!(mac instanceof asn1js.OctetString)) throw new Error('AuthEnvelopedData holds no mac');
  // unauthAttrs, if any, carry nothing we act on.
  if (isContextTag(items[at], 2)) at++;
  if (at !== items.length) throw new Error('AuthEnvelopedData has unexpected trailing fields');
  return { recipientInfos, encryptedContentInfo, authenticatedData, mac: Buffer.from(mac.getValue()) };
}

/** GCMParameters (RFC 5084): the nonce and the tag length. */
export function gcmParameters(nonce: Buffer, tagBytes: number): asn1js.Sequence {
  return new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: nonce }), new asn1js.Integer({ value: tagBytes })],
  });
}

/**
 * The nonce and tag length of GCMParameters; the tag length defaults to 12 and RFC 5084 allows
 * 12 to 16. Throws an Error saying what is wrong.
 */
export function readGcmParameters(parameters: unknown): { nonce: Buffer; tagBytes: number } {
  if (!(parameters instanceof asn1js.Sequence)) throw new Error('the GCM parameters are not a SEQUENCE');
  const [nonce, icvLength, ...rest] = parameters.valueBlock.value;
  if (!(nonce instanceof asn1js.OctetString) || nonce.getValue().byteLength === 0) {
    throw new Error('the GCM parameters hold no nonce');
  }
  if (rest.length > 0) throw new Error('the GCM parameters have unexpected trailing fields');
  if (icvLength !== undefined && !(icvLength instanceof asn1js.Integer)) {
    throw new Error('the GCM tag length is not an INTEGER');
  }
  const tagBytes = icvLength === undefined ? 12 : icvLength.valueBlock.valueDec;
  if (tagBytes < 12 || tagBytes > 16) throw new Error(`the GCM tag length ${tagBytes} is not 12 to 16`);
  return { nonce: Buffer.from(nonce.getValue()), tagBytes };
}

function isContextTag(item: asn1js.AsnType | undefined, tagNumber: number): item is asn1js.BaseBlock {
  return (
    item instanceof asn1js.BaseBlock && item.idBlock.tagClass === 3 && item.idBlock.tagNumber === tagNumber
  );
}
