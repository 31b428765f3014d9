import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { opensslWorkspace } from './openssl-partner.js';
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
