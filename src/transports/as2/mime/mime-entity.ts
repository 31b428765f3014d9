/** A MIME entity as AS2 carries it: header fields and body bytes, written with CRLF line ends. */
export interface MimeEntity {
  /** Field names as written; looked up without regard to case. */
  headers: [string, string][];
  body: Buffer;
}

const CRLF = Buffer.from('\r\n');

/** A header's value (the first of that name), without regard to case. */
export function header(entity: Pick<MimeEntity, 'headers'>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return entity.headers.find(([field]) => field.toLowerCase() === wanted)?.[1];
}

/**
 * The entity's bytes in canonical form: each header `Name: value` and CRLF, an empty line, the
 * body as is. These are the bytes a signature and a MIC are computed over.
 *
 * @example
 * entityBytes({ headers: [['Content-Type', 'application/edi-x12']], body }); // 'Content-Type: application/edi-x12\r\n\r\n...'
 */
export function entityBytes(entity: MimeEntity): Buffer {
  const head = entity.headers.map(([name, value]) => `${name}: ${value}\r\n`).join('');
  return Buffer.concat([Buffer.from(head, 'latin1'), CRLF, entity.body]);
}

/**
 * Splits bytes into header fields and body at the first empty line (CRLF or LF); folded header
 * lines are unfolded. Throws when there is no empty line.
 */
export function parseEntity(bytes: Buffer): MimeEntity {
  let end = bytes.indexOf('\r\n\r\n');
  let skip = 4;
  const lf = bytes.indexOf('\n\n');
  if (end < 0 || (lf >= 0 && lf < end)) {
    end = lf;
    skip = 2;
  }
  if (end < 0) throw new Error('the MIME entity has no empty line between its headers and its body');
  const lines = bytes.subarray(0, end).toString('latin1').split(/\r?\n/);
  const headers: [string, string][] = [];
  for (const line of lines) {
    const last = headers.at(-1);
    if (/^[ \t]/.test(line) && last !== undefined) last[1] = `${last[1]} ${line.trim()}`;
    else {
      const colon = line.indexOf(':');
      if (colon > 0) headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  return { headers, body: bytes.subarray(end + skip) };
}

/** A parameter of a structured header value (`boundary`, `micalg`, `smime-type`...), unquoted. */
export function parameter(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  const match = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*("([^"]*)"|[^;\\s]*)`, 'i').exec(value);
  return match === null ? undefined : (match[2] ?? match[1]);
}

/**
 * The parts of a multipart body, each as its raw bytes (headers and body) without the CRLF that
 * belongs to the boundary line before it. The preamble and epilogue are left out.
 */
export function multipartParts(body: Buffer, boundary: string): Buffer[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Buffer[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const lineEnd = body.indexOf('\n', at);
    if (lineEnd < 0) break;
    const closing = body.subarray(at + delimiter.length, at + delimiter.length + 2).toString() === '--';
    if (closing) break;
    const next = body.indexOf(delimiter, lineEnd);
    if (next < 0) break;
    // The CRLF before the next boundary line belongs to the boundary.
    let end = next;
    if (body[end - 1] === 0x0a) end -= 1;
    if (body[end - 1] === 0x0d) end -= 1;
    parts.push(body.subarray(lineEnd + 1, end));
    at = next;
  }
  return parts;
}
