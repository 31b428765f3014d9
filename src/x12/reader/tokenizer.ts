import type { Delimiters } from '../delimiters.js';
import type { InterchangeNoteCode } from '../codes.js';
import { Segment, type SegmentLocation } from '../segment.js';
import { NEED_MORE, printable, scanIsa, type IsaScan } from './isa-header.js';

/** What the tokenizer hands on, in file order. */
export interface TokenSink {
  /** An ISA was read; its delimiters apply until the next ISA. */
  isa(scan: IsaScan, segment: Segment): void;
  /** The ISA could not be read; the text up to the next ISA after an IEA is skipped. */
  badIsa(code: InterchangeNoteCode, message: string, location: SegmentLocation, elements?: string[]): void;
  segment(segment: Segment): void;
  /** Text outside any interchange that is not white space. */
  garbage(text: string, location: SegmentLocation, atFileStart: boolean): void;
}

/** A segment longer than this without a terminator means the terminator is not what the ISA said. */
const MAX_PENDING = 1 << 20;
const LINE_FEED = 10;
const UNKNOWN = -2;
const RESTART = Symbol('restart');
const LINE_BREAKS = /[\r\n]/g;
const NONE = -1;

/**
 * Splits decoded X12 text into segments, chunk by chunk, holding at most one unfinished segment.
 * Delimiters come from each ISA, so several interchanges with different delimiters can follow
 * each other. CR/LF after terminators, leading white space (tab-indented files) and a BOM are
 * tolerated; in a file whose terminator is not a line break, line breaks are dropped everywhere
 * (files hard-wrapped at 80 columns).
 */
export class Tokenizer {
  private buffer = '';
  /** Offset in the whole decoded text of `buffer[0]`. */
  private base = 0;
  private delimiters: Delimiters | undefined;
  private dropLineBreaks = false;
  /** The line break that follows every terminator in this interchange, if any (`\n`, `\r\n`). */
  private lineEnd = '';
  /** Where the next part starts if it follows a clean one on the next line (see emitPart). */
  private nextLineStart = NONE;
  private segmentIndex = 0;
  private line = 1;
  /** Offset of the character after the last line feed seen (for columns). */
  private lineStart = 0;
  /** Offset up to which line feeds have been counted. */
  private counted = 0;
  /** Offset of the next line feed not counted yet, NONE if the buffer has none, UNKNOWN if not looked for. */
  private nextLineFeed = UNKNOWN;
  private seenInterchange = false;
  private skipping = false;
  private aborted = false;

  constructor(private readonly sink: TokenSink) {}

  push(text: string): void {
    if (this.aborted) return;
    // An unfinished segment that this text does not finish leaves nothing to split: splitting it
    // again for every chunk made a stream of small chunks quadratic in the segment's length (a
    // 70,000-character element fed a byte at a time took 1.5 s).
    const unfinished =
      this.buffer.length > 0 && this.delimiters !== undefined && !text.includes(this.delimiters.segment);
    this.buffer = this.buffer.length ? this.buffer + text : text;
    if (this.nextLineFeed === NONE) this.nextLineFeed = UNKNOWN;
    if (unfinished) this.checkPending();
    else this.drain(false);
  }

  end(): void {
    if (this.aborted) return;
    this.drain(true);
  }

  private drain(final: boolean): void {
    let pos = 0;
    const buf = this.buffer;
    while (pos < buf.length) {
      if (this.skipping) {
        const next = findNextIsa(buf, pos);
        if (next === -1) {
          pos = final ? buf.length : Math.max(pos, buf.length - 3);
          break;
        }
        this.skipping = false;
        pos = next;
      }
      if (!this.delimiters) {
        const next = this.startInterchange(buf, pos, final);
        if (next === -1) break;
        pos = next;
        continue;
      }
      const lineEnd = this.lineEnd;
      const next = this.segments(buf, pos, final);
      // No progress and nothing changed: the rest is an unfinished segment; wait for more text.
      if (next === pos && this.delimiters !== undefined && this.lineEnd === lineEnd) break;
      pos = next;
    }
    this.base += pos;
    this.buffer = buf.slice(pos);
    this.checkPending();
  }

  /** Gives up on a file whose segments never end: the terminator is not what its ISA says. */
  private checkPending(): void {
    if (this.buffer.length > MAX_PENDING && this.delimiters) {
      this.aborted = true;
      this.sink.garbage(
        `no segment terminator '${printable(this.delimiters.segment)}' in the last ${MAX_PENDING} characters: the file is not X12 as its ISA declares, or a terminator is wrong`,
        this.location(0),
        false,
      );
    }
  }

