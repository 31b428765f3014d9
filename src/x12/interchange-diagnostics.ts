import type { Diagnostic } from './diagnostic.js';
import type { Interchange } from './envelope.js';

/** Every problem noted in one interchange: its own, then each group's and its sets'. */
export function interchangeDiagnostics(interchange: Interchange): Diagnostic[] {
  const all: Diagnostic[] = [...interchange.diagnostics];
  for (const group of interchange.groups) {
    all.push(...group.diagnostics);
    for (const set of group.transactionSets) all.push(...set.diagnostics);
  }
  return all;
}

/** Sorts diagnostics in place by their segment's place in the file, those that name none first. */
export function inFileOrder(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => (a.fileSegmentIndex ?? 0) - (b.fileSegmentIndex ?? 0));
}
