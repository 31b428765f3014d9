import { constants, createDecipheriv, privateDecrypt } from 'node:crypto';
import * as asn1js from 'asn1js';
import forge from 'node-forge';
import * as pkijs from 'pkijs';
import { cipherByOid, CIPHERS, OIDS, type CipherName } from './algorithms.js';
import { cmsEngine, isCertificate, type KeyPair } from './keys.js';

export type Decryption =
  { ok: true; content: Buffer; cipher: CipherName; keyPair: KeyPair } | { ok: false; reason: string };

/**
 * The content of CMS EnvelopedData (DER) addressed to one of our certificates (during a rollover
 * the old and the new one both decrypt). The content key is unwrapped with RSA PKCS#1 v1.5 or
 * OAEP (SHA-1), the content decrypted with AES-CBC or 3DES. Never throws for bad input: the
 * reason says what failed, for the log; the partner is only told `decryption-failed`.
 *
 * @example
 * const opened = decryptEnveloped(body, [current, previous]);
 */
export function decryptEnveloped(enveloped: Uint8Array, keys: readonly KeyPair[]): Decryption {
  cmsEngine();
  let data: pkijs.EnvelopedData;
  try {
    const info = pkijs.ContentInfo.fromBER(enveloped);
    if (info.contentType !== OIDS.envelopedData)
      return { ok: false, reason: 'the message is not CMS EnvelopedData' };
    data = new pkijs.EnvelopedData({ schema: info.content as asn1js.Sequence });
  } catch (error) {
    return { ok: false, reason: `the enveloped data does not parse: ${(error as Error).message}` };
  }
  const algorithm = data.encryptedContentInfo.contentEncryptionAlgorithm;
  const cipher = cipherByOid(algorithm.algorithmId);
  if (cipher === undefined)
    return { ok: false, reason: `the content cipher ${algorithm.algorithmId} is not supported` };
  for (const recipientInfo of data.recipientInfos) {
    if (recipientInfo.variant !== 1) continue;
    const recipient = recipientInfo.value as pkijs.KeyTransRecipientInfo;
    const rid = recipient.rid;
    if (!(rid instanceof pkijs.IssuerAndSerialNumber)) continue;
    const keyPair = keys.find((pair) => isCertificate(pair.certificate, rid.issuer, rid.serialNumber));
    if (keyPair === undefined) continue;
    const wrapped = Buffer.from(recipient.encryptedKey.valueBlock.valueHexView);
    const key = unwrapKey(wrapped, recipient.keyEncryptionAlgorithm.algorithmId, keyPair);
    if (key === undefined) return { ok: false, reason: 'the content key does not decrypt with our key' };
    try {
      const iv = Buffer.from((algorithm.algorithmParams as asn1js.OctetString).valueBlock.valueHexView);
      const encrypted = data.encryptedContentInfo.getEncryptedContent();
      const decipher = createDecipheriv(CIPHERS[cipher].node, key, iv);
      const content = Buffer.concat([decipher.update(Buffer.from(encrypted)), decipher.final()]);
      return { ok: true, content, cipher, keyPair };
    } catch (error) {
      return { ok: false, reason: `the content does not decrypt: ${(error as Error).message}` };
    }
  }
  return { ok: false, reason: 'the message is encrypted for none of our certificates' };
}

/**
 * The content key. PKCS#1 v1.5 goes through node-forge: Node 20 refuses RSA PKCS#1 v1.5
 * decryption (CVE-2023-46809), and it is still the key transport most AS2 partners use. A
 * failure answers `undefined` whatever its cause, so that nothing tells padding errors apart.
 */
function unwrapKey(wrapped: Buffer, algorithm: string, keyPair: KeyPair): Buffer | undefined {
  try {
    if (algorithm === OIDS.rsaesOaep) {
      return privateDecrypt({ key: keyPair.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING }, wrapped);
    }
    if (algorithm !== OIDS.rsaEncryption) return undefined;
    const pem = keyPair.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    const key = forge.pki.privateKeyFromPem(pem);
    return Buffer.from(key.decrypt(wrapped.toString('binary'), 'RSAES-PKCS1-V1_5'), 'binary');
  } catch {
    return undefined;
  }
}
