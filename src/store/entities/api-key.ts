import { EntitySchema } from '@mikro-orm/core';

/**
 * What a key may do. Only `partner` keys are issued yet: they post a partner's transmissions. The
 * staff roles are named now so that the column and the type need no change when they come.
 */
export const API_KEY_ROLES = ['partner', 'viewer', 'operator', 'admin'] as const;
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

/**
 * An API key as stored: its public id and what it may do, and the SHA-256 of its secret, never the
 * secret itself. Revoked keys stay, so that the audit trail can still name them.
 */
export interface ApiKey {
  /** The public part of the key (`edik_<id>_<secret>`); safe to print and to log. */
  id: string;
  /** Who or what holds it, as a person would recognise it: `acme ERP production`. */
  name: string;
  role: ApiKeyRole;
  /** The partner a `partner` key posts as; null for staff roles. */
  partnerId: string | null;
  /** Lower-case hex SHA-256 of the secret part. */
  secretHash: string;
  createdAt: Date;
  revokedAt: Date | null;
  /** When a request last presented the key; written at most about once a minute per key. */
  lastUsedAt: Date | null;
}

export const ApiKeySchema = new EntitySchema<ApiKey>({
  name: 'ApiKey',
  tableName: 'api_key',
  properties: {
    id: { type: 'string', length: 32, primary: true },
    name: { type: 'string', length: 128 },
    // A plain string rather than an enum: a role added later needs no migration.
    role: { type: 'string', length: 16 },
    partnerId: { type: 'string', length: 64, nullable: true, index: 'api_key_partner_id_index' },
    secretHash: { type: 'string', length: 64 },
    createdAt: { type: 'datetime' },
    revokedAt: { type: 'datetime', nullable: true },
    lastUsedAt: { type: 'datetime', nullable: true },
  },
});
