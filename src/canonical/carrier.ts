import { Type, type Static } from '@sinclair/typebox';
import { Code, StringEnum, Text } from './primitives.js';

export const TRANSPORT_MODES = [
  'air',
  'motor',
  'less_than_truckload',
  'rail',
  'ocean',
  'parcel',
  'private_carrier',
  'customer_pickup',
  'contract_carrier',
  'mutually_defined',
  'other',
] as const;
export const TransportMode = StringEnum(TRANSPORT_MODES);
export type TransportMode = Static<typeof TransportMode>;

/** Who carries the goods and how (X12 TD5; a marketplace's shipping method). */
export const Carrier = Type.Object(
  {
    /** Routing sequence code (TD501: `B` origin carrier, `1` first carrier...). */
    routingSequence: Type.Optional(Code),
    /** Standard Carrier Alpha Code, where the carrier was identified by one. */
    scac: Type.Optional(Text),
    /** Carrier identifier under another scheme, with its qualifier (TD502/TD503). */
    identifierQualifier: Type.Optional(Code),
    identifier: Type.Optional(Text),
    mode: Type.Optional(TransportMode),
    /** Transportation method code as sent (TD504). */
    modeCode: Type.Optional(Code),
    /** Free-text routing: carrier name or instructions (TD505). */
    routing: Type.Optional(Text),
    /** Service level code (TD512: `ND` next day, `SC` standard...). */
    serviceLevel: Type.Optional(Code),
  },
  { additionalProperties: false },
);
export type Carrier = Static<typeof Carrier>;
