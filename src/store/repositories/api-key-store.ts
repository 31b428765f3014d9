import type { ApiKey } from '../entities/api-key.js';

/** A key as the store keeps it: the entity's fields, the secret's hash included. */
export type StoredApiKey = Readonly<ApiKey>;

/** A key to store; it starts unused and not revoked. */
export type NewApiKey = Pick<ApiKey, 'id' | 'name' | 'role' | 'partnerId' | 'secretHash'> & {
  /** Defaults to now. */
  createdAt?: Date;
};

export interface ApiKeyFilter {
  partnerId?: string;
  /** Default false: revoked keys are left out. */
  includeRevoked?: boolean;
}

/** What {@link ApiKeyStore.revoke} did. */
export interface RevokedApiKey {
  key: StoredApiKey;
  /** False when the key had been revoked before; its first `revokedAt` is kept. */
  revokedNow: boolean;
}

/** The store's port for API keys. */
export interface ApiKeyStore {
  /**
   * Stores a new key. An id that is taken fails with code `duplicate`.
   *
   * @example
   * await apiKeys.create({ id: '3f9a0c1b7e42', name: 'acme ERP', role: 'partner', partnerId: 'acme', secretHash });
   */
  create(key: NewApiKey): Promise<StoredApiKey>;
  /** The key with this public id, revoked or not; null when there is none. */
  get(id: string): Promise<StoredApiKey | null>;
  /** Oldest first. */
  list(filter?: ApiKeyFilter): Promise<StoredApiKey[]>;
  /** Revokes a key (at `at`, default now); null when there is no such key. */
  revoke(id: string, at?: Date): Promise<RevokedApiKey | null>;
  /**
   * Sets `lastUsedAt` to `at` unless it is already at or after `unlessSince`: several processes
   * serving the same key then write it about once per interval between them, not once per request.
   *
   * @example
   * await apiKeys.recordUse(key.id, now, new Date(now.getTime() - 60_000));
   */
  recordUse(id: string, at: Date, unlessSince: Date): Promise<void>;
}
