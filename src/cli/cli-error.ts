/** A problem the CLI reports as one line on stderr, without a stack trace, and exits with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Exit code of wrong usage (a bad option value), as for an unknown command. */
export const USAGE = 2;
