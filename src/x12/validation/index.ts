import { GroupError, TransactionSetError } from '../codes.js';
import type { Diagnostic } from '../diagnostic.js';
import type { TransactionSet } from '../envelope.js';
import type { LoopInstance } from '../loops.js';
import { resolveSpecVersion, transactionSetSpec, versionSpecs } from '../specs/index.js';
import { compileSet } from './compiled-spec.js';
import { segmentDefinition } from './compiled-segment.js';
import { checkElements } from './elements.js';
import { StructureWalker } from './structure.js';

export { isValidDate, isValidTime, toIsoDate } from './date-time.js';
export { checkSyntaxNotes } from './syntax-notes.js';

export interface SetValidation {
  diagnostics: Diagnostic[];
  /** The loop tree, `undefined` when the set or its version is not supported. */
  tree: LoopInstance | undefined;
}

/**
 * Validates one transaction set against the spec of its group's version: structure (order, loops,
 * maximum use, mandatory segments) and every element (requirement, length, type, codes, syntax
 * notes). Problems are returned as diagnostics with their 997/999 codes; nothing throws.
 *
 * @example
 * const { diagnostics, tree } = validateTransactionSet(set);
 */
export function validateTransactionSet(set: TransactionSet): SetValidation {
  const st = set.segments[0];
  const resolved = resolveSpecVersion(set.group.version);
  if (!resolved) {
    noteGroupVersion(set);
    return {
      diagnostics: [
        notSupported(
          set,
          `version ${set.group.version || '(empty GS08)'} is not supported: this gateway validates 004010 and 005010 (and their later releases)`,
        ),
      ],
      tree: undefined,
    };
  }
  const spec = transactionSetSpec(resolved.version, set.id);
  if (!spec) {
    return {
      diagnostics: [
        notSupported(set, `transaction set ${set.id} is not supported (version ${resolved.version})`),
      ],
      tree: undefined,
    };
  }
  const specs = versionSpecs(resolved.version);
  const compiled = compileSet(spec, specs.segments);
  const walker = new StructureWalker(compiled);
  const diagnostics: Diagnostic[] = [];
  if (!resolved.exact && st) {
    diagnostics.push({
      level: 'transaction',
      severity: 'warning',
      code: TransactionSetError.notSupported,
      message: `GS08 ${set.group.version}: validated against the ${resolved.version} rules, the nearest version supported`,
      segmentId: 'ST',
      segmentPosition: 1,
      line: st.location.line,
    });
  }
  const segments = set.segments;
  let last = segments[0];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as (typeof segments)[number];
    last = segment;
    const node = walker.place(segment, i + 1);
    if (!node) continue;
    if (node.definition === undefined) node.definition = segmentDefinition(segment.id, specs) ?? null;
    if (node.definition) checkElements(segment, i + 1, walker.loopId, node.definition, diagnostics);
  }
  walker.finish(segments.length, last);
  diagnostics.push(...walker.diagnostics);
  return { diagnostics, tree: walker.root };
}

function notSupported(set: TransactionSet, message: string): Diagnostic {
  const st = set.segments[0];
  return {
    level: 'transaction',
    severity: 'error',
    code: TransactionSetError.notSupported,
    message,
    segmentId: 'ST',
    segmentPosition: 1,
    elementPosition: 1,
    ...(st
      ? { line: st.location.line, column: st.location.column, fileSegmentIndex: st.location.index }
      : {}),
  };
}

function noteGroupVersion(set: TransactionSet): void {
  const group = set.group;
  if (group.diagnostics.some((d) => d.level === 'group' && d.code === GroupError.versionNotSupported)) return;
  group.diagnostics.push({
    level: 'group',
    severity: 'error',
    code: GroupError.versionNotSupported,
    message: `functional group version ${group.version || '(empty)'} is not supported: this gateway validates 004010 and 005010 (and their later releases)`,
    segmentId: 'GS',
    elementPosition: 8,
    line: group.header.location.line,
  });
}
