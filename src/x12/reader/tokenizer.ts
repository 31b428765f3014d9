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
    this.buffer = this.buffer.length ? this.buffer + text : text;
    if (this.nextLineFeed === NONE) this.nextLineFeed = UNKNOWN;
    this.drain(false);
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
      const d = this.delimiters;
      const end = buf.indexOf(d.segment, pos);
      if (end === -1) {
        if (final) {
          if (buf.slice(pos).trim()) this.emit(buf, pos, buf.length);
          pos = buf.length;
        }
        break;
      }
      const next = this.emit(buf, pos, end);
      pos = next === undefined ? end + d.segment.length : next;
    }
    this.base += pos;
    this.buffer = buf.slice(pos);
    if (this.buffer.length > MAX_PENDING && this.delimiters) {
      this.aborted = true;
      this.sink.garbage(
        `no segment terminator '${printable(this.delimiters.segment)}' in the last ${MAX_PENDING} characters: the file is not X12 as its ISA declares, or a terminator is wrong`,
        this.location(0),
        false,
      );
    }
  }

  /** Emits one segment from buf[start, end). Returns where to go on when it is not `end + 1`. */
  private emit(buf: string, start: number, end: number): number | undefined {
    let s = start;
    // Skip white space (CR/LF after terminators, tab indentation, NBSP) before the segment id.
    for (let c = buf.charCodeAt(s); s < end && (c <= 32 || c === 0xa0 || c === 0xfeff); c = buf.charCodeAt(++s));
    if (s === end) return undefined;
    const location = this.location(s);
    if (buf.charCodeAt(s) === 73 && buf.startsWith('ISA', s) && buf[s + 3] === this.delimiters?.element) {
      // A new ISA while an interchange is open (its IEA is missing): re-read the delimiters.
      this.delimiters = undefined;
      return s;
    }
    let raw = buf.slice(s, end);
    if (this.dropLineBreaks) {
      if (raw.includes('\n') || raw.includes('\r')) raw = raw.replace(/[\r\n]/g, '');
    } else if (raw.charCodeAt(raw.length - 1) === 13) {
      raw = raw.slice(0, -1);
    }
    const d = this.delimiters as Delimiters;
    const elements = raw.split(d.element);
    const id = elements.shift() as string;
    const segment = new Segment(id.trimEnd(), elements, d, location);
    this.sink.segment(segment);
    if (id === 'IEA') {
      this.delimiters = undefined;
      this.dropLineBreaks = false;
    }
    return undefined;
  }

  /** Looks for an ISA at `pos`; returns where reading goes on, or -1 to wait for more text. */
  private startInterchange(buf: string, pos: number, final: boolean): number {
    let s = pos;
    for (let c = buf.charCodeAt(s); s < buf.length && (c <= 32 || c === 0xa0 || c === 0xfeff); c = buf.charCodeAt(++s));
    if (s >= buf.length) return final ? buf.length : -1;
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
    this.dropLineBreaks = scan.wrapped || (scan.delimiters.segment !== '\n' && scan.delimiters.segment !== '\r');
    this.sink.isa(scan, new Segment('ISA', scan.elements, scan.delimiters, location));
    return scan.end;
  }

  /** Location of buffer index `i`. Line feeds are counted once each, as reading passes them. */
  private location(i: number): SegmentLocation {
    const offset = this.base + i;
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
    this.segmentIndex++;
    return { index: this.segmentIndex, line: this.line, column: offset - this.lineStart + 1, offset };
  }
}

function findNextIsa(buf: string, from: number): number {
  for (let i = buf.indexOf('ISA', from); i !== -1; i = buf.indexOf('ISA', i + 1)) {
    const before = i === 0 ? LINE_FEED : buf.charCodeAt(i - 1);
    const sep = buf[i + 3];
    if (!/[A-Za-z0-9]/.test(String.fromCharCode(before)) && sep !== undefined && !/[A-Za-z0-9\s]/.test(sep)) return i;
  }
  return -1;
}
