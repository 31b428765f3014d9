import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { digestByOid, OIDS, type DigestName } from './algorithms.js';
import { cmsEngine, isCertificate } from './keys.js';

export type SignatureCheck =
  { valid: true; digest: DigestName; certificate: pkijs.Certificate } | { valid: false; reason: string };

/**
 * Checks a detached CMS signature over `content` against the partner's certificates (pinned: a
 * certificate the signature carries itself is not trusted). Valid when one signer is one of them,
 * valid at `at` (not expired), its signature verifies and its message digest matches the content.
 * Never throws for bad input.
 *
 * @example
 * const check = await verifyDetached(signedEntity, signatureDer, [theirs]);
 * const reason = check.valid ? undefined : check.reason;
 */
export async function verifyDetached(
  content: Uint8Array,
  signature: Uint8Array,
  trusted: readonly pkijs.Certificate[],
  at: Date = new Date(),
): Promise<SignatureCheck> {
  cmsEngine();
  let signed: pkijs.SignedData;
  try {
    const info = pkijs.ContentInfo.fromBER(signature);
    if (info.contentType !== OIDS.signedData)
      return { valid: false, reason: 'the signature is not CMS SignedData' };
    signed = new pkijs.SignedData({ schema: info.content as asn1js.Sequence });
  } catch (error) {
    return { valid: false, reason: `the signature does not parse: ${(error as Error).message}` };
  }
  const signer = signed.signerInfos[0];
  if (signer === undefined) return { valid: false, reason: 'the signature has no signer' };
  const sid = signer.sid as pkijs.IssuerAndSerialNumber;
  const certificate = trusted.find(
    (c) => sid instanceof pkijs.IssuerAndSerialNumber && isCertificate(c, sid.issuer, sid.serialNumber),
  );
  if (certificate === undefined) {
    return { valid: false, reason: "the signer is none of the partner's certificates" };
  }
  const day = (date: Date) => date.toISOString().slice(0, 10);
  if (certificate.notAfter.value.getTime() < at.getTime()) {
    return {
      valid: false,
      reason: `the partner's certificate that signed it expired on ${day(certificate.notAfter.value)}`,
    };
  }
  if (certificate.notBefore.value.getTime() > at.getTime()) {
    return {
      valid: false,
      reason: `the partner's certificate that signed it is not valid before ${day(certificate.notBefore.value)}`,
    };
  }
  const digest = digestByOid(signer.digestAlgorithm.algorithmId);
  if (digest === undefined) {
    return {
      valid: false,
      reason: `the digest algorithm ${signer.digestAlgorithm.algorithmId} is not supported`,
    };
  }
  // Only the pinned certificate may verify it, whatever the message carries.
  signed.certificates = [certificate];
  try {
    const verified = await signed.verify({
      signer: 0,
      data: Uint8Array.from(content).buffer,
      checkChain: false,
      extendedMode: true,
    });
    if (!verified.signatureVerified) return { valid: false, reason: 'the signature does not verify' };
  } catch (error) {
    const message = error instanceof pkijs.SignedDataVerifyError ? error.message : String(error);
    return { valid: false, reason: `the signature does not verify: ${message}` };
  }
  return { valid: true, digest, certificate };
}
