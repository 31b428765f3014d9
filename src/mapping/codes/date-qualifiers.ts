import type { DateType } from '../../canonical/index.js';
import { codeTable } from './code-table.js';

/** DTM01 and other date/time qualifiers (data element 374). */
export const dateQualifiers = codeTable<DateType>(
  'date/time qualifier (374)',
  [
    ['001', 'cancel_after'],
    ['002', 'requested_delivery'],
    ['003', 'invoice'],
    ['004', 'purchase_order'],
    ['007', 'effective'],
    ['010', 'requested_ship'],
    ['011', 'shipped'],
    ['017', 'estimated_delivery'],
    ['018', 'available'],
    ['035', 'delivered'],
    ['036', 'expiration'],
    ['037', 'ship_not_before'],
    ['038', 'ship_not_after'],
    ['063', 'deliver_not_after'],
    ['064', 'deliver_not_before'],
    ['067', 'scheduled_delivery'],
    ['068', 'scheduled_ship'],
    ['069', 'promised_delivery'],
    ['097', 'created'],
    ['106', 'required_by'],
    ['118', 'requested_pickup'],
    ['208', 'lot_expiration'],
    ['582', 'report_period'],
  ],
  'other',
);
