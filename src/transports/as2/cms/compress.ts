import { deflateSync, inflateSync } from 'node:zlib';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OIDS } from './algorithms.js';

export type Decompression = { ok: true; content: Buffer } | { ok: false; reason: string };

/** Content that inflates past this is refused: a few kilobytes of zlib can claim gigabytes. */
export const MAX_DECOMPRESSED_BYTES = 512 * 1024 * 1024;

/**
 * CMS CompressedData (RFC 3274) of `content` as a DER ContentInfo: zlib (RFC 1950, the deflate
 * stream with its header and Adler-32, which RFC 3274 names), the content type id-data. AS2
 * compresses this way before signing or after (RFC 5402).
 *
 * @example
 * const compressed = compressData(entityBytes(payload));
 */
export function compressData(content: Uint8Array): Buffer {
  const compressedData = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 0 }),
      // RFC 3274: the zlib algorithm identifier has no parameters.
      new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OIDS.zlibCompression })] }),
      new asn1js.Sequence({
        value: [
          new asn1js.ObjectIdentifier({ value: OIDS.data }),
          explicit(new asn1js.OctetString({ valueHex: deflateSync(content) })),
        ],
      }),
    ],
  });
  const info = new asn1js.Sequence({
    value: [new asn1js.ObjectIdentifier({ value: OIDS.compressedData }), explicit(compressedData)],
  });
  return Buffer.from(info.toBER());
}

/**
 * The content of CMS CompressedData (DER or BER, whose content may come in a constructed OCTET
 * STRING, as streaming senders write it). Never throws for bad input: the reason says what
 * failed. Content that would inflate past `maxBytes` is refused.
 *
 * @example
 * const opened = decompressData(body);
 * if (opened.ok) parseEntity(opened.content);
 */
export function decompressData(
  der: Uint8Array,
  { maxBytes = MAX_DECOMPRESSED_BYTES }: { maxBytes?: number } = {},
): Decompression {
  let compressed: Buffer | { reason: string };
  try {
    compressed = readCompressed(der);
  } catch (error) {
    return { ok: false, reason: `the compressed data does not parse: ${(error as Error).message}` };
  }
  if (!Buffer.isBuffer(compressed)) return { ok: false, reason: compressed.reason };
  try {
    return { ok: true, content: inflateSync(compressed, { maxOutputLength: maxBytes }) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      return { ok: false, reason: `the content inflates to more than ${maxBytes} bytes` };
    }
    return { ok: false, reason: `the zlib stream does not inflate: ${(error as Error).message}` };
  }
}

/** The zlib stream; throws an Error saying which part is malformed. */
function readCompressed(der: Uint8Array): Buffer | { reason: string } {
  const info = pkijs.ContentInfo.fromBER(der);
  if (info.contentType !== OIDS.compressedData) return { reason: 'the message is not CMS CompressedData' };
  const data: unknown = info.content;
  if (!(data instanceof asn1js.Sequence)) throw new Error('CompressedData is not a SEQUENCE');
  const [version, algorithm, encapsulated] = data.valueBlock.value;
  if (!(version instanceof asn1js.Integer) || version.valueBlock.valueDec !== 0) {
    throw new Error('CompressedData is not version 0');
  }
  const [algorithmId, parameters] = algorithm instanceof asn1js.Sequence ? algorithm.valueBlock.value : [];
  if (!(algorithmId instanceof asn1js.ObjectIdentifier)) {
    throw new Error('CompressedData holds no compression algorithm');
  }
  if (algorithmId.valueBlock.toString() !== OIDS.zlibCompression) {
    return { reason: `the compression algorithm ${algorithmId.valueBlock.toString()} is not zlib` };
  }
  // Some senders write NULL parameters; there is nothing to read in them either way.
  if (parameters !== undefined && !(parameters instanceof asn1js.Null)) {
    throw new Error('the zlib algorithm identifier has parameters');
  }
  const [, eContent] = encapsulated instanceof asn1js.Sequence ? encapsulated.valueBlock.value : [];
  if (eContent === undefined) return { reason: 'the compressed data holds no content' };
  const octetString =
    eContent instanceof asn1js.Constructed &&
    eContent.idBlock.tagClass === 3 &&
    eContent.idBlock.tagNumber === 0
      ? eContent.valueBlock.value[0]
      : undefined;
  if (!(octetString instanceof asn1js.OctetString)) {
    throw new Error('the compressed content is not an [0] OCTET STRING');
  }
  return octets(octetString);
}

/** The bytes of an OCTET STRING, primitive or constructed from pieces (at any depth). */
function octets(block: asn1js.OctetString): Buffer {
  if (!block.idBlock.isConstructed) return Buffer.from(block.valueBlock.valueHexView);
  return Buffer.concat(
    block.valueBlock.value.map((piece) => {
      if (!(piece instanceof asn1js.OctetString))
        throw new Error('a constructed OCTET STRING holds a non-OCTET STRING');
      return octets(piece);
    }),
  );
}

/** `[0] EXPLICIT`, as ContentInfo and EncapsulatedContentInfo tag their content. */
function explicit(inner: asn1js.BaseBlock): asn1js.Constructed {
  return new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [inner] });
}
