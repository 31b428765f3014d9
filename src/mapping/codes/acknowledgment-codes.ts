import type { AckStatus, AckType, LineStatus } from '../../canonical/index.js';
import { codeTable } from './code-table.js';

/** BAK02: acknowledgment type (data element 587). */
export const ackTypes = codeTable<AckType>(
  'acknowledgment type (587)',
  [
    ['AT', 'accepted'],
    ['AC', 'accepted_with_changes'],
    ['AD', 'accepted_no_changes'],
    ['AE', 'accepted_with_exceptions'],
    ['AK', 'accepted_no_detail'],
    ['AH', 'on_hold'],
    ['RJ', 'rejected'],
    ['RD', 'rejected_with_detail'],
    ['RF', 'rejected_with_exceptions'],
    ['RO', 'rejected_with_counter_offer'],
  ],
  'other',
);

/** ACK01: line item status (data element 668). */
export const lineStatuses = codeTable<LineStatus>(
  'line item status (668)',
  [
    ['IA', 'accepted'],
    ['AC', 'accepted'],
    ['IC', 'accepted_with_changes'],
    ['IB', 'backordered'],
    ['BP', 'partially_backordered'],
    ['IR', 'rejected'],
    ['R1', 'rejected'],
    ['R2', 'rejected'],
    ['R3', 'rejected'],
    ['R4', 'rejected'],
    ['R5', 'rejected'],
    ['R6', 'rejected'],
    ['R7', 'rejected'],
    ['R8', 'rejected'],
    ['ID', 'deleted'],
    ['IH', 'on_hold'],
    ['IF', 'on_hold'],
    ['IW', 'on_hold'],
    ['IP', 'price_changed'],
    ['IQ', 'quantity_changed'],
    ['DR', 'date_rescheduled'],
    ['IS', 'substituted'],
    ['AR', 'released_for_shipment'],
    ['SP', 'schedule_pending'],
  ],
  'other',
);

/**
 * AK501/IK501 and AK901 (data elements 717 and 715). `M`, `W` and `X` are rejections for
 * security reasons (authentication, assurance, decryption) and are reported as rejections.
 */
export const ackStatuses = codeTable<AckStatus>('acknowledgment code (715/717)', [
  ['A', 'accepted'],
  ['E', 'accepted_with_errors'],
  ['P', 'partially_accepted'],
  ['R', 'rejected'],
  ['M', 'rejected'],
  ['W', 'rejected'],
  ['X', 'rejected'],
]);
