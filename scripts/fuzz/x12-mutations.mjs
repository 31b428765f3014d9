// Random damage to real X12 files, as fast-check arbitraries: the property tests in test/unit/fuzz
// and the long run (scripts/fuzz.mjs) draw their inputs from here. Pure: no project code, so the
// tests use it against src/ and the long run against dist/.
import { TextDecoder, TextEncoder } from 'node:util';
import fc from 'fast-check';

const encoder = new TextEncoder();

/** Characters partners' files break on: separators, control bytes, NUL, BOM, NBSP, non-ASCII. */
const NASTY = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\t',
  '\n',
  '\r',
  '\u001b',
  '\u001c',
  '\u001d',
  '\u001e',
  '\u001f',
  '\u007f',
];
const NON_ASCII = ['\u00a0', '\ufeff', 'é', '€', '…', '\u2028', '𝄞', '\ufffd'];
const PUNCTUATION = [
  '*',
  '~',
  '>',
  '^',
  '|',
  ':',
  '!',
  '\\',
  '+',
  "'",
  '`',
  '{',
  '}',
  ' ',
  'U',
  '0',
  '9',
  'A',
];
/** Byte sequences that are not UTF-8: a lone continuation byte, a cut sequence, 0xFF. */
const BAD_UTF8 = [[0x80], [0xc3], [0xe2, 0x82], [0xff], [0xfe, 0xff], [0xed, 0xa0, 0x80]];

/** A character of the sample's own separators, or one of the characters above. */
const character = (sample) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...separatorsOf(sample)) },
    { weight: 2, arbitrary: fc.constantFrom(...NASTY) },
    { weight: 1, arbitrary: fc.constantFrom(...NON_ASCII) },
    { weight: 1, arbitrary: fc.constantFrom(...PUNCTUATION) },
  );

/** Short text made of separators, control bytes and ordinary characters. */
const nastyText = (sample, maxLength = 8) =>
  fc
    .array(fc.oneof(character(sample), fc.constantFrom('A', 'Z', '0', '1', ' ')), { maxLength })
    .map((cs) => cs.join(''));

function separatorsOf(sample) {
  const d = sample.delimiters;
  return [d.element, d.component, d.segment, ...(d.repetition === undefined ? [] : [d.repetition])];
}

/** One change to a file: bytes, segments, the ISA or one element. */
function mutation(sample) {
  const at = fc.nat({ max: 1_000_000 });
  return fc.oneof(
    fc.record({ kind: fc.constant('flip'), at, bit: fc.nat({ max: 7 }) }),
    fc.record({ kind: fc.constant('insert'), at, text: nastyText(sample, 4) }),
    fc.record({ kind: fc.constant('insert-bytes'), at, bytes: fc.constantFrom(...BAD_UTF8) }),
    fc.record({ kind: fc.constant('delete'), at, length: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ kind: fc.constant('truncate'), at }),
    fc.record({ kind: fc.constant('duplicate-segment'), at, times: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ kind: fc.constant('drop-segment'), at }),
    fc.record({ kind: fc.constant('swap-segments'), at, other: at }),
    fc.record({
      kind: fc.constant('isa-delimiter'),
      which: fc.constantFrom('element', 'component', 'segment', 'repetition'),
      to: character(sample),
      everywhere: fc.boolean(),
    }),
    fc.record({
      kind: fc.constant('isa-field'),
      position: fc.integer({ min: 1, max: 16 }),
      value: nastyText(sample, 18),
    }),
    fc.record({
      kind: fc.constant('element'),
      at,
      position: fc.integer({ min: 1, max: 12 }),
      value: nastyText(sample, 12),
    }),
    fc.record({
      kind: fc.constant('long-element'),
      at,
      position: fc.integer({ min: 1, max: 6 }),
      length: fc.oneof(fc.integer({ min: 100, max: 2_000 }), fc.integer({ min: 2_000, max: 70_000 })),
      fill: fc.constantFrom('A', '9', ' ', '\u00e9'),
    }),
  );
}

/**
 * A sample (`{ name, text, delimiters }`, the delimiters as the project's reader found them) with
 * one to four mutations applied, as UTF-8 bytes. `name` and `mutations` say how it was made.
 *
 * @example
 * fc.assert(fc.property(mutatedX12(samples), ({ bytes }) => { translateX12(bytes); }));
 */
export function mutatedX12(samples) {
  return fc
    .constantFrom(...samples)
    .chain((sample) =>
      fc.record({
        sample: fc.constant(sample),
        mutations: fc.array(mutation(sample), { minLength: 1, maxLength: 4 }),
      }),
    )
    .map(({ sample, mutations }) => ({
      name: sample.name,
      mutations,
      bytes: applyMutations(sample, mutations),
      // A counterexample is shown as how it was made, not as thousands of byte values.
      [fc.toStringMethod]: () => JSON.stringify({ name: sample.name, mutations }),
    }));
}

