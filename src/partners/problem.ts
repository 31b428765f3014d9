/** One thing wrong inside a partner file, before it is tied to the file and a line. */
export interface Finding {
  /** JSON pointer into the file, such as `/transport/hostKey`; empty for the file as a whole. */
  readonly pointer: string;
  /** What is wrong and, where it helps, how to put it right. */
  readonly message: string;
}

/** One thing wrong with a partner config, as shown to the person who wrote it. */
export interface PartnerProblem extends Finding {
  /** The partner file, or `partner <id>` for a config that did not come from a file. */
  readonly source: string;
  /** 1-based position in the file, when known. */
  readonly line?: number;
  readonly column?: number;
}

/** `partners/acme.yaml:12:3: /transport/hostKey is required: ...`, the form editors link to. */
export function formatProblem(problem: PartnerProblem): string {
  const where =
    problem.line === undefined ? problem.source : `${problem.source}:${problem.line}:${problem.column ?? 1}`;
  return `${where}: ${problem.pointer ? `${problem.pointer} ` : ''}${problem.message}`;
}

/** Escapes one key for a JSON pointer (RFC 6901). */
export function pointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The keys of a JSON pointer. */
export function pointerKeys(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Whether `pointer` is `section` or inside it. */
export function isWithin(pointer: string, section: string): boolean {
  return pointer === section || pointer.startsWith(`${section}/`);
}

/**
 * Text in quotes for a message, with line breaks and other control characters escaped: a message
 * has one line per problem, and a newline separator must still be visible.
 */
export function quote(text: string): string {
  const cut = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  const escaped = [...cut]
    .map((c) => {
      const code = c.charCodeAt(0);
      if (code >= 0x20 && code !== 0x7f) return c;
      return named[c] ?? `\\u${code.toString(16).padStart(4, '0')}`;
    })
    .join('');
  return `'${escaped}'`;
}
