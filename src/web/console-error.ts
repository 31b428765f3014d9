import { GatewayError } from '../errors/index.js';

export type ConsoleErrorCode = 'console-assets-missing';

/**
 * What can stop the console from being served. Built through the named factories, whose messages
 * say how to fix the problem.
 */
export class ConsoleError extends GatewayError<ConsoleErrorCode> {
  override readonly name = 'ConsoleError';

  private constructor(code: ConsoleErrorCode, message: string) {
    super(code, message, { permanent: true, status: 500 });
  }

  /** The folder of pages and scripts is not where the running code expects it. */
  static assetsMissing(publicDir: string): ConsoleError {
    return new ConsoleError(
      'console-assets-missing',
      `the console's files are not in ${publicDir}: run "npm run build", which copies src/web/public to dist/web/public`,
    );
  }
}
