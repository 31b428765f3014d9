import { BigIntType, EntitySchema } from '@mikro-orm/core';

export const TRANSMISSION_DIRECTIONS = ['inbound', 'outbound'] as const;
export type TransmissionDirection = (typeof TRANSMISSION_DIRECTIONS)[number];

export const TRANSMISSION_CHANNELS = ['sftp', 'as2', 'http', 'folder', 'marketplace', 'cli'] as const;
export type TransmissionChannel = (typeof TRANSMISSION_CHANNELS)[number];

export const TRANSMISSION_STATUSES = [
  'received',
  'processing',
  'processed',
  'rejected',
  'failed',
  'sent',
  'acknowledged',
] as const;
export type TransmissionStatus = (typeof TRANSMISSION_STATUSES)[number];

/**
 * One file or message exchanged with a partner, stored as received (or as sent) before anything
 * reads it. The bytes live in `payload`, or elsewhere behind `archiveRef` when they are archived.
 */
export interface Transmission {
  id: string;
  direction: TransmissionDirection;
  /** Unknown until the envelope names the partner (ISA05/06 or the marketplace account). */
  partnerId: string | null;
  channel: TransmissionChannel;
  payload: Buffer | null;
  archiveRef: string | null;
  /** Lower-case hex SHA-256 of the payload, to find a file sent twice. */
  sha256: string;
  size: number;
  /** File name, AS2 message id, URL... whatever tells a person where the bytes came from. */
  sourceRef: string | null;
  /** Where an inbound file was taken from: a local or remote path. Null for what was not a file. */
  sourcePath: string | null;
  receivedAt: Date;
  status: TransmissionStatus;
  attempts: number;
  lastError: string | null;
  /**
   * SHA-256 of what identifies one intake of these bytes (partner, path, size and sha256 of a
   * file still in the partner's inbox; partner and Idempotency-Key of a post), while a second
   * intake of the same upload is possible. Null otherwise.
   */
  intakeKey: string | null;
}

export const TransmissionSchema = new EntitySchema<Transmission>({
  name: 'Transmission',
  tableName: 'transmission',
  properties: {
    id: { type: 'uuid', primary: true },
    direction: { enum: true, items: () => [...TRANSMISSION_DIRECTIONS] },
    partnerId: { type: 'string', length: 64, nullable: true, index: 'transmission_partner_id_index' },
    channel: { enum: true, items: () => [...TRANSMISSION_CHANNELS] },
    payload: { type: 'blob', nullable: true, lazy: true },
    archiveRef: { type: 'text', nullable: true },
    sha256: { type: 'string', length: 64, index: 'transmission_sha256_index' },
    // A file over 2 GiB is unlikely but an int4 would overflow silently on one.
    size: { type: new BigIntType('number') },
    sourceRef: { type: 'text', nullable: true },
    sourcePath: { type: 'text', nullable: true },
    receivedAt: { type: 'datetime' },
    status: { enum: true, items: () => [...TRANSMISSION_STATUSES], index: 'transmission_status_index' },
    attempts: { type: 'integer', default: 0 },
    lastError: { type: 'text', nullable: true },
    intakeKey: { type: 'string', length: 64, nullable: true, unique: 'transmission_intake_key_unique' },
  },
});
