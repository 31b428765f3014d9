/** Where a NUL was first seen: line, column (1-based) and offset (0-based) in the input. */
export interface NulPosition {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

const LINE_FEED = 10;
const NUL = 0;

/**
 * Finds the first NUL of an input read chunk by chunk, so that the `binary` diagnostic says where
 * the binary data starts. Line feeds are counted only until then (one native `indexOf` per line);
 * offsets and columns count bytes for byte chunks and UTF-16 units for text chunks.
 */
export class FirstNul {
  private line = 1;
  private lineStart = 0;
  private seen = 0;
  found: NulPosition | undefined;

  scan(chunk: string | Uint8Array): void {
    if (this.found) return;
    const nul = typeof chunk === 'string' ? chunk.indexOf('\u0000') : chunk.indexOf(NUL);
    const end = nul === -1 ? chunk.length : nul;
    const next = (from: number) =>
      typeof chunk === 'string' ? chunk.indexOf('\n', from) : chunk.indexOf(LINE_FEED, from);
    for (let i = next(0); i !== -1 && i < end; i = next(i + 1)) {
      this.line++;
      this.lineStart = this.seen + i + 1;
    }
    if (nul !== -1) {
      const offset = this.seen + nul;
      this.found = { line: this.line, column: offset - this.lineStart + 1, offset };
    }
    this.seen += chunk.length;
  }
}
