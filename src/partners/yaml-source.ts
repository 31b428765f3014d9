import { LineCounter, isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';
import { pointerKeys } from './problem.js';

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A parsed YAML file that can say where a JSON pointer's value was written. */
export interface YamlSource {
  readonly value: unknown;
  /** Where the field at `pointer` is, or its nearest parent that exists. */
  locate(pointer: string): Position | undefined;
  /** The scalar at `pointer` as written, before YAML turned it into a number or boolean. */
  text(pointer: string): string | undefined;
}

export type YamlParse =
  | { readonly ok: true; readonly source: YamlSource }
  | { readonly ok: false; readonly errors: readonly (Position & { readonly message: string })[] };

/** Parses one YAML document, keeping node positions for error messages. */
export function parseYaml(text: string): YamlParse {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((error) => {
        const at = error.linePos?.[0];
        // yaml appends the position and a code excerpt; the position is reported separately.
        const message = (error.message.split('\n')[0] ?? error.code).replace(
          / at line \d+, column \d+:?$/,
          '',
        );
        return { line: at?.line ?? 1, column: at?.col ?? 1, message };
      }),
    };
  }
  const position = (offset: number): Position => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (error) {
    // Aliases are resolved only here: one without its anchor, or too many of them (a "billion
    // laughs" file), is refused by yaml with a ReferenceError that names no place.
    const at = aliasOffset(doc);
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      errors: [{ ...(at === undefined ? { line: 1, column: 1 } : position(at)), message }],
    };
  }
  return {
    ok: true,
    source: {
      value,
      locate(pointer) {
        const found = walk(doc.contents, pointerKeys(pointer));
        return found.range ? position(found.range[0]) : undefined;
      },
      text(pointer) {
        const found = walk(doc.contents, pointerKeys(pointer));
        if (!found.complete || !isScalar(found.node) || !found.node.range) return undefined;
        return text.slice(found.node.range[0], found.node.range[1]);
      },
    },
  };
}

/** Where the first alias without an anchor before it is, else the first alias. */
function aliasOffset(doc: Document): number | undefined {
  let unresolved: number | undefined;
  let first: number | undefined;
  visit(doc, {
    Alias(_key, alias) {
      first ??= alias.range?.[0];
      if (unresolved === undefined && alias.resolve(doc) === undefined) unresolved = alias.range?.[0];
    },
  });
  return unresolved ?? first;
}

interface Walked {
  node: unknown;
  /** The range to point at: a map entry's key, a list item, or the deepest one found. */
  range: readonly [number, number, number] | undefined;
  complete: boolean;
}

function walk(root: unknown, keys: readonly string[]): Walked {
  let node = root;
  let range = (root as Node | null)?.range ?? undefined;
  for (const key of keys) {
    if (isMap(node)) {
      // Keys are compared as text: `855:` is a number to YAML but "855" in a pointer.
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
      if (!pair) return { node, range, complete: false };
      range = (isScalar(pair.key) ? pair.key.range : undefined) ?? range;
      node = pair.value;
    } else if (isSeq(node)) {
      const item: unknown = node.items[Number(key)];
      if (item === undefined) return { node, range, complete: false };
      range = (item as Node).range ?? range;
      node = item;
    } else {
      return { node, range, complete: false };
    }
  }
  return { node, range, complete: true };
}
