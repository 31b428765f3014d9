import { createCipheriv, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import {
  CBC_CIPHERS,
  GCM_CIPHERS,
  isGcm,
  OIDS,
  type CbcCipherName,
  type CipherName,
  type GcmCipherName,
} from './algorithms.js';
import { authEnvelopedSchema, gcmParameters } from './auth-enveloped.js';
import { keyTransRecipient } from './key-transport.js';
import { cmsEngine } from './keys.js';

/**
 * `content` encrypted for the partner's certificate, as a DER ContentInfo: a fresh content key
 * encrypts the content and the partner's RSA key wraps the content key with PKCS#1 v1.5. CBC
 * ciphers (AES, 3DES) give EnvelopedData (RFC 5652); AES-GCM gives AuthEnvelopedData (RFC 5083
 * and 5084), whose tag lets the partner detect any change to the ciphertext.
 *
 * @example
 * const enveloped = encryptEnveloped(signedMime, theirs, 'aes256-cbc');
 * const authenticated = encryptEnveloped(signedMime, theirs, 'aes256-gcm');
 */
export function encryptEnveloped(
  content: Uint8Array,
  recipient: pkijs.Certificate,
  cipher: CipherName,
): Buffer {
  cmsEngine();
  const info = isGcm(cipher)
    ? authEnveloped(content, recipient, cipher)
    : enveloped(content, recipient, cipher);
  return Buffer.from(info.toSchema().toBER());
}

function enveloped(
  content: Uint8Array,
  recipient: pkijs.Certificate,
  cipher: CbcCipherName,
): pkijs.ContentInfo {
  const { oid, node, keyBytes, ivBytes } = CBC_CIPHERS[cipher];
  const key = randomBytes(keyBytes);
  const iv = randomBytes(ivBytes);
  const encipher = createCipheriv(node, key, iv);
  const encrypted = Buffer.concat([encipher.update(content), encipher.final()]);
  const data = new pkijs.EnvelopedData({
    version: 0,
    recipientInfos: [keyTransRecipient(recipient, key)],
    encryptedContentInfo: new pkijs.EncryptedContentInfo({
      contentType: OIDS.data,
      contentEncryptionAlgorithm: new pkijs.AlgorithmIdentifier({
        algorithmId: oid,
        algorithmParams: new asn1js.OctetString({ valueHex: iv }),
      }),
      encryptedContent: new asn1js.OctetString({ valueHex: encrypted }),
    }),
  });
  return new pkijs.ContentInfo({ contentType: OIDS.envelopedData, content: data.toSchema() });
}

function authEnveloped(
  content: Uint8Array,
  recipient: pkijs.Certificate,
  cipher: GcmCipherName,
): pkijs.ContentInfo {
  const { oid, node, keyBytes, nonceBytes, tagBytes } = GCM_CIPHERS[cipher];
  // The key serves this one message, so a random nonce can never repeat under it.
  const key = randomBytes(keyBytes);
  const nonce = randomBytes(nonceBytes);
  const encipher = createCipheriv(node, key, nonce, { authTagLength: tagBytes });
  const encrypted = Buffer.concat([encipher.update(content), encipher.final()]);
  const encryptedContentInfo = new pkijs.EncryptedContentInfo({
    contentType: OIDS.data,
    contentEncryptionAlgorithm: new pkijs.AlgorithmIdentifier({
      algorithmId: oid,
      algorithmParams: gcmParameters(nonce, tagBytes),
    }),
    encryptedContent: new asn1js.OctetString({ valueHex: encrypted }),
    // One definite-length OCTET STRING: the whole structure stays DER.
    disableSplit: true,
  });
  const data = authEnvelopedSchema(
    [keyTransRecipient(recipient, key)],
    encryptedContentInfo,
    encipher.getAuthTag(),
  );
  return new pkijs.ContentInfo({ contentType: OIDS.authEnvelopedData, content: data });
}
