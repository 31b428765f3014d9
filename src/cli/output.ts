import { formatDiagnostic, type Diagnostic } from '../x12/index.js';

/** Where the CLI writes; tests pass their own. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

export const processOutput: CliOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** One line per diagnostic on stderr, errors and warnings alike, each naming the file. */
export function printDiagnostics(output: CliOutput, file: string, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) output.err(`${formatDiagnostic(d, file)}\n`);
}
