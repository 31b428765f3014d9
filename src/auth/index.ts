/**
 * API keys and who the actor is. Partners post with a key (`edik_<id>_<secret>`) whose secret is
 * kept only as its SHA-256; staff use keys of their role, or console users with passwords.
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
export {
  createPartnerKey,
  createStaffKey,
  type CreatedApiKey,
  type NewPartnerKey,
  type NewStaffKey,
} from './create-api-key.js';
export {
  createConsoleUser,
  disableConsoleUser,
  listConsoleUsers,
  MIN_PASSWORD_LENGTH,
  setConsolePassword,
  type ConsoleUserDeps,
  type ConsoleUserView,
} from './console-users.js';
export {
  closeConsoleSession,
  csrfTokenMatches,
  openConsoleSession,
  resumeConsoleSession,
  type ConsoleCredentials,
  type ConsoleIdentity,
  type ConsoleSessionDeps,
  type OpenedSession,
} from './console-sessions.js';
export { hashPassword, passwordMatches } from './password-hash.js';
export { isStaffRole, roleAllows, STAFF_ROLES, type RequiredRole, type StaffRole } from './roles.js';
export {
  listApiKeys,
  revokeApiKey,
  type ApiKeyListFilter,
  type ApiKeyRevocation,
} from './manage-api-keys.js';
