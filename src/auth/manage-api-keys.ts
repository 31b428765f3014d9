import { API_KEY_SUBJECT, type ApiKeyAdminDeps } from './api-key-deps.js';
import { toApiKeyView, type ApiKeyView } from './api-key-view.js';
import { AuthError } from './auth-error.js';

export interface ApiKeyListFilter {
  partnerId?: string;
  /** Default false. */
  includeRevoked?: boolean;
}

/**
 * The keys, oldest first, without their secrets (which the store does not hold either), audited
 * under `actor`.
 *
 * @example
 * const keys = await listApiKeys({ partnerId: 'acme-retail' }, 'alice', deps);
 */
export async function listApiKeys(
  filter: ApiKeyListFilter,
  actor: string,
  deps: Pick<ApiKeyAdminDeps, 'repositories'>,
): Promise<ApiKeyView[]> {
  const keys = await deps.repositories.apiKeys.list(filter);
  await deps.repositories.audit.record({
    actor,
    action: 'api-keys-listed',
    subjectType: 'api-keys',
    subjectId: filter.partnerId === undefined ? 'all' : `partner=${filter.partnerId}`,
    details: { ...filter, count: keys.length },
  });
  return keys.map(toApiKeyView);
}

/** What {@link revokeApiKey} did. */
export interface ApiKeyRevocation {
  key: ApiKeyView;
  /** False when it had been revoked before; nothing changed then. */
  revokedNow: boolean;
}

/**
 * Revokes a key: from now on it is refused (401). Revoking twice keeps the first moment. Audited
 * under `actor`; an unknown id fails with `unknown-key`.
 *
 * @example
 * await revokeApiKey('3f9a0c1b7e42', 'alice', deps);
 */
export async function revokeApiKey(
  id: string,
  actor: string,
  deps: Pick<ApiKeyAdminDeps, 'repositories' | 'now'>,
): Promise<ApiKeyRevocation> {
  const at = deps.now?.() ?? new Date();
  const outcome = await deps.repositories.apiKeys.revoke(id, at);
  if (outcome === null) throw AuthError.unknownKey(id);
  if (outcome.revokedNow) {
    await deps.repositories.consoleAccess.endSessionsOfKey(id);
    await deps.repositories.audit.record({
      actor,
      action: 'api-key-revoked',
      subjectType: API_KEY_SUBJECT,
      subjectId: id,
      details: { name: outcome.key.name, partnerId: outcome.key.partnerId },
      at,
    });
  }
  return { key: toApiKeyView(outcome.key), revokedNow: outcome.revokedNow };
}
