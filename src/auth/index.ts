/**
 * API keys and who the actor is. Partners post with a key (`edik_<id>_<secret>`) whose secret is
 * kept only as its SHA-256; staff roles will use the same keys.
 */
export type { ApiKeyAdminDeps } from './api-key-deps.js';
export {
  formatApiKey,
  hashSecret,
  newApiKeyParts,
  parseApiKey,
  secretMatches,
  type ApiKeyParts,
} from './api-key-token.js';
export { ApiKeyVerifier, type ApiKeyVerifierOptions, type AuthenticatedKey } from './api-key-verifier.js';
export { toApiKeyView, type ApiKeyView } from './api-key-view.js';
export { AuthError, isAuthError, type AuthErrorCode } from './auth-error.js';
export { createPartnerKey, type CreatedApiKey, type NewPartnerKey } from './create-api-key.js';
export {
  listApiKeys,
  revokeApiKey,
  type ApiKeyListFilter,
  type ApiKeyRevocation,
} from './manage-api-keys.js';
