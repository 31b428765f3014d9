import { constants, createCipheriv, publicEncrypt, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, describe, expect, it } from 'vitest';
import { opensslWorkspace } from './openssl-partner.js';
import {
  decryptEnveloped,
  encryptEnveloped,
  type GcmCipherName,
} from '../../../src/transports/as2/cms/index.js';
import {
  decryptEntity,
  encryptEntity,
  entityBytes,
  type MimeEntity,
} from '../../../src/transports/as2/mime/index.js';

/**
 * AES-GCM in CMS AuthEnvelopedData (RFC 5083, 5084) against `openssl cms` as the partner: each
 * side encrypts, the other decrypts, and a changed tag or ciphertext is refused.
 */
const workspace = opensslWorkspace('as2-gcm-');
afterAll(() => workspace.dispose());
const { path, openssl } = workspace;
const us = workspace.party('us');
const them = workspace.party('them');
const content = Buffer.from(
  'ISA*00*          *00*          *ZZ*THEM           *ZZ*US             *...~\n'.repeat(50),
);
writeFileSync(path('content.bin'), content);

const theirDecryption = (file: string) =>
  openssl(
    'cms',
    '-decrypt',
    '-binary',
    '-inform',
    'DER',
    '-in',
    file,
    '-inkey',
    'them.key',
    '-recip',
    'them.crt',
  );

/** openssl encrypts content.bin for us; the DER it wrote. */
function theirs(flag: string, ...keyopt: string[]): Buffer {
  openssl(
    'cms',
    '-encrypt',
    '-binary',
    '-in',
    'content.bin',
    '-outform',
    'DER',
    '-out',
    'theirs.der',
    flag,
    '-recip',
    'us.crt',
    ...keyopt,
  );
  return readFileSync(path('theirs.der'));
}

/** Offsets of the DER elements `openssl asn1parse` prints on lines matching `pattern`. */
function offsets(der: Buffer, pattern: RegExp): { at: number; header: number; length: number }[] {
  writeFileSync(path('parse.der'), der);
  return openssl('asn1parse', '-inform', 'DER', '-in', 'parse.der')
    .toString()
    .split('\n')
    .filter((line) => pattern.test(line))
    .map((line) => {
      const [, at, header, length] = /^\s*(\d+):d=\d+\s+hl=(\d+)\s+l=\s*(\d+)/.exec(line) ?? [];
      return { at: Number(at), header: Number(header), length: Number(length) };
    });
}

