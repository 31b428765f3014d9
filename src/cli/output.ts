import { once } from 'node:events';
import { formatDiagnostic, type Diagnostic } from '../x12/diagnostic.js';

/** Where the CLI writes; tests pass their own. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
  /**
   * Resolves once stdout takes more text. Commands that stream a large output wait on it between
   * chunks, so that a slow reader of a pipe holds them back instead of the output piling up in
   * memory; an output that never fills up leaves it out.
   */
  drained?(): Promise<void>;
}

export const processOutput: CliOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  drained: async () => {
    if (process.stdout.writableNeedDrain) await once(process.stdout, 'drain');
  },
};

/** One line per diagnostic on stderr, errors and warnings alike, each naming the file. */
export function printDiagnostics(output: CliOutput, file: string, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) output.err(`${formatDiagnostic(d, file)}\n`);
}
