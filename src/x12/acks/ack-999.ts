import type { AckKind } from './ack-kind.js';

/** GS08 and ST03 of every 999: the 005010 implementation guide for the 999. */
export const IMPLEMENTATION_ACK_VERSION = '005010X231A1';

/** The 999 implementation acknowledgement: AK1, AK2/IK3/CTX/IK4/CTX/IK5 per set, AK9. */
export const ack999: AckKind = {
  type: '999',
  tags: { segment: 'IK3', element: 'IK4', set: 'IK5' },
  situationalContext: true,
  groupVersion: () => IMPLEMENTATION_ACK_VERSION,
  hasVersionDetail: () => true,
  segmentCode: (code) => code,
  elementCode: (code) => code,
  setCode: (code) => code,
  segmentsInError: (implementationErrors) => (implementationErrors ? 'I5' : '5'),
};
