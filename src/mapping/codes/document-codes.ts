import type {
  DocumentPurpose,
  InvoiceType,
  NoteType,
  OrderType,
  PaymentMethod,
  TransportMode,
} from '../../canonical/index.js';
import { codeTable } from './code-table.js';

/** BEG01, BAK01, BSN01, BIG08: transaction set purpose (data element 353). */
export const purposes = codeTable<DocumentPurpose>(
  'transaction set purpose (353)',
  [
    ['00', 'original'],
    ['01', 'cancellation'],
    ['04', 'change'],
    ['05', 'replace'],
    ['06', 'confirmation'],
    ['07', 'duplicate'],
    ['11', 'response'],
    ['14', 'advance_notification'],
    ['15', 'resubmission'],
    ['22', 'information_copy'],
  ],
  'other',
);

/** BEG02: purchase order type (data element 92). */
export const orderTypes = codeTable<OrderType>(
  'purchase order type (92)',
  [
    ['SA', 'stand_alone'],
    ['DS', 'drop_ship'],
    ['NE', 'new_order'],
    ['RL', 'release'],
    ['BK', 'blanket'],
    ['RO', 'rush'],
    ['RE', 'reorder'],
    ['CN', 'consigned'],
    ['PR', 'promotion'],
  ],
  'other',
);

/** BIG07: transaction type (data element 640). */
export const invoiceTypes = codeTable<InvoiceType>(
  'transaction type (640)',
  [
    ['DI', 'invoice'],
    ['CI', 'consolidated_invoice'],
    ['CR', 'credit_memo'],
    ['CN', 'credit_memo'],
    ['DR', 'debit_memo'],
  ],
  'other',
);

/** NTE01: note reference code (data element 363). */
export const noteTypes = codeTable<NoteType>(
  'note reference code (363)',
  [
    ['GEN', 'general'],
    ['ADD', 'general'],
    ['ORI', 'order_instructions'],
    ['DEL', 'delivery'],
    ['SPH', 'special_handling'],
    ['PRD', 'product'],
  ],
  'other',
);

/** TD504: transportation method/type code (data element 91). */
export const transportModes = codeTable<TransportMode>(
  'transportation method (91)',
  [
    ['A', 'air'],
    ['AE', 'air'],
    ['AC', 'air'],
    ['M', 'motor'],
    ['J', 'motor'],
    ['E', 'motor'],
    ['LT', 'less_than_truckload'],
    ['L', 'contract_carrier'],
    ['R', 'rail'],
    ['S', 'ocean'],
    ['O', 'ocean'],
    ['U', 'parcel'],
    ['D', 'parcel'],
    ['P', 'private_carrier'],
    ['H', 'customer_pickup'],
    ['CE', 'customer_pickup'],
    ['ZZ', 'mutually_defined'],
  ],
  'other',
);

/** BPR04: payment method (data element 591). */
export const paymentMethods = codeTable<PaymentMethod>(
  'payment method (591)',
  [
    ['ACH', 'ach'],
    ['CHK', 'check'],
    ['FWT', 'wire'],
    ['FEW', 'wire'],
    ['CWT', 'wire'],
    ['SWT', 'wire'],
    ['BOP', 'financial_institution_option'],
    ['NON', 'none'],
  ],
  'other',
);
