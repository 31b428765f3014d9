import { constants, createCipheriv, publicEncrypt, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { CIPHERS, OIDS, type CipherName } from './algorithms.js';
import { certificateToPem, cmsEngine } from './keys.js';

/**
 * CMS EnvelopedData (DER) of `content` for the partner's certificate: a fresh content key
 * encrypts the content (AES-CBC or 3DES), and the partner's RSA key wraps the content key with
 * PKCS#1 v1.5, the key transport AS2 partners read (RFC 5652 and 3370).
 *
 * @example
 * const enveloped = encryptEnveloped(signedMime, theirs, 'aes256-cbc');
 */
export function encryptEnveloped(
  content: Uint8Array,
  recipient: pkijs.Certificate,
  cipher: CipherName,
): Buffer {
  cmsEngine();
  const { oid, node, keyBytes, ivBytes } = CIPHERS[cipher];
  const key = randomBytes(keyBytes);
  const iv = randomBytes(ivBytes);
  const encipher = createCipheriv(node, key, iv);
  const encrypted = Buffer.concat([encipher.update(content), encipher.final()]);
  const encryptedKey = publicEncrypt(
    { key: certificateToPem(recipient), padding: constants.RSA_PKCS1_PADDING },
    key,
  );
  const enveloped = new pkijs.EnvelopedData({
    version: 0,
    recipientInfos: [
      new pkijs.RecipientInfo({
        variant: 1,
        value: new pkijs.KeyTransRecipientInfo({
          version: 0,
          rid: new pkijs.IssuerAndSerialNumber({
            issuer: recipient.issuer,
            serialNumber: recipient.serialNumber,
          }),
          keyEncryptionAlgorithm: new pkijs.AlgorithmIdentifier({
            algorithmId: OIDS.rsaEncryption,
            algorithmParams: new asn1js.Null(),
          }),
          encryptedKey: new asn1js.OctetString({ valueHex: encryptedKey }),
        }),
      }),
    ],
    encryptedContentInfo: new pkijs.EncryptedContentInfo({
      contentType: OIDS.data,
      contentEncryptionAlgorithm: new pkijs.AlgorithmIdentifier({
        algorithmId: oid,
        algorithmParams: new asn1js.OctetString({ valueHex: iv }),
      }),
      encryptedContent: new asn1js.OctetString({ valueHex: encrypted }),
    }),
  });
  const info = new pkijs.ContentInfo({ contentType: OIDS.envelopedData, content: enveloped.toSchema() });
  return Buffer.from(info.toSchema().toBER());
}
