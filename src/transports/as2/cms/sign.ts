import { createHash, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { DIGESTS, OIDS, type DigestName } from './algorithms.js';
import { cmsEngine, type KeyPair } from './keys.js';

/**
 * A detached CMS signature (SignedData without its content, DER) over `content`, by our key,
 * with the signed attributes every S/MIME reader expects (content type, message digest, signing
 * time) and our certificate included. RSA PKCS#1 v1.5 with the digest named.
 *
 * @example
 * const signature = await signDetached(mimeEntityBytes, ours, 'sha256');
 */
export async function signDetached(
  content: Uint8Array,
  signer: KeyPair,
  digest: DigestName,
  signingTime: Date = new Date(),
): Promise<Buffer> {
  cmsEngine();
  const { webCrypto, node } = DIGESTS[digest];
  const key = await webcrypto.subtle.importKey(
    'pkcs8',
    signer.privateKey.export({ type: 'pkcs8', format: 'der' }),
    { name: 'RSASSA-PKCS1-v1_5', hash: { name: webCrypto } },
    false,
    ['sign'],
  );
  const { certificate } = signer;
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({
      issuer: certificate.issuer,
      serialNumber: certificate.serialNumber,
    }),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({
      type: 0,
      attributes: [
        new pkijs.Attribute({
          type: OIDS.contentType,
          values: [new asn1js.ObjectIdentifier({ value: OIDS.data })],
        }),
        new pkijs.Attribute({
          type: OIDS.signingTime,
          values: [new asn1js.UTCTime({ valueDate: signingTime })],
        }),
        new pkijs.Attribute({
          type: OIDS.messageDigest,
          values: [new asn1js.OctetString({ valueHex: createHash(node).update(content).digest() })],
        }),
      ],
    }),
  });
  const signed = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OIDS.data }),
    signerInfos: [signerInfo],
    certificates: [certificate],
  });
  await signed.sign(key, 0, webCrypto);
  const info = new pkijs.ContentInfo({ contentType: OIDS.signedData, content: signed.toSchema(true) });
  return Buffer.from(info.toSchema().toBER());
}
