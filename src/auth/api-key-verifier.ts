import type { ApiKeyRole, ApiKeyStore } from '../store/index.js';
import { parseApiKey, secretMatches } from './api-key-token.js';
import { AuthError } from './auth-error.js';

/** Who a request is, once its key is verified. */
export interface AuthenticatedKey {
  id: string;
  name: string;
  role: ApiKeyRole;
  partnerId: string | null;
}

export interface ApiKeyVerifierOptions {
  /** How often, at most, a key's `lastUsedAt` is written. Default one minute. */
  recordUseEveryMs?: number;
  /** Default: the system clock. */
  now?: () => Date;
}

const MINUTE_MS = 60_000;

/**
 * Verifies presented keys against the store. One verifier serves every request of a process: it
 * remembers when it last wrote each key's `lastUsedAt`, so that a busy key costs one write a
 * minute rather than one per request (and the store's own condition keeps several processes to
 * about the same).
 *
 * @example
 * const verifier = new ApiKeyVerifier(repositories.apiKeys);
 * const key = await verifier.verify(req.get('x-api-key')); // throws AuthError (401) when refused
 */
export class ApiKeyVerifier {
  private readonly recordedAt = new Map<string, number>();
  private readonly everyMs: number;

  constructor(
    private readonly apiKeys: ApiKeyStore,
    private readonly options: ApiKeyVerifierOptions = {},
  ) {
    this.everyMs = options.recordUseEveryMs ?? MINUTE_MS;
  }

  /**
   * The key's holder, or an `unauthenticated` AuthError for a missing, malformed, unknown or
   * revoked key. A store failure is thrown as the store's error: the caller cannot be told that
   * the key is bad when it was never checked.
   */
  async verify(presented: string | undefined): Promise<AuthenticatedKey> {
    if (presented === undefined || presented.trim() === '') throw AuthError.missingKey();
    const parts = parseApiKey(presented);
    if (parts === undefined) throw AuthError.invalidKey();
    const stored = await this.apiKeys.get(parts.id);
    if (stored === null || !secretMatches(parts.secret, stored.secretHash)) throw AuthError.invalidKey();
    if (stored.revokedAt !== null) throw AuthError.revokedKey(stored.id, stored.revokedAt);
    await this.recordUse(stored.id);
    return { id: stored.id, name: stored.name, role: stored.role, partnerId: stored.partnerId };
  }

  private async recordUse(id: string): Promise<void> {
    const now = this.options.now?.() ?? new Date();
    const last = this.recordedAt.get(id);
    if (last !== undefined && now.getTime() - last < this.everyMs) return;
    this.recordedAt.set(id, now.getTime());
    try {
      await this.apiKeys.recordUse(id, now, new Date(now.getTime() - this.everyMs));
    } catch {
      // When the key was used is worth a line in `keys list`, not refusing a request over;
      // the next request past the interval writes it again.
      this.recordedAt.delete(id);
    }
  }
}
