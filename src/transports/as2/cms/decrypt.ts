import { createDecipheriv, type DecipherGCM } from 'node:crypto';
import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import {
  CBC_CIPHERS,
  cipherByOid,
  CIPHERS,
  GCM_CIPHERS,
  isGcm,
  OIDS,
  type CipherName,
} from './algorithms.js';
import { readAuthEnveloped, readGcmParameters } from './auth-enveloped.js';
import { unwrapContentKey } from './key-transport.js';
import { cmsEngine, type KeyPair } from './keys.js';

export type Decryption =
  { ok: true; content: Buffer; cipher: CipherName; keyPair: KeyPair } | { ok: false; reason: string };

type GcmNode = (typeof GCM_CIPHERS)[keyof typeof GCM_CIPHERS]['node'];

/** What EnvelopedData and AuthEnvelopedData share, plus the GCM tag of the latter. */
interface Encrypted {
  recipientInfos: readonly pkijs.RecipientInfo[];
  encryptedContentInfo: pkijs.EncryptedContentInfo;
  authenticated?: { mac: Buffer; authenticatedData?: Buffer };
}

/**
 * The content of CMS EnvelopedData or AuthEnvelopedData (DER) addressed to one of our
 * certificates (during a rollover the old and the new one both decrypt). The content key is
 * unwrapped with RSA PKCS#1 v1.5 or OAEP (SHA-1); the content decrypted with AES-CBC or 3DES
 * (EnvelopedData) or AES-GCM (AuthEnvelopedData, whose tag must match). Never throws for bad
 * input: the reason says what failed, for the log; the partner is only told `decryption-failed`.
 *
 * @example
 * const opened = decryptEnveloped(body, [current, previous]);
 */
export function decryptEnveloped(enveloped: Uint8Array, keys: readonly KeyPair[]): Decryption {
  cmsEngine();
  const parsed = readEncrypted(enveloped);
  if ('reason' in parsed) return { ok: false, reason: parsed.reason };
  const algorithm = parsed.encryptedContentInfo.contentEncryptionAlgorithm;
  const cipher = cipherByOid(algorithm.algorithmId);
  if (cipher === undefined) {
    return { ok: false, reason: `the content cipher ${algorithm.algorithmId} is not supported` };
  }
  const unwrapped = unwrapContentKey(parsed.recipientInfos, keys, CIPHERS[cipher].keyBytes);
  if (!unwrapped.ok) return unwrapped;
  const content = decryptContent(cipher, unwrapped.key, parsed);
  if ('reason' in content) return { ok: false, reason: content.reason };
  return { ok: true, content, cipher, keyPair: unwrapped.keyPair };
}

/** The content with its cipher; a GCM cipher only in AuthEnvelopedData and a CBC one only outside it. */
function decryptContent(
  cipher: CipherName,
  key: Buffer,
  { encryptedContentInfo, authenticated }: Encrypted,
): Buffer | { reason: string } {
  const parameters: unknown = encryptedContentInfo.contentEncryptionAlgorithm.algorithmParams;
  let encrypted: Buffer;
  try {
    encrypted = Buffer.from(encryptedContentInfo.getEncryptedContent());
  } catch {
    return { reason: 'the message holds no encrypted content' };
  }
  if (isGcm(cipher)) {
    // GCM without its tag would be a downgrade to unauthenticated encryption.
    if (authenticated === undefined) return { reason: `${cipher} is only read from AuthEnvelopedData` };
    return decryptGcm(GCM_CIPHERS[cipher].node, key, parameters, encrypted, authenticated);
  }
  if (authenticated !== undefined) return { reason: `${cipher} does not belong in AuthEnvelopedData` };
  return decryptCbc(CBC_CIPHERS[cipher].node, key, parameters, encrypted);
}

function readEncrypted(der: Uint8Array): Encrypted | { reason: string } {
  let info: pkijs.ContentInfo;
  try {
    info = pkijs.ContentInfo.fromBER(der);
  } catch (error) {
    return { reason: `the enveloped data does not parse: ${(error as Error).message}` };
  }
  try {
    if (info.contentType === OIDS.envelopedData) {
      const data = new pkijs.EnvelopedData({ schema: info.content as asn1js.Sequence });
      return { recipientInfos: data.recipientInfos, encryptedContentInfo: data.encryptedContentInfo };
    }
    if (info.contentType === OIDS.authEnvelopedData) {
      const { recipientInfos, encryptedContentInfo, mac, authenticatedData } = readAuthEnveloped(
        info.content,
      );
      return { recipientInfos, encryptedContentInfo, authenticated: { mac, authenticatedData } };
    }
  } catch (error) {
    return { reason: `the enveloped data does not parse: ${(error as Error).message}` };
  }
  return { reason: 'the message is not CMS EnvelopedData or AuthEnvelopedData' };
}

function decryptCbc(
  node: string,
  key: Buffer,
  parameters: unknown,
  encrypted: Buffer,
): Buffer | { reason: string } {
  try {
    const iv = Buffer.from((parameters as asn1js.OctetString).valueBlock.valueHexView);
    const decipher = createDecipheriv(node, key, iv);
    return Buffer.concat([decipher.update(encrypted), decipher.final()]);
  } catch (error) {
    return { reason: `the content does not decrypt: ${(error as Error).message}` };
  }
}

function decryptGcm(
  node: GcmNode,
  key: Buffer,
  parameters: unknown,
  encrypted: Buffer,
  { mac, authenticatedData }: { mac: Buffer; authenticatedData?: Buffer },
): Buffer | { reason: string } {
  let decipher: DecipherGCM;
  try {
    const { nonce, tagBytes } = readGcmParameters(parameters);
    // A shorter tag than the parameters promise would make forgery easier; never accept one.
    if (mac.length !== tagBytes) {
      return { reason: `the authentication tag is ${mac.length} bytes, the GCM parameters say ${tagBytes}` };
    }
    decipher = createDecipheriv(node, key, nonce, { authTagLength: tagBytes });
    decipher.setAuthTag(mac);
    if (authenticatedData !== undefined) decipher.setAAD(authenticatedData);
  } catch (error) {
    return { reason: `the GCM parameters are not usable: ${(error as Error).message}` };
  }
  try {
    return Buffer.concat([decipher.update(encrypted), decipher.final()]);
  } catch {
    // Also what a wrong content key gives (see key-transport.ts): the two are not told apart.
    return {
      reason: 'the authentication tag does not match: the content was altered or not encrypted for our key',
    };
  }
}
