import { createPrivateKey, webcrypto, type KeyObject } from 'node:crypto';
import * as pkijs from 'pkijs';

/** One of our certificates with its private key (several may be live during a rollover). */
export interface KeyPair {
  certificate: pkijs.Certificate;
  /** The certificate as PEM, for Node's own crypto calls. */
  certificatePem: string;
  privateKey: KeyObject;
}

let engineSet = false;
/** pkijs on Node's WebCrypto, set once. */
export function cmsEngine(): pkijs.ICryptoEngine {
  if (!engineSet) {
    pkijs.setEngine(
      'node',
      new pkijs.CryptoEngine({
        name: 'node',
        crypto: webcrypto,
      }),
    );
    engineSet = true;
  }
  return pkijs.getCrypto(true);
}

/** The DER bytes of each PEM block of `label` (`CERTIFICATE`, `PRIVATE KEY`...). */
export function pemBlocks(pem: string, label: string): Buffer[] {
  const pattern = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`, 'g');
  return [...pem.matchAll(pattern)].map((match) =>
    Buffer.from((match[1] ?? '').replace(/\s+/g, ''), 'base64'),
  );
}

/**
 * The first certificate of a PEM text. Throws with `what` in the message when there is none or it
 * does not parse.
 *
 * @example
 * const theirs = certificateFromPem(readFileSync('partners/certs/northwind-health-as2.crt', 'utf8'), 'their certificate');
 */
export function certificateFromPem(pem: string, what: string): pkijs.Certificate {
  const [der] = pemBlocks(pem, 'CERTIFICATE');
  if (der === undefined) throw new Error(`${what} holds no PEM certificate`);
  try {
    return pkijs.Certificate.fromBER(der);
  } catch (error) {
    throw new Error(`${what} is not a readable X.509 certificate: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** A certificate back as PEM. */
export function certificateToPem(certificate: pkijs.Certificate): string {
  const base64 = Buffer.from(certificate.toSchema().toBER()).toString('base64');
  return `-----BEGIN CERTIFICATE-----\n${base64.replace(/.{64}/g, '$&\n').replace(/\n?$/, '\n')}-----END CERTIFICATE-----\n`;
}

/**
 * Our certificate and key from PEM texts (PKCS#8 or PKCS#1 key).
 *
 * @example
 * const ours = keyPairFromPem(readFileSync('us.crt', 'utf8'), readFileSync('us.key', 'utf8'));
 */
export function keyPairFromPem(certificatePem: string, keyPem: string): KeyPair {
  const certificate = certificateFromPem(certificatePem, 'our certificate');
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(keyPem);
  } catch {
    // The key's text never goes into a message.
    throw new Error('our private key is not a readable PEM private key');
  }
  return { certificate, certificatePem: certificateToPem(certificate), privateKey };
}

/** Whether a certificate is the one an issuer and serial number name. */
export function isCertificate(
  certificate: pkijs.Certificate,
  issuer: pkijs.RelativeDistinguishedNames,
  serialNumber: { valueBlock: { valueHexView: Uint8Array } },
): boolean {
  return (
    certificate.issuer.isEqual(issuer) &&
    Buffer.from(certificate.serialNumber.valueBlock.valueHexView).equals(
      Buffer.from(serialNumber.valueBlock.valueHexView),
    )
  );
}
