import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { opensslWorkspace } from './openssl-partner.js';
import {
  as2Request,
  mdnRequest,
  openAs2Message,
  type As2SendSettings,
} from '../../../src/transports/as2/as2-message.js';
import { signEntity } from '../../../src/transports/as2/mime/index.js';

/** Whole AS2 messages: ours opened by us as the partner would, theirs made by openssl. */
const workspace = opensslWorkspace('as2-message-');
afterAll(() => workspace.dispose());
const { path, openssl } = workspace;
const party = (name: string) => workspace.party(name);
const us = party('us');
const them = party('them');
const stranger = party('stranger');
const x12 = Buffer.from(
  'ISA*00*          *00*          *ZZ*THEM           *ZZ*US             *~\r\n'.repeat(30),
);
const theirSettings: As2SendSettings = {
  ourId: 'THEM AS2',
  theirId: 'US-AS2',
  ours: them,
  theirs: us.certificate,
  signing: 'sha256',
  encryption: 'aes256-cbc',
};
const keys = { ours: [us], theirs: [them.certificate] };

describe('AS2 messages', () => {
  it('opens a signed and encrypted message to the payload and the MIC its sender expects', async () => {
    const request = await as2Request(x12, 'application/edi-x12', theirSettings, 'them.example', 'po.edi');
    expect(request.headers).toMatchObject({
      'AS2-From': '"THEM AS2"',
      'AS2-To': 'US-AS2',
      'AS2-Version': '1.2',
    });
    const opened = await openAs2Message(request.headers, request.body, keys);
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened.payload.body.equals(x12)).toBe(true);
    expect(opened.mic).toBe(request.mic);
    expect(opened.mdn).toEqual({ wanted: true, signed: true, digest: 'sha256' });
  });

  it('opens what openssl signed and encrypted, with the MIC over the entity it signed', async () => {
    const entity = Buffer.concat([Buffer.from('Content-Type: application/edi-x12\r\n\r\n'), x12]);
    writeFileSync(path('entity.eml'), entity);
    openssl(
      'cms',
      '-sign',
      '-binary',
      '-in',
      'entity.eml',
      '-signer',
      'them.crt',
      '-inkey',
      'them.key',
      '-md',
      'sha384',
      '-out',
      'signed.eml',
    );
    openssl(
      'cms',
      '-encrypt',
      '-binary',
      '-in',
      'signed.eml',
      '-outform',
      'DER',
      '-out',
      'message.der',
      '-des3',
      'us.crt',
    );
    const headers = {
      'Content-Type': 'application/pkcs7-mime; smime-type=enveloped-data',
      'Disposition-Notification-To': 'them@example',
      'Disposition-Notification-Options':
        'signed-receipt-protocol=optional, pkcs7-signature; signed-receipt-micalg=optional, sha-384, sha1',
    };
    const opened = await openAs2Message(headers, readFileSync(path('message.der')), keys);
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened.payload.body.equals(x12)).toBe(true);
    expect(opened.mic).toBe(`${createHash('sha384').update(entity).digest('base64')}, sha-384`);
  });

  it('answers the RFC 4130 disposition for each failure', async () => {
    const request = await as2Request(x12, 'application/edi-x12', theirSettings, 'them.example');
    const damaged = Buffer.from(request.body);
    damaged.writeUInt8(damaged.readUInt8(damaged.length - 20) ^ 0xff, damaged.length - 20);
    expect(await openAs2Message(request.headers, damaged, keys)).toMatchObject({
      ok: false,
      error: 'decryption-failed',
    });

    const fromStranger = await as2Request(
      x12,
      'application/edi-x12',
      { ...theirSettings, ours: stranger },
      'x.example',
    );
    expect(await openAs2Message(fromStranger.headers, fromStranger.body, keys)).toMatchObject({
      ok: false,
      error: 'authentication-failed',
      reason: "the signer is none of the partner's certificates",
    });

    // Signed but not encrypted, then changed on the way.
    const signed = await signEntity(
      { headers: [['Content-Type', 'application/edi-x12']], body: x12 },
      them,
      'sha256',
    );
    const changed = Buffer.from(signed.body.toString('latin1').replace('*ZZ*THEM ', '*ZZ*THEX '), 'latin1');
    const headers = { 'Content-Type': signed.headers[0]?.[1] };
    const plainPolicy = { requireSigned: true, requireEncrypted: false };
    expect(await openAs2Message(headers, changed, keys, plainPolicy)).toMatchObject({
      ok: false,
      error: 'integrity-check-failed',
    });
    expect(await openAs2Message(headers, signed.body, keys, plainPolicy)).toMatchObject({
      ok: true,
      signed: true,
      encrypted: false,
    });
    // The partner file says encrypted: a plain message is refused.
    expect(await openAs2Message(headers, signed.body, keys)).toMatchObject({
      ok: false,
      error: 'decryption-failed',
    });
    const unsigned = { 'Content-Type': 'application/edi-x12' };
    expect(await openAs2Message(unsigned, x12, keys, plainPolicy)).toMatchObject({
      ok: false,
      error: 'authentication-failed',
    });
  });

  it('reads what MDN the sender asked for', () => {
    expect(
      mdnRequest({
        'disposition-notification-to': 'https://them.example/mdn',
        'Disposition-Notification-Options':
          'signed-receipt-protocol=required, pkcs7-signature; signed-receipt-micalg=required, sha-512',
        'Receipt-Delivery-Option': 'https://them.example/mdn',
      }),
    ).toEqual({ wanted: true, signed: true, digest: 'sha512', asyncUrl: 'https://them.example/mdn' });
    expect(mdnRequest({})).toEqual({ wanted: false, signed: false, digest: 'sha256' });
  });
});
