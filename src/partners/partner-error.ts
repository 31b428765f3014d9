import { GatewayError } from '../errors/index.js';
import { formatProblem, type PartnerProblem } from './problem.js';

export type PartnerErrorCode = 'partner-invalid' | 'partner-unknown' | 'partner-secret-missing';

/**
 * What goes wrong with partner configs. All are permanent: a bad file or a missing variable stays
 * bad until a person fixes it, so retrying a job cannot help.
 */
export class PartnerError extends GatewayError<PartnerErrorCode> {
  override readonly name: string = 'PartnerError';

  private constructor(
    code: PartnerErrorCode,
    message: string,
    /** For `partner-invalid`: every problem found, in file and line order. */
    readonly problems: readonly PartnerProblem[] = [],
    cause?: unknown,
  ) {
    super(code, message, { permanent: true, status: code === 'partner-unknown' ? 404 : 500, cause });
  }

  /** One line per problem, each naming the file, the place inside it and what is wrong. */
  static invalid(problems: readonly PartnerProblem[]): PartnerError {
    return new PartnerError('partner-invalid', problems.map(formatProblem).join('\n'), problems);
  }

  static unknown(id: string, known: readonly string[]): PartnerError {
    const list = known.length > 0 ? `known partners: ${known.join(', ')}` : 'no partners are configured';
    return new PartnerError('partner-unknown', `there is no partner '${id}' (${list})`);
  }

  static variableMissing(where: string, variable: string): PartnerError {
    return new PartnerError(
      'partner-secret-missing',
      `${where} is read from the environment variable ${variable}, which is not set or is empty: set it where the gateway runs`,
    );
  }

  static fileUnreadable(where: string, path: string, cause: unknown): PartnerError {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return new PartnerError(
      'partner-secret-missing',
      `${where} is read from the file ${path}, which cannot be read: ${reason}`,
      [],
      cause,
    );
  }

  static fileEmpty(where: string, path: string): PartnerError {
    return new PartnerError(
      'partner-secret-missing',
      `${where} is read from the file ${path}, which is empty`,
    );
  }
}