/** The sample's text with `mutations` applied in order, as bytes. */
export function applyMutations(sample, mutations) {
  let text = sample.text;
  let bytes;
  for (const m of mutations) {
    if (m.kind === 'flip' || m.kind === 'insert-bytes') {
      const current = bytes ?? encoder.encode(text);
      bytes = m.kind === 'flip' ? flip(current, m) : insertBytes(current, m);
      text = undefined;
      continue;
    }
    if (text === undefined) text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    bytes = undefined;
    text = applyTextMutation(text, sample.delimiters, m);
  }
  return bytes ?? encoder.encode(text);
}

function flip(bytes, { at, bit }) {
  if (bytes.length === 0) return bytes;
  const copy = bytes.slice();
  const i = at % copy.length;
  copy[i] = (copy[i] ?? 0) ^ (1 << bit);
  return copy;
}

function insertBytes(bytes, { at, bytes: inserted }) {
  const i = at % (bytes.length + 1);
  const out = new Uint8Array(bytes.length + inserted.length);
  out.set(bytes.subarray(0, i));
  out.set(inserted, i);
  out.set(bytes.subarray(i), i + inserted.length);
  return out;
}

function applyTextMutation(text, delimiters, m) {
  const at = (n) => m.at % (n + 1);
  switch (m.kind) {
    case 'insert': {
      const i = at(text.length);
      return text.slice(0, i) + m.text + text.slice(i);
    }
    case 'delete': {
      const i = at(text.length);
      return text.slice(0, i) + text.slice(i + m.length);
    }
    case 'truncate':
      return text.slice(0, at(text.length));
    case 'duplicate-segment':
    case 'drop-segment':
    case 'swap-segments':
      return segmentEdit(text, delimiters.segment, m);
    case 'isa-delimiter':
      return changeDelimiter(text, delimiters, m);
    case 'isa-field':
      return changeIsaField(text, delimiters, m.position, m.value);
    case 'element':
      return changeElement(text, delimiters, m, m.value);
    case 'long-element':
      return changeElement(text, delimiters, m, m.fill.repeat(m.length));
    default:
      throw new Error(`unknown mutation ${m.kind}`);
  }
}

/** Segments as the terminator splits them; each keeps its terminator, the last may lack one. */
function splitSegments(text, terminator) {
  const parts = text.split(terminator);
  return parts.map((p, i) => (i < parts.length - 1 ? p + terminator : p)).filter((p) => p !== '');
}

function segmentEdit(text, terminator, m) {
  const segments = splitSegments(text, terminator);
  if (segments.length === 0) return text;
  const i = m.at % segments.length;
  const segment = segments[i];
  if (m.kind === 'drop-segment') segments.splice(i, 1);
  else if (m.kind === 'duplicate-segment') segments.splice(i, 0, ...Array(m.times).fill(segment));
  else {
    const j = m.other % segments.length;
    segments[i] = segments[j];
    segments[j] = segment;
  }
  return segments.join('');
}

/** Where the first ISA's elements are: the separator positions, counted as the reader counts them. */
function isaSeparators(text, element) {
  const start = text.indexOf('ISA');
  if (start === -1) return undefined;
  const positions = [];
  for (let i = start + 3; i < text.length && positions.length < 16; i++) {
    if (text[i] === element) positions.push(i);
  }
  return positions.length === 16 ? { start, positions } : undefined;
}

function changeDelimiter(text, delimiters, m) {
  const from = delimiters[m.which];
  if (from === undefined || from === m.to) return text;
  const isa = isaSeparators(text, delimiters.element);
  if (!isa) return text;
  const last = isa.positions[15];
  const place =
    m.which === 'element'
      ? isa.start + 3
      : m.which === 'component'
        ? last + 1
        : m.which === 'segment'
          ? last + 2
          : isa.positions[10] + 1;
  if (m.everywhere) return text.split(from).join(m.to);
  return text.slice(0, place) + m.to + text.slice(place + 1);
}

function changeIsaField(text, delimiters, position, value) {
  const isa = isaSeparators(text, delimiters.element);
  if (!isa) return text;
  const begin = isa.positions[position - 1] + 1;
  const end = position < 16 ? isa.positions[position] : begin + 1;
  return text.slice(0, begin) + value + text.slice(end);
}

function changeElement(text, delimiters, m, value) {
  const segments = splitSegments(text, delimiters.segment);
  if (segments.length === 0) return text;
  const i = m.at % segments.length;
  const segment = segments[i];
  const body = segment.endsWith(delimiters.segment) ? segment.slice(0, -delimiters.segment.length) : segment;
  const elements = body.split(delimiters.element);
  while (elements.length <= m.position) elements.push('');
  elements[m.position] = value;
  segments[i] = elements.join(delimiters.element) + (body === segment ? '' : delimiters.segment);
  return segments.join('');
}

/** How a file is cut into chunks for the streaming reader: sizes in bytes, repeated. */
export const chunking = fc.oneof(
  fc.constant([65_536]),
  fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 5 }),
);

/** The bytes cut as `sizes` says, the last size repeated to the end. */
export function chunksOf(bytes, sizes) {
  const chunks = [];
  for (let i = 0, k = 0; i < bytes.length; k++) {
    const size = sizes[Math.min(k, sizes.length - 1)] ?? bytes.length;
    chunks.push(bytes.subarray(i, i + size));
    i += size;
  }
  return chunks;
}
