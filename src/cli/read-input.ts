import { readFile, stat } from 'node:fs/promises';
import { CliError } from './cli-error.js';

/** The whole file, or a CLI error naming it when it cannot be read. */
export async function readInputFile(path: string): Promise<Buffer> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new CliError(`${path}: is a directory, not a file`);
    return await readFile(path);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
          ? 'permission denied'
          : String((error as Error).message);
    throw new CliError(`${path}: cannot read: ${why}`);
  }
}

/** Whether a payload is JSON rather than X12 (marketplace orders arrive as JSON). */
export function looksLikeJson(bytes: Uint8Array): boolean {
  for (const b of bytes.subarray(0, 64)) {
    if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0xef || b === 0xbb || b === 0xbf)
      continue;
    return b === 0x7b || b === 0x5b;
  }
  return false;
}
