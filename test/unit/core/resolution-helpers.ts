import { expect } from 'vitest';
import { isGatewayError } from '../../../src/errors/index.js';

/** The message of the `resolution-invalid` error `fn` throws; fails the test if it throws anything else. */
export function invalidReason(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(isGatewayError(error) && error.code).toBe('resolution-invalid');
    return (error as Error).message;
  }
  throw new Error('expected a resolution-invalid error, nothing was thrown');
}
