import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { opensslWorkspace } from './openssl-partner.js';
import { as2Request, openAs2Message, type As2SendSettings } from '../../../src/transports/as2/as2-message.js';
import {
  compressData,
  decompressData,
  encryptEnveloped,
  MAX_DECOMPRESSED_BYTES,
} from '../../../src/transports/as2/cms/index.js';
import {
  compressEntity,
  decompressEntity,
  entityBytes,
  type MimeEntity,
} from '../../../src/transports/as2/mime/index.js';

/**
 * CMS CompressedData (RFC 3274) checked against tools that share no code with ours: this
 * openssl is built without zlib (`openssl cms -compress` fails), so `openssl asn1parse` reads
 * our structure and Python's zlib inflates our stream; in the other direction Python's zlib
 * deflates and `openssl asn1parse -genconf` writes the DER we read.
 */
const workspace = opensslWorkspace('as2-compression-');
afterAll(() => workspace.dispose());
const { path, openssl } = workspace;
const content = Buffer.from(
  'ISA*00*          *00*          *ZZ*THEM           *ZZ*US             *...~\r\nGS*PO*THEM*US~\r\n'.repeat(
    200,
  ),
);
writeFileSync(path('content.bin'), content);

const python = (script: string, ...args: string[]) =>
  execFileSync('python3', ['-c', script, ...args], { cwd: path('.') })
    .toString()
    .trim();

/** Python's zlib stream (RFC 1950) of a file, as hex. */
const pythonZlib = (file: string) =>
  python('import sys, zlib; print(zlib.compress(open(sys.argv[1], "rb").read(), 9).hex())', file);

/** A CompressedData ContentInfo written by `openssl asn1parse -genconf` around zlib hex pieces. */
function opensslCompressedData(name: string, pieces: string[]): Buffer {
  const eContent =
    pieces.length === 1
      ? `EXPLICIT:0,FORMAT:HEX,OCTETSTRING:${pieces[0]}`
      : 'EXPLICIT:0,IMPLICIT:4U,SEQUENCE:pieces'; // a constructed OCTET STRING, as streaming senders write
  writeFileSync(
    path(`${name}.cnf`),
    [
      'asn1=SEQUENCE:contentInfo',
      '[contentInfo]',
      'type=OID:1.2.840.113549.1.9.16.1.9',
      'content=EXPLICIT:0,SEQUENCE:compressedData',
      '[compressedData]',
      'version=INTEGER:0',
      'algorithm=SEQUENCE:zlib',
      'encapsulated=SEQUENCE:encapsulated',
      '[zlib]',
      'algorithm=OID:1.2.840.113549.1.9.16.3.8',
      '[encapsulated]',
      'type=OID:1.2.840.113549.1.7.1',
      `content=${eContent}`,
      '[pieces]',
      ...pieces.map((piece, i) => `piece${i}=FORMAT:HEX,OCTETSTRING:${piece}`),
      '',
    ].join('\n'),
  );
  openssl('asn1parse', '-genconf', `${name}.cnf`, '-out', `${name}.der`, '-noout');
  return readFileSync(path(`${name}.der`));
}

