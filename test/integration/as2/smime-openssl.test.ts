import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { opensslWorkspace } from './openssl-partner.js';
import {
  decryptEntity,
  encryptEntity,
  entityBytes,
  mic,
  parseEntity,
  signEntity,
  verifySignedEntity,
  type MimeEntity,
} from '../../../src/transports/as2/mime/index.js';

/** The S/MIME layer of AS2 against `openssl cms` reading and writing whole MIME messages. */
const workspace = opensslWorkspace('as2-smime-');
afterAll(() => workspace.dispose());
const { path, openssl } = workspace;
const party = (name: string) => workspace.party(name);
const us = party('us');
const them = party('them');

// Segments end with CRLF, as MIME text does: openssl reads a multipart entity line by line.
const x12 = Buffer.from(
  'ISA*00*          *00*          *ZZ*US             *ZZ*THEM           *~GS*PO*US*THEM~\r\n'.repeat(20),
);
const payload: MimeEntity = {
  headers: [
    ['Content-Type', 'application/edi-x12'],
    ['Content-Transfer-Encoding', 'binary'],
  ],
  body: x12,
};
const message = (entity: MimeEntity) => entityBytes(entity);

describe('S/MIME with openssl as the partner', () => {
  it('openssl verifies our signed, then encrypted, entity and finds the payload', async () => {
    const signed = await signEntity(payload, us, 'sha256');
    const encrypted = encryptEntity(signed, them.certificate, 'aes256-cbc');
    writeFileSync(path('ours.der'), encrypted.body);
    openssl(
      'cms',
      '-decrypt',
      '-binary',
      '-inform',
      'DER',
      '-in',
      'ours.der',
      '-inkey',
      'them.key',
      '-recip',
      'them.crt',
      '-out',
      'ours-signed.eml',
    );
    expect(readFileSync(path('ours-signed.eml')).equals(message(signed))).toBe(true);
    const verified = openssl(
      'cms',
      '-verify',
      '-in',
      'ours-signed.eml',
      '-CAfile',
      'us.crt',
      '-purpose',
      'any',
    );
    expect(verified.equals(message(payload))).toBe(true);
  });

  it('we open their encrypted, signed entity and compute the MIC over what they signed', async () => {
    writeFileSync(path('theirs.edi'), message(payload));
    // A signed entity whose first part is the payload entity as is (-binary: no line-end changes).
    openssl(
      'cms',
      '-sign',
      '-binary',
      '-in',
      'theirs.edi',
      '-signer',
      'them.crt',
      '-inkey',
      'them.key',
      '-md',
      'sha256',
      '-out',
      'theirs-signed.eml',
    );
    openssl(
      'cms',
      '-encrypt',
      '-binary',
      '-in',
      'theirs-signed.eml',
      '-outform',
      'DER',
      '-out',
      'theirs.der',
      '-aes128',
      'us.crt',
    );
    const received: MimeEntity = {
      headers: [['Content-Type', 'application/pkcs7-mime; smime-type=enveloped-data']],
      body: readFileSync(path('theirs.der')),
    };
    const opened = decryptEntity(received, [us]);
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened.cipher).toBe('aes128-cbc');
    const checked = await verifySignedEntity(opened.entity, [them.certificate]);
    if (!checked.ok) throw new Error(checked.reason);
    expect(checked.entity.body.equals(x12)).toBe(true);
    expect(checked.check.digest).toBe('sha256');
    const expected = createHash('sha256').update(message(payload)).digest('base64');
    expect(mic(checked.signedBytes, checked.check.digest)).toBe(`${expected}, sha-256`);
  });

  it('refuses their entity when the payload was changed after signing', async () => {
    writeFileSync(path('theirs.edi'), message(payload));
    openssl(
      'cms',
      '-sign',
      '-binary',
      '-in',
      'theirs.edi',
      '-signer',
      'them.crt',
      '-inkey',
      'them.key',
      '-out',
      'signed.eml',
    );
    const tampered = readFileSync(path('signed.eml')).toString('latin1').replace('*ZZ*US ', '*ZZ*UX ');
    const checked = await verifySignedEntity(parseEntity(Buffer.from(tampered, 'latin1')), [
      them.certificate,
    ]);
    expect(checked.ok).toBe(false);
  });
});