  /**
   * Emits the complete segments of buf from `pos` while the delimiters stay the same; returns where
   * it stopped. Splitting the whole rest of the buffer at once is what makes reading as fast as a
   * plain split: a segment-by-segment indexOf/slice loop measured 0.38x of it on 10 MB.
   */
  private segments(buf: string, pos: number, final: boolean): number {
    const d = this.delimiters as Delimiters;
    // Most files put a line break after every terminator: splitting on both keeps the parts clean.
    const splitter = d.segment + this.lineEnd;
    const step = splitter.length;
    const parts = (pos === 0 ? buf : buf.slice(pos)).split(splitter);
    const complete = final ? parts.length : parts.length - 1;
    let offset = pos;
    for (let k = 0; k < complete; k++) {
      const part = parts[k] as string;
      if (this.emitPart(part, offset) === RESTART) return offset;
      offset += part.length + step;
      if (this.delimiters === undefined) {
        // After an IEA: the next interchange usually has the same delimiters, so the split parts
        // can still be used; otherwise the rest of the buffer is split again.
        const next = this.startInterchange(buf, offset, final);
        if (next === -1) return offset;
        const isaPart = parts[k + 1];
        const same =
          this.delimiters !== undefined &&
          sameDelimiters(this.delimiters, d) &&
          d.segment + this.lineEnd === splitter;
        if (!same || isaPart === undefined || next !== offset + isaPart.length + step)
          return Math.min(next, buf.length);
        this.delimiters = d;
        offset = next;
        k++;
      }
    }
    return Math.min(offset, buf.length);
  }

  /**
   * Emits one split part. In a file with a line break after every terminator, a part that starts
   * with a segment id and holds no break is the common case and takes the short road: its line is
   * the previous one plus one. A part that still holds a terminator means the file is not
   * consistent about line breaks: reading goes on from it, splitting on the terminator alone.
   */
  private emitPart(part: string, at: number): typeof RESTART | undefined {
    if (this.lineEnd === '') return this.emit(part, at);
    const d = this.delimiters as Delimiters;
    const first = part.charCodeAt(0);
    if (
      first <= 32 ||
      first === 0xa0 ||
      first === 0xfeff ||
      part.includes('\n') ||
      part.includes('\r') ||
      part.includes(d.segment)
    ) {
      this.nextLineStart = NONE;
      if (!part.includes(d.segment)) return this.emit(part, at);
      this.lineEnd = '';
      return RESTART;
    }
    const offset = this.base + at;
    let location: SegmentLocation;
    if (offset === this.nextLineStart) {
      this.line++;
      this.lineStart = this.counted = offset;
      this.nextLineFeed = UNKNOWN;
      location = { index: ++this.segmentIndex, line: this.line, column: 1, offset };
    } else location = this.location(at);
    this.nextLineStart = offset + part.length + d.segment.length + this.lineEnd.length;
    if (part.charCodeAt(0) === 73 && part.startsWith('ISA') && part[3] === d.element) {
      this.delimiters = undefined;
      return RESTART;
    }
    this.split(part, location, d);
    return undefined;
  }

  /** Emits one segment whose text (without terminator) starts at buffer index `at`. */
  private emit(part: string, at: number): typeof RESTART | undefined {
    let s = 0;
    const end = part.length;
    // Skip white space (CR/LF after terminators, tab indentation, NBSP) before the segment id.
    for (let c = part.charCodeAt(0); s < end && isBlank(c); c = part.charCodeAt(++s));
    if (s === end) return undefined;
    const d = this.delimiters as Delimiters;
    if (part.charCodeAt(s) === 73 && part.startsWith('ISA', s) && part[s + 3] === d.element) {
      // A new ISA while an interchange is open (its IEA is missing): re-read the delimiters there.
      this.delimiters = undefined;
      return RESTART;
    }
    const location = this.location(at + s);
    let raw = s === 0 ? part : part.slice(s);
    if (this.dropLineBreaks) {
      if (raw.includes('\n') || raw.includes('\r')) raw = raw.replace(LINE_BREAKS, '');
    } else if (raw.charCodeAt(raw.length - 1) === 13) {
      raw = raw.slice(0, -1);
    }
    this.split(raw, location, d);
    return undefined;
  }

