// Random damage to partner files (partners/*.yaml), as fast-check arbitraries for the property
// tests in test/unit/fuzz and the long run (scripts/fuzz.mjs). Pure: no project code.
import fc from 'fast-check';

/** Characters that mean something to YAML, and bytes no editor should have left in a file. */
const YAML_SYNTAX = [
  ':',
  ': ',
  '-',
  '- ',
  '{',
  '}',
  '[',
  ']',
  ',',
  '&a',
  '*a',
  '!',
  '!!str ',
  '#',
  '|',
  '>',
  '?',
  '%',
  '@',
  '`',
  '"',
  "'",
  '~',
  '<<: *a',
];
const BYTES = [
  '\u0000',
  '\u0001',
  '\t',
  '\n',
  '\r',
  '\u001b',
  '\u007f',
  '\u00a0',
  '\ufeff',
  '\u2028',
  'é',
  '\ud800',
  '\ufffd',
];
/** Scalars of every YAML type, and values that are wrong for most fields. */
const SCALARS = [
  'null',
  '~',
  'true',
  'no',
  '0',
  '-1',
  '1e400',
  '0x1F',
  '.nan',
  '.inf',
  "''",
  '""',
  '[]',
  '{}',
  '004010',
  '00401',
  '850',
  'ZZ',
  '*',
  '|',
  '/etc/passwd',
  '{ env: "" }',
  '{ file: "" }',
  '{ env: X, file: y }',
  '2024-01-15',
  '12:30',
  '!!binary AAAA',
  '&x 1',
  '*x',
  '[1, [2, [3]]]',
];

const text = fc
  .array(
    fc.oneof(
      fc.constantFrom(...YAML_SYNTAX),
      fc.constantFrom(...BYTES),
      fc.constantFrom('a', 'Z', '1', ' ', '  '),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''));

function mutation() {
  const at = fc.nat({ max: 1_000_000 });
  return fc.oneof(
    fc.record({ kind: fc.constant('insert'), at, text }),
    fc.record({ kind: fc.constant('delete'), at, length: fc.integer({ min: 1, max: 30 }) }),
    fc.record({ kind: fc.constant('truncate'), at }),
    fc.record({ kind: fc.constant('drop-line'), at }),
    fc.record({ kind: fc.constant('duplicate-line'), at }),
    fc.record({ kind: fc.constant('swap-lines'), at, other: at }),
    fc.record({ kind: fc.constant('indent'), at, by: fc.integer({ min: -4, max: 4 }) }),
    fc.record({ kind: fc.constant('value'), at, value: fc.oneof(fc.constantFrom(...SCALARS), text) }),
    fc.record({ kind: fc.constant('long-value'), at, length: fc.integer({ min: 100, max: 40_000 }) }),
    fc.record({
      kind: fc.constant('nesting'),
      at,
      depth: fc.integer({ min: 10, max: 40_000 }),
      open: fc.constantFrom('[', '{', '- '),
    }),
  );
}

/**
 * A partner file (`{ name, text }`) with one to four mutations applied. `name` and `mutations`
 * say how it was made.
 *
 * @example
 * fc.assert(fc.property(mutatedYaml(partnerFiles), ({ text }) => { ... }));
 */
export function mutatedYaml(files) {
  return fc
    .record({
      file: fc.constantFrom(...files),
      mutations: fc.array(mutation(), { minLength: 1, maxLength: 4 }),
    })
    .map(({ file, mutations }) => ({
      name: file.name,
      mutations,
      text: mutations.reduce(applyMutation, file.text),
      [fc.toStringMethod]: () => JSON.stringify({ name: file.name, mutations }),
    }));
}

function applyMutation(source, m) {
  const at = (n) => m.at % (n + 1);
  const lines = source.split('\n');
  const line = m.at % Math.max(1, lines.length);
  switch (m.kind) {
    case 'insert': {
      const i = at(source.length);
      return source.slice(0, i) + m.text + source.slice(i);
    }
    case 'delete': {
      const i = at(source.length);
      return source.slice(0, i) + source.slice(i + m.length);
    }
    case 'truncate':
      return source.slice(0, at(source.length));
    case 'drop-line':
      lines.splice(line, 1);
      return lines.join('\n');
    case 'duplicate-line':
      lines.splice(line, 0, lines[line] ?? '');
      return lines.join('\n');
    case 'swap-lines': {
      const other = m.other % Math.max(1, lines.length);
      [lines[line], lines[other]] = [lines[other] ?? '', lines[line] ?? ''];
      return lines.join('\n');
    }
    case 'indent': {
      const current = lines[line] ?? '';
      lines[line] =
        m.by >= 0 ? ' '.repeat(m.by) + current : current.replace(new RegExp(`^ {0,${-m.by}}`), '');
      return lines.join('\n');
    }
    case 'value':
    case 'long-value': {
      // The value of a `key: value` line (or a list item) is replaced.
      const current = lines[line] ?? '';
      const value = m.kind === 'value' ? m.value : 'x'.repeat(m.length);
      const colon = current.indexOf(': ');
      const dash = current.indexOf('- ');
      const cut = colon !== -1 ? colon + 2 : dash !== -1 ? dash + 2 : current.length;
      lines[line] = current.slice(0, cut) + value;
      return lines.join('\n');
    }
    case 'nesting': {
      const i = at(source.length);
      // Indented list items grow as the square of the depth: 300 levels are already 45,000 spaces.
      const open =
        m.open === '- '
          ? Array.from({ length: Math.min(m.depth, 300) }, (_, k) => `\n${' '.repeat(k)}- `).join('')
          : m.open.repeat(m.depth);
      return source.slice(0, i) + open + source.slice(i);
    }
    default:
      throw new Error(`unknown mutation ${m.kind}`);
  }
}