describe('CMS CompressedData', () => {
  it('writes RFC 3274 structure that openssl parses, with a stream Python inflates', () => {
    const der = compressData(content);
    expect(der.length).toBeLessThan(content.length / 20);
    writeFileSync(path('ours.p7z'), der);
    const printed = openssl('asn1parse', '-inform', 'DER', '-in', 'ours.p7z').toString();
    expect(printed).toContain(':id-smime-ct-compressedData');
    // The algorithm identifier: the zlib OID and no parameters (11 + 2 bytes).
    expect(printed).toMatch(/l=\s*13 cons: SEQUENCE\s*\n[^\n]*:zlib compression\s*\n/);
    expect(printed).toContain(':pkcs7-data');
    const eContent = /cont \[ 0 \]\s*\n[^\n]*prim: OCTET STRING\s+\[HEX DUMP\]:([0-9A-F]+)\s*\n?$/.exec(
      printed,
    );
    expect(eContent).not.toBeNull();
    writeFileSync(path('ours.zlib'), Buffer.from(eContent?.[1] ?? '', 'hex'));
    const inflated = python(
      'import sys, zlib; print(zlib.decompress(open(sys.argv[1], "rb").read()).hex())',
      'ours.zlib',
    );
    expect(Buffer.from(inflated, 'hex').equals(content)).toBe(true);
  });

  it('reads what Python and openssl wrote, primitive or in pieces', () => {
    const zlib = pythonZlib('content.bin');
    const whole = opensslCompressedData('whole', [zlib]);
    expect(decompressData(whole)).toEqual({ ok: true, content });
    const pieces = opensslCompressedData('pieces', [zlib.slice(0, 40), zlib.slice(40, 200), zlib.slice(200)]);
    expect(pieces.equals(whole)).toBe(false);
    expect(decompressData(pieces)).toEqual({ ok: true, content });
  });

  it('refuses a corrupt stream, a truncated one and a bomb, with a reason', () => {
    const der = compressData(content);
    const badCheck = Buffer.from(der);
    badCheck.writeUInt8(badCheck.readUInt8(der.length - 1) ^ 0xff, der.length - 1);
    expect(decompressData(badCheck)).toEqual({
      ok: false,
      reason: 'the zlib stream does not inflate: incorrect data check',
    });
    const corrupt = opensslCompressedData('corrupt', [`78da${'ff'.repeat(40)}`]);
    expect(decompressData(corrupt)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^the zlib stream does not inflate: /) as unknown,
    });
    const zlib = pythonZlib('content.bin');
    const truncated = opensslCompressedData('truncated', [zlib.slice(0, Math.floor(zlib.length / 4) * 2)]);
    expect(decompressData(truncated)).toEqual({
      ok: false,
      reason: 'the zlib stream does not inflate: unexpected end of file',
    });
    expect(decompressData(der, { maxBytes: 1000 })).toEqual({
      ok: false,
      reason: 'the content inflates to more than 1000 bytes',
    });
    expect(MAX_DECOMPRESSED_BYTES).toBeGreaterThan(content.length);
  });

  it('refuses what is not CompressedData', () => {
    const ours = workspace.party('us');
    expect(decompressData(encryptEnveloped(content, ours.certificate, 'aes256-gcm'))).toEqual({
      ok: false,
      reason: 'the message is not CMS CompressedData',
    });
    expect(decompressData(Buffer.from('not der'))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^the compressed data does not parse: /) as unknown,
    });
  });
});

describe('S/MIME compressed-data', () => {
  const payload: MimeEntity = {
    headers: [
      ['Content-Type', 'application/edi-x12'],
      ['Content-Transfer-Encoding', 'binary'],
    ],
    body: content,
  };

  it('labels the entity compressed-data and opens it again', () => {
    const compressed = compressEntity(payload);
    expect(compressed.headers).toEqual([
      ['Content-Type', 'application/pkcs7-mime; smime-type=compressed-data; name=smime.p7z'],
      ['Content-Transfer-Encoding', 'binary'],
      ['Content-Disposition', 'attachment; filename=smime.p7z'],
    ]);
    const opened = decompressEntity(compressed);
    expect(opened.ok && entityBytes(opened.entity).equals(entityBytes(payload))).toBe(true);
  });

  it('opens what Python and openssl wrote, sent base64', () => {
    writeFileSync(path('payload.eml'), entityBytes(payload));
    const der = opensslCompressedData('entity', [pythonZlib('payload.eml')]);
    const opened = decompressEntity({
      headers: [
        ['Content-Type', 'application/pkcs7-mime; smime-type=compressed-data; name=smime.p7z'],
        ['Content-Transfer-Encoding', 'base64'],
      ],
      body: Buffer.from(der.toString('base64').replace(/.{76}/g, '$&\r\n')),
    });
    expect(opened.ok && opened.entity.body.equals(content)).toBe(true);
  });

  it('refuses another smime-type and inflated bytes that are not MIME', () => {
    const compressed = compressEntity(payload);
    expect(
      decompressEntity({
        headers: [['Content-Type', 'application/pkcs7-mime; smime-type=enveloped-data']],
        body: compressed.body,
      }),
    ).toEqual({ ok: false, reason: 'the entity is smime-type=enveloped-data, not compressed-data' });
    expect(
      decompressEntity({
        headers: [['Content-Type', 'application/pkcs7-mime; smime-type=compressed-data']],
        body: compressData(Buffer.from('no header block here')),
      }),
    ).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^the decompressed content is not a MIME entity/) as unknown,
    });
  });
});