  private split(raw: string, location: SegmentLocation, d: Delimiters): void {
    const cut = raw.indexOf(d.element);
    const id = cut === -1 ? raw : raw.slice(0, cut);
    const segment = new Segment(
      id.length > 3 ? id.trimEnd() : id,
      cut === -1 ? [] : raw.slice(cut + d.element.length),
      d,
      location,
    );
    this.sink.segment(segment);
    if (id === 'IEA') {
      this.delimiters = undefined;
      this.dropLineBreaks = false;
      this.lineEnd = '';
      this.nextLineStart = NONE;
    }
  }

  /** Looks for an ISA at `pos`; returns where reading goes on, or -1 to wait for more text. */
  private startInterchange(buf: string, pos: number, final: boolean): number {
    let s = pos;
    for (let c = buf.charCodeAt(s); s < buf.length && isBlank(c); c = buf.charCodeAt(++s));
    if (s >= buf.length) {
      // Blanks are passed over, not kept until more text comes: kept, a long run of them arriving
      // in small chunks was copied again for every chunk (56 KB of spaces in 6-byte chunks: 4 s).
      this.countLines(this.base + buf.length);
      return buf.length;
    }
    if (buf.length - s < 3 && !final) return -1;
    if (!buf.startsWith('ISA', s)) {
      const next = findNextIsa(buf, s + 1);
      if (next === -1 && !final && buf.length - s < 4096) return -1;
      const stop = next === -1 ? buf.length : next;
      this.sink.garbage(buf.slice(s, Math.min(stop, s + 200)), this.location(s), !this.seenInterchange);
      return stop;
    }
    const scan = scanIsa(buf, s, final);
    if (scan === NEED_MORE) return -1;
    this.seenInterchange = true;
    const location = this.location(s);
    if (!('delimiters' in scan)) {
      this.sink.badIsa(scan.code, scan.message, location, scan.elements);
      this.skipping = true;
      const iea = buf.indexOf('IEA', s + 3);
      return iea === -1 ? buf.length : iea + 3;
    }
    this.delimiters = scan.delimiters;
    this.dropLineBreaks =
      scan.wrapped || (scan.delimiters.segment !== '\n' && scan.delimiters.segment !== '\r');
    this.sink.isa(scan, new Segment('ISA', scan.elements, scan.delimiters, location));
    this.lineEnd = lineEndAfter(buf, scan.end, scan.delimiters.segment);
    return scan.end + this.lineEnd.length;
  }

  /** Location of buffer index `i`. Line feeds are counted once each, as reading passes them. */
  private location(i: number): SegmentLocation {
    const offset = this.base + i;
    this.countLines(offset);
    this.segmentIndex++;
    return { index: this.segmentIndex, line: this.line, column: offset - this.lineStart + 1, offset };
  }

  /** Counts the line feeds before `offset` (in the whole text) that are not counted yet. */
  private countLines(offset: number): void {
    for (;;) {
      if (this.nextLineFeed === UNKNOWN) {
        const k = this.buffer.indexOf('\n', Math.max(0, this.counted - this.base));
        this.nextLineFeed = k === -1 ? NONE : this.base + k;
      }
      if (this.nextLineFeed === NONE || this.nextLineFeed >= offset) break;
      this.line++;
      this.lineStart = this.counted = this.nextLineFeed + 1;
      this.nextLineFeed = UNKNOWN;
    }
  }
}

function findNextIsa(buf: string, from: number): number {
  for (let i = buf.indexOf('ISA', from); i !== -1; i = buf.indexOf('ISA', i + 1)) {
    const before = i === 0 ? LINE_FEED : buf.charCodeAt(i - 1);
    const sep = buf[i + 3];
    if (!/[A-Za-z0-9]/.test(String.fromCharCode(before)) && sep !== undefined && !/[A-Za-z0-9\s]/.test(sep))
      return i;
  }
  return -1;
}

function sameDelimiters(a: Delimiters, b: Delimiters): boolean {
  return (
    a.element === b.element &&
    a.segment === b.segment &&
    a.component === b.component &&
    a.repetition === b.repetition
  );
}

/** The line break right after the ISA's terminator, which partners then put after every segment. */
function lineEndAfter(buf: string, at: number, terminator: string): string {
  if (terminator === '\n' || terminator === '\r') return '';
  if (buf.startsWith('\r\n', at)) return '\r\n';
  return buf[at] === '\n' ? '\n' : '';
}

/** White space partners put between segments: spaces, tabs, line breaks, NBSP and a BOM. */
function isBlank(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xfeff;
}
