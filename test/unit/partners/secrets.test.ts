import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PartnerError,
  loadPartnerFile,
  resolveSecret,
  type PartnerConfig,
} from '../../../src/partners/index.js';
import { partnersDir, writePartner, x12Partner } from './partner-files.js';

const HOST_KEY = 'SHA256:6V2xXYh0yuxafbFr4rYTV0QgViktIQDaSD2OyCaB0B4';

function sftpPartner(dir: string, credentials: Record<string, unknown>): PartnerConfig {
  return loadPartnerFile(
    writePartner(dir, 'acme.yaml', {
      ...x12Partner(),
      transport: {
        type: 'sftp',
        host: 'sftp.acme.example',
        username: 'supplier',
        hostKey: HOST_KEY,
        inbox: '/out',
        outbox: '/in',
        ...credentials,
      },
    }),
  );
}

function sftp(partner: PartnerConfig) {
  if (partner.transport.type !== 'sftp') throw new Error('expected an SFTP partner');
  return partner.transport;
}

function secretError(read: () => string): PartnerError {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(PartnerError);
    expect((error as PartnerError).code).toBe('partner-secret-missing');
    expect((error as PartnerError).permanent).toBe(true);
    return error as PartnerError;
  }
  throw new Error('the secret was read');
}

describe('resolveSecret', () => {
  it('reads an environment variable when asked, not at load', () => {
    const { password } = sftp(sftpPartner(partnersDir(), { password: { env: 'ACME_SFTP_PASSWORD' } }));
    expect(password).toEqual({ env: 'ACME_SFTP_PASSWORD' });
    expect(resolveSecret(password!, { ACME_SFTP_PASSWORD: 's3cret' })).toBe('s3cret');
  });

  it('names the partner, the field and the variable when the variable is unset or empty', () => {
    const { password } = sftp(sftpPartner(partnersDir(), { password: { env: 'ACME_SFTP_PASSWORD' } }));
    const expected =
      'partner acme: /transport/password is read from the environment variable ACME_SFTP_PASSWORD, which is not set or is empty: set it where the gateway runs';
    expect(secretError(() => resolveSecret(password!, {})).message).toBe(expected);
    expect(secretError(() => resolveSecret(password!, { ACME_SFTP_PASSWORD: '' })).message).toBe(expected);
  });

  it('reads a file named relative to the partner file, without the trailing line break', () => {
    const dir = partnersDir();
    writeFileSync(
      join(dir, 'acme.key'),
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaA==\n-----END OPENSSH PRIVATE KEY-----\n',
    );
    const { privateKey } = sftp(sftpPartner(dir, { privateKey: { file: 'acme.key' } }));
    expect(privateKey).toEqual({ file: join(dir, 'acme.key') });
    expect(resolveSecret(privateKey!, {})).toBe(
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaA==\n-----END OPENSSH PRIVATE KEY-----',
    );
  });

  it('names the partner, the field and the file when the file is missing or empty', () => {
    const dir = partnersDir();
    const { privateKey } = sftp(sftpPartner(dir, { privateKey: { file: 'keys/acme.key' } }));
    expect(secretError(() => resolveSecret(privateKey!, {})).message).toMatch(
      `partner acme: /transport/privateKey is read from the file ${join(dir, 'keys/acme.key')}, which cannot be read: ENOENT`,
    );
    writeFileSync(join(dir, 'empty.key'), '\n');
    const empty = sftp(sftpPartner(dir, { privateKey: { file: 'empty.key' } })).privateKey!;
    expect(secretError(() => resolveSecret(empty, {})).message).toBe(
      `partner acme: /transport/privateKey is read from the file ${join(dir, 'empty.key')}, which is empty`,
    );
  });

  it('names the credential of a marketplace account', () => {
    const shop = loadPartnerFile(
      writePartner(partnersDir(), 'shop.yaml', {
        id: 'shop',
        name: 'Shop',
        kind: 'marketplace',
        transport: {
          type: 'marketplace',
          platform: 'shopify',
          account: 'acme.myshopify.com',
          credentials: { accessToken: { env: 'SHOPIFY_TOKEN' } },
        },
      }),
    );
    if (shop.transport.type !== 'marketplace') throw new Error('expected a marketplace account');
    const token = shop.transport.credentials['accessToken']!;
    expect(secretError(() => resolveSecret(token, {})).message).toMatch(
      /^partner shop: \/transport\/credentials\/accessToken is read from the environment variable SHOPIFY_TOKEN/,
    );
  });

  it('still explains a reference built in code', () => {
    expect(secretError(() => resolveSecret({ env: 'NOT_SET_ANYWHERE' }, {})).message).toMatch(
      /^a secret is read from the environment variable NOT_SET_ANYWHERE/,
    );
  });
});
