export { buildAcknowledgement } from './build-acknowledgement.js';
export { IMPLEMENTATION_ACK_VERSION } from './ack-999.js';
export type {
  Acknowledgement,
  AcknowledgementOptions,
  AcknowledgementSummary,
  AcknowledgementType,
  GroupAcknowledgementSummary,
  Ta1Policy,
} from './types.js';
