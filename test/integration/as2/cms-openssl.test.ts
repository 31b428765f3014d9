import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { opensslWorkspace } from './openssl-partner.js';
import {
  certificateFromPem,
  decryptEnveloped,
  encryptEnveloped,
  keyPairFromPem,
  signDetached,
  verifyDetached,
  type CipherName,
  type DigestName,
} from '../../../src/transports/as2/cms/index.js';

/**
 * Our CMS against `openssl cms` as the independent partner: each side signs and encrypts, the
 * other verifies and decrypts. Keys and certificates are made by openssl for this run.
 */
const workspace = opensslWorkspace('as2-cms-');
afterAll(() => workspace.dispose());
const { path, openssl } = workspace;
const party = (name: string) => workspace.party(name);

const us = party('us-2026');
const usBefore = party('us-2025');
const them = party('them');
const stranger = party('stranger');
const content = Buffer.from(
  'ISA*00*          *00*          *ZZ*THEM           *ZZ*US             *...~\n'.repeat(50),
);
writeFileSync(path('content.bin'), content);

describe('signatures', () => {
  it.each(['sha1', 'sha256', 'sha384', 'sha512'] as DigestName[])(
    'openssl verifies ours (%s)',
    async (digest) => {
      writeFileSync(path(`ours-${digest}.der`), await signDetached(content, us, digest));
      const out = openssl(
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        `ours-${digest}.der`,
        '-content',
        'content.bin',
        '-CAfile',
        'us-2026.crt',
        '-purpose',
        'any',
      );
      expect(Buffer.compare(out, content)).toBe(0);
      const printed = openssl(
        'cms',
        '-cmsout',
        '-print',
        '-inform',
        'DER',
        '-in',
        `ours-${digest}.der`,
      ).toString();
      expect(printed).toContain(
        { sha1: 'sha1', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' }[digest],
      );
    },
  );

  it.each(['sha1', 'sha256', 'sha384', 'sha512'] as DigestName[])(
    'we verify theirs (%s) with their pinned certificate only',
    async (digest) => {
      openssl(
        'cms',
        '-sign',
        '-binary',
        '-in',
        'content.bin',
        '-signer',
        'them.crt',
        '-inkey',
        'them.key',
        '-md',
        digest,
        '-outform',
        'DER',
        '-out',
        `theirs-${digest}.der`,
      );
      const signature = readFileSync(path(`theirs-${digest}.der`));
      expect(await verifyDetached(content, signature, [them.certificate])).toMatchObject({
        valid: true,
        digest,
      });
      // The signature carries their certificate; that does not make it trusted.
      expect(await verifyDetached(content, signature, [stranger.certificate])).toEqual({
        valid: false,
        reason: "the signer is none of the partner's certificates",
      });
    },
  );

  it('refuses a tampered body and a signature that is not CMS', async () => {
    openssl(
      'cms',
      '-sign',
      '-binary',
      '-in',
      'content.bin',
      '-signer',
      'them.crt',
      '-inkey',
      'them.key',
      '-outform',
      'DER',
      '-out',
      'theirs.der',
    );
    const signature = readFileSync(path('theirs.der'));
    const tampered = Buffer.from(content);
    tampered[10] = 0x58;
    const check = await verifyDetached(tampered, signature, [them.certificate]);
    expect(check.valid).toBe(false);
    expect(check.valid ? '' : check.reason).toContain("Message digest doesn't match");
    expect((await verifyDetached(content, Buffer.from('not der'), [them.certificate])).valid).toBe(false);
  });
});

describe('encryption', () => {
  it.each(['aes128-cbc', 'aes192-cbc', 'aes256-cbc', '3des'] as CipherName[])(
    'openssl decrypts ours (%s)',
    (cipher) => {
      writeFileSync(path(`ours-${cipher}.der`), encryptEnveloped(content, them.certificate, cipher));
      const out = openssl(
        'cms',
        '-decrypt',
        '-binary',
        '-inform',
        'DER',
        '-in',
        `ours-${cipher}.der`,
        '-inkey',
        'them.key',
        '-recip',
        'them.crt',
      );
      expect(Buffer.compare(out, content)).toBe(0);
    },
  );

  it.each([
    ['-aes128', 'aes128-cbc', []],
    ['-aes192', 'aes192-cbc', []],
    ['-aes256', 'aes256-cbc', []],
    ['-des3', '3des', []],
    // RSA-OAEP key transport, for partners that moved off PKCS#1 v1.5.
    ['-aes256', 'aes256-cbc', ['-keyopt', 'rsa_padding_mode:oaep']],
  ] as [string, CipherName, string[]][])('we decrypt theirs (%s %s)', (flag, cipher, keyopt) => {
    openssl(
      'cms',
      '-encrypt',
      '-binary',
      '-in',
      'content.bin',
      '-outform',
      'DER',
      '-out',
      'theirs-enc.der',
      flag,
      '-recip',
      'us-2026.crt',
      ...keyopt,
    );
    const opened = decryptEnveloped(readFileSync(path('theirs-enc.der')), [us]);
    expect(opened.ok && { cipher: opened.cipher, same: opened.content.equals(content) }).toEqual({
      cipher,
      same: true,
    });
  });

  it('decrypts with either certificate during a rollover, and says when none is addressed', () => {
    for (const recipient of ['us-2025.crt', 'us-2026.crt']) {
      openssl(
        'cms',
        '-encrypt',
        '-binary',
        '-in',
        'content.bin',
        '-outform',
        'DER',
        '-out',
        'roll.der',
        '-aes256',
        recipient,
      );
      const opened = decryptEnveloped(readFileSync(path('roll.der')), [us, usBefore]);
      expect(opened.ok && opened.keyPair.certificatePem).toBe(
        recipient === 'us-2025.crt' ? usBefore.certificatePem : us.certificatePem,
      );
    }
    openssl(
      'cms',
      '-encrypt',
      '-binary',
      '-in',
      'content.bin',
      '-outform',
      'DER',
      '-out',
      'other.der',
      '-aes256',
      'stranger.crt',
    );
    expect(decryptEnveloped(readFileSync(path('other.der')), [us, usBefore])).toEqual({
      ok: false,
      reason: 'the message is encrypted for none of our certificates',
    });
  });

  it('answers a reason, never an exception, for a damaged message', () => {
    openssl(
      'cms',
      '-encrypt',
      '-binary',
      '-in',
      'content.bin',
      '-outform',
      'DER',
      '-out',
      'bad.der',
      '-aes256',
      'us-2026.crt',
    );
    const damaged = readFileSync(path('bad.der'));
    const at = damaged.length - 5;
    damaged.writeUInt8((damaged.readUInt8(at) ^ 0xff) & 0xff, at);
    const opened = decryptEnveloped(damaged, [us]);
    expect(opened.ok && opened.content.equals(content)).toBe(false);
    expect(decryptEnveloped(Buffer.from('garbage'), [us])).toMatchObject({ ok: false });
  });

  it('reads its keys without ever putting the key text in an error', () => {
    expect(() => keyPairFromPem(readFileSync(path('us-2026.crt'), 'utf8'), 'not a key')).toThrow(
      'our private key is not a readable PEM private key',
    );
    expect(() => certificateFromPem('nothing', 'their certificate')).toThrow(
      'their certificate holds no PEM certificate',
    );
  });
});