describe('AS2 messages compressed (RFC 5402)', () => {
  // Files of their own: the tests above make the party `us` again, which replaces us.crt.
  const us = workspace.party('gateway');
  const them = workspace.party('partner');
  const ourSettings: As2SendSettings = {
    ourId: 'US',
    theirId: 'THEM',
    ours: us,
    theirs: them.certificate,
    signing: 'sha256',
    encryption: 'aes256-cbc',
    compression: true,
  };
  /** Their side: they open what we send, and we open what they send with these. */
  const theirKeys = { ours: [them], theirs: [us.certificate] };
  const ourKeys = { ours: [us], theirs: [them.certificate] };
  const asked = {
    'Disposition-Notification-To': 'them@example',
    'Disposition-Notification-Options':
      'signed-receipt-protocol=optional, pkcs7-signature; signed-receipt-micalg=optional, sha-256',
  };
  const encryptedHeaders = {
    ...asked,
    'Content-Type': 'application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m',
  };
  const sha = (algorithm: string, file: string) =>
    createHash(algorithm)
      .update(readFileSync(path(file)))
      .digest('base64');
  const entity = Buffer.concat([Buffer.from('Content-Type: application/edi-x12\r\n\r\n'), content]);
  writeFileSync(path('x12.eml'), entity);

  const compressedType = 'application/pkcs7-mime; smime-type=compressed-data; name=smime.p7z';
  /** A compressed-data entity around `der` (sent binary), written to `file`. */
  const compressedEntityFile = (file: string, der: Buffer, contentType = compressedType) =>
    writeFileSync(
      path(file),
      Buffer.concat([
        Buffer.from(`Content-Type: ${contentType}\r\nContent-Transfer-Encoding: binary\r\n\r\n`),
        der,
      ]),
    );
  const theySign = (input: string, output: string, digest = 'sha256') =>
    openssl(
      'cms',
      '-sign',
      '-binary',
      '-in',
      input,
      '-signer',
      'partner.crt',
      '-inkey',
      'partner.key',
      '-md',
      digest,
      '-out',
      output,
    );
  /** The file encrypted for us by openssl, as the DER body of an AS2 post. */
  const theyEncrypt = (input: string): Buffer => {
    openssl(
      'cms',
      '-encrypt',
      '-binary',
      '-in',
      input,
      '-outform',
      'DER',
      '-out',
      `${input}.der`,
      '-aes256',
      'gateway.crt',
    );
    return readFileSync(path(`${input}.der`));
  };

  it('sends the payload compressed before signing, and opens it to the payload and the MIC to expect', async () => {
    const request = await as2Request(content, 'application/edi-x12', ourSettings, 'us.example', 'po.edi');
    const plain = await as2Request(
      content,
      'application/edi-x12',
      { ...ourSettings, compression: false },
      'us.example',
      'po.edi',
    );
    expect(request.body.length).toBeLessThan(plain.body.length / 5);
    const opened = await openAs2Message(request.headers, request.body, theirKeys);
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened).toMatchObject({ encrypted: true, signed: true, compressed: true });
    expect(opened.payload.body.equals(content)).toBe(true);
    expect(opened.mic).toBe(request.mic);
    // The MIC is over the compressed entity that was signed, not over the payload entity.
    expect(request.mic).not.toBe(plain.mic);
  });

  it('sends what openssl decrypts and verifies, signed over a compressed-data entity Python inflates', async () => {
    const request = await as2Request(content, 'application/edi-x12', ourSettings, 'us.example', 'po.edi');
    writeFileSync(path('sent.der'), request.body);
    openssl(
      'cms',
      '-decrypt',
      '-inform',
      'DER',
      '-in',
      'sent.der',
      '-recip',
      'partner.crt',
      '-inkey',
      'partner.key',
      '-out',
      'sent-signed.eml',
    );
    openssl(
      'cms',
      '-verify',
      '-in',
      'sent-signed.eml',
      '-CAfile',
      'gateway.crt',
      '-purpose',
      'any',
      '-out',
      'sent-verified.eml',
    );
    const verified = readFileSync(path('sent-verified.eml'));
    expect(`${sha('sha256', 'sent-verified.eml')}, sha-256`).toBe(request.mic);
    const blank = verified.indexOf('\r\n\r\n');
    const head = verified.subarray(0, blank).toString();
    expect(head).toContain(
      'Content-Type: application/pkcs7-mime; smime-type=compressed-data; name=smime.p7z',
    );
    // Base64 inside the signature: openssl's multipart reader rewrites line ends in a binary part.
    expect(head).toContain('Content-Transfer-Encoding: base64');
    writeFileSync(path('sent.b64'), verified.subarray(blank + 4));
    openssl('base64', '-d', '-in', 'sent.b64', '-out', 'sent.p7z');
    const printed = openssl('asn1parse', '-inform', 'DER', '-in', 'sent.p7z').toString();
    expect(printed).toContain(':id-smime-ct-compressedData');
    expect(printed).toContain(':zlib compression');
    const stream = /prim: OCTET STRING\s+\[HEX DUMP\]:([0-9A-F]+)\s*$/.exec(printed)?.[1] ?? '';
    writeFileSync(path('sent.zlib'), Buffer.from(stream, 'hex'));
    const inflated = python(
      'import sys, zlib; print(zlib.decompress(open(sys.argv[1], "rb").read()).hex())',
      'sent.zlib',
    );
    const payload = Buffer.from(inflated, 'hex');
    expect(payload.subarray(0, payload.indexOf('\r\n\r\n')).toString()).toContain(
      'Content-Type: application/edi-x12',
    );
    expect(payload.subarray(payload.indexOf('\r\n\r\n') + 4).equals(content)).toBe(true);
  });

  it('opens what openssl signed around data Python compressed (compressed inside the signature)', async () => {
    compressedEntityFile('inside.eml', opensslCompressedData('inside', [pythonZlib('x12.eml')]));
    theySign('inside.eml', 'inside-signed.eml');
    const opened = await openAs2Message(encryptedHeaders, theyEncrypt('inside-signed.eml'), ourKeys);
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened).toMatchObject({ encrypted: true, signed: true, compressed: true });
    expect(opened.payload.body.equals(content)).toBe(true);
    // Over the compressed-data entity as signed.
    expect(opened.mic).toBe(`${sha('sha256', 'inside.eml')}, sha-256`);
  });

  it('opens what Python compressed around what openssl signed (compressed outside the signature)', async () => {
    theySign('x12.eml', 'outside-signed.eml', 'sha384');
    // No smime-type: the .p7z name says compressed-data.
    compressedEntityFile(
      'outside.eml',
      opensslCompressedData('outside', [pythonZlib('outside-signed.eml')]),
      'application/pkcs7-mime; name="smime.p7z"',
    );
    const opened = await openAs2Message(encryptedHeaders, theyEncrypt('outside.eml'), ourKeys);
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened).toMatchObject({ encrypted: true, signed: true, compressed: true });
    expect(opened.payload.body.equals(content)).toBe(true);
    // Over the signed entity inside the compressed data.
    expect(opened.mic).toBe(`${sha('sha384', 'x12.eml')}, sha-384`);
  });

  it('opens a compressed message sent unencrypted or unsigned only when the partner file allows it', async () => {
    theySign('x12.eml', 'plain-signed.eml');
    const signedDer = opensslCompressedData('plain-signed', [pythonZlib('plain-signed.eml')]);
    const headers = { ...asked, 'Content-Type': compressedType };
    expect(await openAs2Message(headers, signedDer, ourKeys)).toMatchObject({
      ok: false,
      error: 'decryption-failed',
      reason: `the message is not encrypted (Content-Type: ${compressedType})`,
    });
    const signedOnly = await openAs2Message(headers, signedDer, ourKeys, {
      requireSigned: true,
      requireEncrypted: false,
    });
    expect(signedOnly).toMatchObject({
      ok: true,
      encrypted: false,
      signed: true,
      compressed: true,
      mic: `${sha('sha256', 'x12.eml')}, sha-256`,
    });
    expect(signedOnly.ok && signedOnly.payload.body.equals(content)).toBe(true);

    const unsignedDer = opensslCompressedData('unsigned', [pythonZlib('x12.eml')]);
    const plainPolicy = { requireSigned: false, requireEncrypted: false };
    const unsigned = await openAs2Message(headers, unsignedDer, ourKeys, plainPolicy);
    expect(unsigned).toMatchObject({ ok: true, encrypted: false, signed: false, compressed: true });
    expect(unsigned.ok && unsigned.payload.body.equals(content)).toBe(true);
    expect(
      await openAs2Message(headers, unsignedDer, ourKeys, { ...plainPolicy, requireSigned: true }),
    ).toMatchObject({
      ok: false,
      error: 'authentication-failed',
      reason: 'the message is not signed',
    });
  });

  it('answers decompression-failed for a stream that does not inflate, either side of the signature', async () => {
    const corrupt = opensslCompressedData('corrupt-message', [`78da${'ff'.repeat(40)}`]);
    const doesNotInflate = expect.stringMatching(/^the zlib stream does not inflate: /) as unknown;
    compressedEntityFile('corrupt-outside.eml', corrupt);
    const outside = await openAs2Message(encryptedHeaders, theyEncrypt('corrupt-outside.eml'), ourKeys);
    expect(outside).toEqual({
      ok: false,
      error: 'decompression-failed',
      reason: doesNotInflate,
      mdn: { wanted: true, signed: true, digest: 'sha256' },
    });

    compressedEntityFile('corrupt-inside.eml', corrupt);
    theySign('corrupt-inside.eml', 'corrupt-signed.eml');
    // The signature holds, so the MDN can still return the MIC of what was signed.
    expect(await openAs2Message(encryptedHeaders, theyEncrypt('corrupt-signed.eml'), ourKeys)).toEqual({
      ok: false,
      error: 'decompression-failed',
      reason: doesNotInflate,
      mic: `${sha('sha256', 'corrupt-inside.eml')}, sha-256`,
      mdn: { wanted: true, signed: true, digest: 'sha256' },
    });
  });
});
