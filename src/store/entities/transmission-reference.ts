import { EntitySchema } from '@mikro-orm/core';

/**
 * What a transmission can be found by: the business numbers of the documents it carries and the
 * control numbers of its envelopes. `document-type` holds both the canonical type and the X12 set id.
 * `acknowledges`: on our 997/999/TA1, the inbound transmission and ISA13 it answers
 * (`<transmission id>/<ISA13>`), which name its delivery job.
 */
export const REFERENCE_KINDS = [
  'po',
  'invoice',
  'shipment',
  'isa13',
  'gs06',
  'st02',
  'marketplace-order',
  'document-type',
  'acknowledges',
] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

/**
 * One number a transmission carries. Control numbers (`isa13`, `gs06`, `st02`) are stored without
 * their leading zeros, so that `1` and `000000001` find the same file.
 */
export interface TransmissionReference {
  transmissionId: string;
  kind: ReferenceKind;
  value: string;
}

export const TransmissionReferenceSchema = new EntitySchema<TransmissionReference>({
  name: 'TransmissionReference',
  tableName: 'transmission_reference',
  properties: {
    transmissionId: { type: 'uuid', primary: true },
    kind: { type: 'string', length: 32, primary: true },
    value: { type: 'string', length: 128, primary: true },
  },
  indexes: [{ name: 'transmission_reference_kind_value_index', properties: ['kind', 'value'] }],
});
