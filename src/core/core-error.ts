import { GatewayError } from '../errors/index.js';

export type CoreErrorCode = 'resolution-invalid' | 'order-not-acknowledgeable' | 'allocation-invalid';

/**
 * Errors of the order-processing core. All are permanent: the same order, findings and input
 * would fail the same way on a retry. Each factory's message says what to do about it.
 */
export class CoreError extends GatewayError<CoreErrorCode> {
  override readonly name: string = 'CoreError';

  private constructor(code: CoreErrorCode, message: string) {
    super(code, message, { permanent: true, status: code === 'resolution-invalid' ? 422 : 409 });
  }

  static resolutionInvalid(resolutionId: string, reason: string): CoreError {
    return new CoreError('resolution-invalid', `Cannot apply "${resolutionId}": ${reason}`);
  }

  static openHolds(poNumber: string, count: number): CoreError {
    return new CoreError(
      'order-not-acknowledgeable',
      `PO ${poNumber} still has ${count} open hold(s); resolve them before acknowledging the order.`,
    );
  }

  static cancellationNotAcknowledged(poNumber: string): CoreError {
    return new CoreError(
      'order-not-acknowledgeable',
      `PO ${poNumber} is a cancellation; it cancels the stored order and is not answered with an 855.`,
    );
  }

  static allocationMismatch(lineNumber: string, expected: string, actual: string): CoreError {
    return new CoreError(
      'allocation-invalid',
      `Line ${lineNumber}: allocated plus backordered is ${actual} but the line needs ${expected}; rerun allocation for the current quantity.`,
    );
  }

  static allocationMissing(lineNumber: string): CoreError {
    return new CoreError(
      'allocation-invalid',
      `Line ${lineNumber} has no allocation; allocate every line that is not cancelled before acknowledging.`,
    );
  }
}
