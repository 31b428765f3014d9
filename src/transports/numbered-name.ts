import { createHash } from 'node:crypto';

/**
 * The name to try on the `attempt`-th clash: `INV-1.x12`, then `INV-1-1.x12`, `INV-1-2.x12`...
 * The number goes before the extension so that partners who collect `*.x12` still collect it.
 *
 * @example
 * numberedName('INV-1.x12', 2); // 'INV-1-2.x12'
 * numberedName('README', 1); // 'README-1'
 */
export function numberedName(name: string, attempt: number): string {
  if (attempt === 0) return fitName(name);
  const dot = name.lastIndexOf('.');
  // A leading dot is part of the name, not an extension.
  if (dot <= 0) return fitName(`${name}-${attempt}`);
  return fitName(`${name.slice(0, dot)}-${attempt}${name.slice(dot)}`);
}

/** The longest file name most file systems (ext4, XFS, APFS, NTFS in UTF-16 units aside) take. */
export const MAX_NAME_BYTES = 255;

/** Extensions longer than this are taken as part of the name when shortening it. */
const MAX_EXTENSION_BYTES = 16;

/**
 * A file name that fits in `maxBytes` of UTF-8: the name itself when it does, else its start,
 * `~` and 8 hex digits of its SHA-256 (so that two long names that start alike stay apart), and
 * its extension. A partner's 255-byte file name otherwise fails once anything is added to it (a
 * number in the archive, `.part` while it is written) with ENAMETOOLONG.
 *
 * @example
 * fitName('a'.repeat(300) + '.x12'); // 'aaa...a~1b2c3d4e.x12', 255 bytes
 */
export function fitName(name: string, maxBytes = MAX_NAME_BYTES): string {
  if (Buffer.byteLength(name) <= maxBytes) return name;
  const digest = createHash('sha256').update(name).digest('hex').slice(0, 8);
  const dot = name.lastIndexOf('.');
  const extension =
    dot > 0 && Buffer.byteLength(name.slice(dot)) <= MAX_EXTENSION_BYTES ? name.slice(dot) : '';
  const room = maxBytes - Buffer.byteLength(extension) - digest.length - 1;
  let stem = '';
  let bytes = 0;
  // By code point, so that a character of several bytes is never cut in two.
  for (const char of name.slice(0, name.length - extension.length)) {
    const size = Buffer.byteLength(char);
    if (bytes + size > room) break;
    stem += char;
    bytes += size;
  }
  return `${stem}~${digest}${extension}`;
}
