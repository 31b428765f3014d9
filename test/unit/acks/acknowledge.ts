import {
  buildAcknowledgement,
  type Acknowledgement,
  type AcknowledgementOptions,
} from '../../../src/x12/acks/index.js';
import type { Interchange } from '../../../src/x12/envelope.js';

export const NOW = new Date('2024-03-15T09:30:00Z');
export const CONTROL_NUMBERS = { interchange: 9001, group: 501, transactionSet: 1 };

/** buildAcknowledgement with a fixed clock and control numbers 9001 / 501 / 1. */
export function acknowledge(
  interchange: Interchange,
  options: Partial<AcknowledgementOptions> = {},
): Acknowledgement {
  return buildAcknowledgement(interchange, { controlNumbers: CONTROL_NUMBERS, now: NOW, ...options });
}
