/**
 * Support operations on transmissions, shared by the `transmissions` command and the HTTP API:
 * list, show, raw bytes, resend (outbound) and reprocess (inbound). Each one is audited under the
 * actor who asked.
 */
export { listTransmissions, MAX_LIST_LIMIT } from './list-transmissions.js';
export { showTransmission, MAX_SHOWN_BYTES, type TransmissionView } from './show-transmission.js';
export { transmissionBytes, type TransmissionBytes } from './transmission-bytes.js';
export { resendTransmission, type ResendResult } from './resend-transmission.js';
export { reprocessTransmission, type ReprocessResult } from './reprocess-transmission.js';
export { checkActor, MAX_ACTOR_LENGTH } from './support-errors.js';
export type { QueueingSupportDeps, SupportDeps } from './support-deps.js';
export type { InterchangeView } from './transmission-envelope.js';
export { parseListFilter, type ListFilterText } from './list-filter.js';
