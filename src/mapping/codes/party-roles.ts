import type { PartyRole } from '../../canonical/index.js';
import { codeTable } from './code-table.js';

/** N101 / NM101 entity identifier codes (data element 98). */
export const partyRoles = codeTable<PartyRole>(
  'entity identifier (98)',
  [
    ['BY', 'buyer'],
    ['SE', 'seller'],
    ['ST', 'ship_to'],
    ['BT', 'bill_to'],
    ['SF', 'ship_from'],
    ['RI', 'remit_to'],
    // "Party to receive commercial invoice remittance": the seller's remit-to address on an 810.
    ['RE', 'remit_to'],
    ['SU', 'supplier'],
    ['VN', 'vendor'],
    ['PR', 'payer'],
    // "Remitter" on premium-payment 820s is the party that pays.
    ['RM', 'payer'],
    ['PE', 'payee'],
    ['CA', 'carrier'],
    ['SO', 'sold_to'],
    ['OB', 'ordered_by'],
    ['Z7', 'mark_for'],
    ['MF', 'manufacturer'],
    ['SH', 'shipper'],
    ['SN', 'store'],
    ['WH', 'warehouse'],
    ['IL', 'insured'],
  ],
  'other',
);