describe('AES-GCM AuthEnvelopedData with openssl as the partner', () => {
  it.each(['aes128-gcm', 'aes192-gcm', 'aes256-gcm'] as GcmCipherName[])(
    'openssl decrypts ours (%s)',
    (cipher) => {
      const der = encryptEnveloped(content, them.certificate, cipher);
      writeFileSync(path(`ours-${cipher}.der`), der);
      expect(theirDecryption(`ours-${cipher}.der`).equals(content)).toBe(true);
      const printed = openssl('asn1parse', '-inform', 'DER', '-in', `ours-${cipher}.der`).toString();
      expect(printed).toContain(':id-smime-ct-authEnvelopedData');
      expect(printed).toContain(`:${cipher.replace(/^aes(\d+)/, 'aes-$1')}`);
      // GCMParameters: a 12-byte nonce and the ICV length 16 (0x10); then a 16-byte mac.
      expect(printed).toMatch(/l=\s*12 prim: OCTET STRING[^\n]*\n[^\n]*prim: INTEGER\s+:10\n/);
      expect(printed).toMatch(/l=\s*16 prim: OCTET STRING[^\n]*\n$/);
    },
  );

  it.each([
    ['-aes-128-gcm', 'aes128-gcm', ['-keyopt', 'rsa_padding_mode:pkcs1']],
    ['-aes-192-gcm', 'aes192-gcm', ['-keyopt', 'rsa_padding_mode:pkcs1']],
    ['-aes-256-gcm', 'aes256-gcm', ['-keyopt', 'rsa_padding_mode:pkcs1']],
    // RSA-OAEP key transport with GCM, as partners off PKCS#1 v1.5 send it.
    ['-aes-256-gcm', 'aes256-gcm', ['-keyopt', 'rsa_padding_mode:oaep']],
  ] as [string, GcmCipherName, string[]][])('we decrypt theirs (%s %s %j)', (flag, cipher, keyopt) => {
    const opened = decryptEnveloped(theirs(flag, ...keyopt), [us]);
    expect(opened.ok && { cipher: opened.cipher, same: opened.content.equals(content) }).toEqual({
      cipher,
      same: true,
    });
  });

  it('refuses their message with a changed tag, with a reason and no exception', () => {
    const der = theirs('-aes-256-gcm');
    const [mac] = offsets(der, /prim: OCTET STRING/).slice(-1);
    expect(mac?.length).toBe(16);
    const tampered = Buffer.from(der);
    const at = (mac?.at ?? 0) + (mac?.header ?? 0) + 3;
    tampered.writeUInt8(tampered.readUInt8(at) ^ 0x01, at);
    expect(decryptEnveloped(tampered, [us])).toEqual({
      ok: false,
      reason: 'the authentication tag does not match: the content was altered or not encrypted for our key',
    });
  });

  it('refuses their message with a changed ciphertext byte', () => {
    const der = theirs('-aes-128-gcm');
    const [encrypted] = offsets(der, /prim: cont \[ 0 \]/);
    expect(encrypted?.length).toBe(content.length);
    const tampered = Buffer.from(der);
    // Flip one bit in the middle: with CTR mode this would silently change one byte of an EDI segment.
    const at = (encrypted?.at ?? 0) + (encrypted?.header ?? 0) + 100;
    tampered.writeUInt8(tampered.readUInt8(at) ^ 0x04, at);
    const opened = decryptEnveloped(tampered, [us]);
    expect(opened).toMatchObject({
      ok: false,
      reason: expect.stringContaining('authentication tag does not match') as unknown,
    });
    expect(decryptEnveloped(der, [us]).ok).toBe(true);
  });

  it('refuses a tag cut short and ours opened with the wrong key', () => {
    const der = encryptEnveloped(content, us.certificate, 'aes256-gcm');
    expect(decryptEnveloped(der, [us])).toMatchObject({ ok: true, cipher: 'aes256-gcm' });
    // The mac is the last element: drop its last byte and fix the lengths of what encloses it.
    const [outer, inner, data] = offsets(der, /cons: /);
    const [mac] = offsets(der, /prim: OCTET STRING/).slice(-1);
    const short = Buffer.from(der.subarray(0, der.length - 1));
    for (const element of [outer, inner, data]) {
      if (element?.header !== 4) throw new Error('expected long-form lengths');
      short.writeUInt16BE(short.readUInt16BE(element.at + 2) - 1, element.at + 2);
    }
    short.writeUInt8(15, (mac?.at ?? 0) + 1);
    expect(decryptEnveloped(short, [us])).toEqual({
      ok: false,
      reason: 'the authentication tag is 15 bytes, the GCM parameters say 16',
    });
    expect(decryptEnveloped(der, [them])).toEqual({
      ok: false,
      reason: 'the message is encrypted for none of our certificates',
    });
  });
});

/**
 * AuthEnvelopedData for us with authenticated attributes, built here from RFC 5083 section 2.2:
 * GCM authenticates the attributes' DER with a SET OF tag, sent with an IMPLICIT [1] tag.
 * (openssl 3.0 writes no authAttrs and does not parse them.) `alter` changes the sent attributes.
 */
