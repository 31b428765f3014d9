import { Type } from '@sinclair/typebox';
import { TRANSMISSION_STATUSES } from '../../store/index.js';

/** An optional text parameter of 1 to 128 characters. */
export const OptionalText = (description: string) =>
  Type.Optional(Type.String({ minLength: 1, maxLength: 128, description }));

/**
 * What selects transmissions, as text, for the list's query and the bulk operations' body alike;
 * `parseListFilter` checks the values.
 */
export const TransmissionFilterFields = {
  status: OptionalText(TRANSMISSION_STATUSES.join(', ')),
  direction: OptionalText('inbound or outbound'),
  partner: OptionalText('a partner id'),
  type: OptionalText('an X12 set id (850, 855) or a canonical type (purchase_order)'),
  from: OptionalText('received on or after: YYYY-MM-DD or an ISO 8601 instant'),
  to: OptionalText('received on or before: YYYY-MM-DD (the whole day) or an ISO 8601 instant'),
  po: OptionalText('a PO number'),
  invoice: OptionalText('an invoice number'),
  shipment: OptionalText('a shipment id'),
  isa13: OptionalText('an interchange control number; leading zeros do not matter'),
  gs06: OptionalText('a group control number; leading zeros do not matter'),
  st02: OptionalText('a transaction set control number; leading zeros do not matter'),
  marketplaceOrder: OptionalText('a marketplace order id'),
  search: OptionalText('any of the numbers above'),
};
