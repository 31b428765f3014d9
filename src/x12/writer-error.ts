import { GatewayError } from '../errors/index.js';

/** What went wrong while serializing an outbound interchange. */
export type X12WriteErrorCode =
  'delimiter-in-value' | 'invalid-value' | 'invalid-delimiters' | 'invalid-structure';

/** Where in the output a problem sits: segment id and, when known, element and component position. */
export interface X12WriteLocation {
  readonly segmentId: string;
  /** 1-based element position (ISA06 -> 6). */
  readonly elementPosition?: number;
  /** 1-based component position inside a composite element. */
  readonly componentPosition?: number;
}

/**
 * Raised by the X12 writer when the document it was given cannot be written as valid X12. The
 * input is wrong, so retrying cannot help (`permanent`). Built through the named factories so that
 * every message says where the problem is and how to fix it.
 */
export class X12WriteError extends GatewayError<X12WriteErrorCode> {
  override readonly name = 'X12WriteError';
  readonly segmentId: string | undefined;
  readonly elementPosition: number | undefined;
  readonly componentPosition: number | undefined;

  private constructor(code: X12WriteErrorCode, message: string, location?: X12WriteLocation) {
    super(code, message, { permanent: true, status: 422 });
    this.segmentId = location?.segmentId;
    this.elementPosition = location?.elementPosition;
    this.componentPosition = location?.componentPosition;
  }

  /** A value holds a character that the receiver would read as a separator. */
  static delimiterInValue(
    location: X12WriteLocation,
    delimiterName: string,
    character: string,
  ): X12WriteError {
    return new X12WriteError(
      'delimiter-in-value',
      `${elementName(location)} contains '${character}', the ${delimiterName} of this interchange: ` +
        `remove it from the value or send with delimiters that do not occur in the data`,
      location,
    );
  }

  /** A value has the wrong length or form for its element. */
  static invalidValue(location: X12WriteLocation, value: string, expected: string): X12WriteError {
    return new X12WriteError(
      'invalid-value',
      `${elementName(location)} is '${value}' but must be ${expected}`,
      location,
    );
  }

  /** The four separators are not usable together. */
  static invalidDelimiters(reason: string): X12WriteError {
    return new X12WriteError('invalid-delimiters', `Delimiters cannot be used: ${reason}`);
  }

  /** Segments are missing, misplaced or not allowed where they were given. */
  static invalidStructure(segmentId: string, reason: string): X12WriteError {
    return new X12WriteError('invalid-structure', `${segmentId || 'segment'}: ${reason}`, { segmentId });
  }
}

function elementName(location: X12WriteLocation): string {
  if (location.elementPosition === undefined) return `segment ${location.segmentId}`;
  const position = String(location.elementPosition).padStart(2, '0');
  const component = location.componentPosition !== undefined ? `-${location.componentPosition}` : '';
  return `${location.segmentId}${position}${component}`;
}
