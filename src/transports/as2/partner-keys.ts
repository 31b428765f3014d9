import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import type * as pkijs from 'pkijs';
import { resolveSecret, type As2Transport, type X12PartnerConfig } from '../../partners/index.js';
import type { As2TransportSettings } from './as2-transport.js';
import { certificateFromPem, keyPairFromPem, type KeyPair } from './cms/index.js';
import { GatewayError } from '../../errors/index.js';

/** An AS2 partner's keys: ours (current first) and theirs (the one we encrypt to first). */
export interface As2PartnerKeys {
  ours: KeyPair[];
  theirs: pkijs.Certificate[];
}

type Env = Readonly<Record<string, string | undefined>>;

// Loaded once per loaded partner config: a reload of the partner files reads them again.
const loaded = new WeakMap<As2Transport, As2PartnerKeys>();

/** The AS2 transport of a partner, or undefined when it speaks another. */
export function as2TransportOf(partner: X12PartnerConfig): As2Transport | undefined {
  return partner.transport.type === 'as2' ? partner.transport : undefined;
}

/** The partner's certificate files, one or a list in the partner file, with their settings' pointers. */
function theirCertificateFiles(transport: As2Transport): { pointer: string; file: string }[] {
  const { theirCertificate } = transport;
  return Array.isArray(theirCertificate)
    ? theirCertificate.map(({ file }, i) => ({ pointer: `/transport/theirCertificate/${i}`, file }))
    : [{ pointer: '/transport/theirCertificate', file: theirCertificate.file }];
}

/** The certificate files an AS2 transport names, by the JSON pointer of their setting. */
export function as2CertificateFiles(transport: As2Transport): Record<string, string> {
  const files: Record<string, string> = { '/transport/ourCertificate': transport.ourCertificate.file };
  (transport.rolloverKeys ?? []).forEach((pair, i) => {
    files[`/transport/rolloverKeys/${i}/certificate`] = pair.certificate.file;
  });
  for (const { pointer, file } of theirCertificateFiles(transport)) files[pointer] = file;
  return files;
}

/**
 * Reads a partner's AS2 certificates and our private keys where its file says. A key or a
 * certificate that cannot be read fails with the partner and the setting; a key's text never
 * appears in the message.
 *
 * @example
 * const { ours, theirs } = as2PartnerKeys(partner.id, partner.transport);
 */
export function as2PartnerKeys(
  partnerId: string,
  transport: As2Transport,
  env: Env = process.env,
): As2PartnerKeys {
  const cached = loaded.get(transport);
  if (cached !== undefined) return cached;
  const where = (pointer: string) => `partner ${partnerId}: ${pointer}`;
  const readPem = (file: string, pointer: string) => {
    try {
      return readFileSync(file, 'utf8');
    } catch (error) {
      throw unusable(
        `${where(pointer)}: ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  };
  const pair = (
    certificate: { file: string },
    key: Parameters<typeof resolveSecret>[0],
    pointer: { certificate: string; key: string },
  ) => {
    const certificatePem = readPem(certificate.file, pointer.certificate);
    try {
      return keyPairFromPem(certificatePem, resolveSecret(key, env));
    } catch (error) {
      throw unusable(`${where(pointer.key)}: ${(error as Error).message}`);
    }
  };
  const ours = [
    pair(transport.ourCertificate, transport.ourKey, {
      certificate: '/transport/ourCertificate',
      key: '/transport/ourKey',
    }),
    ...(transport.rolloverKeys ?? []).map((p, i) =>
      pair(p.certificate, p.key, {
        certificate: `/transport/rolloverKeys/${i}/certificate`,
        key: `/transport/rolloverKeys/${i}/key`,
      }),
    ),
  ];
  const theirs = theirCertificateFiles(transport).map(({ pointer, file }) => {
    try {
      return certificateFromPem(readPem(file, pointer), file);
    } catch (error) {
      if (error instanceof GatewayError) throw error;
      throw unusable(`${where(pointer)}: ${(error as Error).message}`);
    }
  });
  const keys = { ours, theirs };
  loaded.set(transport, keys);
  return keys;
}

/**
 * The AS2 transport's settings for a partner, its keys read.
 *
 * @example
 * const transport = createAs2Transport(as2TransportSettings(partner, transport), repositories.as2Messages);
 */
export function as2TransportSettings(
  partner: X12PartnerConfig,
  transport: As2Transport,
  env: Env = process.env,
): As2TransportSettings {
  const keys = as2PartnerKeys(partner.id, transport, env);
  return {
    partnerId: partner.id,
    url: transport.url,
    ourId: transport.ourId,
    theirId: transport.theirId,
    ours: keys.ours,
    theirs: keys.theirs,
    signing: transport.signing,
    encryption: transport.encryption,
    compression: transport.compression,
    mdn: transport.mdn,
    ...(transport.asyncMdnUrl === undefined ? {} : { asyncMdnUrl: transport.asyncMdnUrl }),
    mdnWithinMs: transport.mdnWithinMinutes * 60_000,
    timeoutMs: transport.timeoutSeconds * 1000,
    domain: messageIdDomain(transport),
  };
}

/** The right-hand side of our Message-IDs: the host of our async MDN URL, else this machine's name. */
function messageIdDomain(transport: As2Transport): string {
  const host = transport.asyncMdnUrl === undefined ? undefined : new URL(transport.asyncMdnUrl).hostname;
  const name = (host ?? hostname()).replace(/[^A-Za-z0-9.-]/g, '');
  return name === '' ? 'edi-gateway.local' : name;
}

function unusable(message: string): GatewayError {
  return new GatewayError('as2-keys-unusable', message, { permanent: true, status: 500 });
}