function withAuthAttrs(alter: (attributes: Buffer) => void = () => {}): Buffer {
  const key = randomBytes(32);
  const nonce = randomBytes(12);
  const attribute = (type: string, value: asn1js.BaseBlock) =>
    new pkijs.Attribute({ type, values: [value] }).toSchema();
  const attributes = new asn1js.Set({
    value: [
      attribute('1.2.840.113549.1.9.3', new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.7.1' })),
      attribute('1.2.840.113549.1.9.5', new asn1js.UTCTime({ valueDate: new Date('2026-03-01T00:00:00Z') })),
    ],
  });
  const encipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: 16 });
  encipher.setAAD(Buffer.from(attributes.toBER()));
  const encrypted = Buffer.concat([encipher.update(content), encipher.final()]);
  const recipient = new pkijs.RecipientInfo({
    variant: 1,
    value: new pkijs.KeyTransRecipientInfo({
      version: 0,
      rid: new pkijs.IssuerAndSerialNumber({
        issuer: us.certificate.issuer,
        serialNumber: us.certificate.serialNumber,
      }),
      keyEncryptionAlgorithm: new pkijs.AlgorithmIdentifier({
        algorithmId: '1.2.840.113549.1.1.1',
        algorithmParams: new asn1js.Null(),
      }),
      encryptedKey: new asn1js.OctetString({
        valueHex: publicEncrypt(
          { key: readFileSync(path('us.crt'), 'utf8'), padding: constants.RSA_PKCS1_PADDING },
          key,
        ),
      }),
    }),
  });
  const encryptedContentInfo = new pkijs.EncryptedContentInfo({
    contentType: '1.2.840.113549.1.7.1',
    contentEncryptionAlgorithm: new pkijs.AlgorithmIdentifier({
      algorithmId: '2.16.840.1.101.3.4.1.46',
      algorithmParams: new asn1js.Sequence({
        value: [new asn1js.OctetString({ valueHex: nonce }), new asn1js.Integer({ value: 16 })],
      }),
    }),
    encryptedContent: new asn1js.OctetString({ valueHex: encrypted }),
    disableSplit: true,
  });
  const sentAttributes = Buffer.from(attributes.toBER());
  alter(sentAttributes);
  sentAttributes[0] = 0xa1;
  const data = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 0 }),
      new asn1js.Set({ value: [recipient.toSchema()] }),
      encryptedContentInfo.toSchema(),
      asn1js.fromBER(sentAttributes).result,
      new asn1js.OctetString({ valueHex: encipher.getAuthTag() }),
    ],
  });
  const info = new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.9.16.1.23', content: data });
  return Buffer.from(info.toSchema().toBER());
}

describe('AuthEnvelopedData with authenticated attributes', () => {
  it('authenticates the attributes with the content', () => {
    const opened = decryptEnveloped(withAuthAttrs(), [us]);
    expect(opened.ok && opened.content.equals(content)).toBe(true);
    // The signing time's last digit, 2026-03-01 to 2026-03-02: the tag no longer matches.
    const altered = withAuthAttrs((attributes) => {
      const at = attributes.indexOf('260301');
      attributes.write('260302', at, 'latin1');
    });
    expect(decryptEnveloped(altered, [us])).toMatchObject({
      ok: false,
      reason: expect.stringContaining('authentication tag does not match') as unknown,
    });
  });
});

describe('S/MIME authEnveloped-data', () => {
  const payload: MimeEntity = {
    headers: [['Content-Type', 'application/edi-x12']],
    body: Buffer.from('ISA*00*          *00*~GS*PO*US*THEM~\r\n'.repeat(20)),
  };

  it('labels GCM output authEnveloped-data, and openssl reads it as S/MIME', () => {
    const encrypted = encryptEntity(payload, them.certificate, 'aes256-gcm');
    expect(encrypted.headers).toContainEqual([
      'Content-Type',
      'application/pkcs7-mime; smime-type=authEnveloped-data; name=smime.p7m',
    ]);
    writeFileSync(path('ours.der'), encrypted.body);
    expect(theirDecryption('ours.der').equals(entityBytes(payload))).toBe(true);
    expect(encryptEntity(payload, them.certificate, 'aes256-cbc').headers[0]?.[1]).toContain(
      'smime-type=enveloped-data;',
    );
  });

  it('opens theirs under either smime-type, base64 or binary, and refuses another type', () => {
    writeFileSync(path('payload.eml'), entityBytes(payload));
    openssl(
      'cms',
      '-encrypt',
      '-binary',
      '-in',
      'payload.eml',
      '-outform',
      'DER',
      '-out',
      'gcm.der',
      '-aes-128-gcm',
      'us.crt',
    );
    const der = readFileSync(path('gcm.der'));
    for (const smimeType of ['authEnveloped-data', 'enveloped-data']) {
      const opened = decryptEntity(
        {
          headers: [
            ['Content-Type', `application/pkcs7-mime; smime-type=${smimeType}`],
            ['Content-Transfer-Encoding', 'base64'],
          ],
          body: Buffer.from(der.toString('base64').replace(/.{76}/g, '$&\r\n')),
        },
        [us],
      );
      expect(opened.ok && { cipher: opened.cipher, body: opened.entity.body.equals(payload.body) }).toEqual({
        cipher: 'aes128-gcm',
        body: true,
      });
    }
    expect(
      decryptEntity(
        { headers: [['Content-Type', 'application/pkcs7-mime; smime-type=compressed-data']], body: der },
        [us],
      ),
    ).toEqual({
      ok: false,
      reason: 'the entity is smime-type=compressed-data, not enveloped-data or authenveloped-data',
    });
  });
});
