import { isGatewayError } from '../errors/index.js';
import { API_KEY_SUBJECT, type ApiKeyAdminDeps } from './api-key-deps.js';
import { formatApiKey, hashSecret, newApiKeyParts } from './api-key-token.js';
import { toApiKeyView, type ApiKeyView } from './api-key-view.js';
import { AuthError } from './auth-error.js';
import { isStaffRole, STAFF_ROLES, type StaffRole } from './roles.js';
import type { ApiKeyRole } from '../store/index.js';

export interface NewPartnerKey {
  partnerId: string;
  /** Who holds it, as people will recognise it in `keys list`: `acme ERP production`. */
  name: string;
}

/** A key just made: `token` is the whole key, and this is the only time it exists outside its holder. */
export interface CreatedApiKey {
  key: ApiKeyView;
  token: string;
}

const NAME_MAX = 128;

/**
 * Issues a key with which a partner (or its ERP) posts its transmissions, and audits it under
 * `actor`. The partner must be in the partner files and exchange X12; it may be disabled still
 * (a key can be handed over while the partner is being set up). Only the secret's hash is stored,
 * so the returned token cannot be shown again.
 *
 * @example
 * const { key, token } = await createPartnerKey({ partnerId: 'acme-retail', name: 'acme ERP' }, 'alice', deps);
 */
export async function createPartnerKey(
  input: NewPartnerKey,
  actor: string,
  deps: ApiKeyAdminDeps,
): Promise<CreatedApiKey> {
  const name = checkedName(input.name);
  const partner = deps.partners.byId(input.partnerId);
  if (partner === undefined) throw AuthError.unknownPartner(input.partnerId);
  if (partner.kind !== 'x12') {
    throw AuthError.invalidInput(
      'partner',
      `${partner.id} is a marketplace account: the gateway pulls from it, it posts nothing`,
    );
  }
  return issueKey({ name, role: 'partner', partnerId: partner.id }, actor, deps);
}

export interface NewStaffKey {
  role: StaffRole;
  /** Who holds it: a person (`alice`) or a system (`ERP shipment feed`). It is the audit actor. */
  name: string;
}

/**
 * Issues a key for staff or for a system of ours (an ERP posting events, a BI tool reading KPIs)
 * with a staff role, audited under `actor`. Its name is the actor of everything done with it.
 *
 * @example
 * const { token } = await createStaffKey({ role: 'operator', name: 'alice' }, 'root', deps);
 */
export async function createStaffKey(
  input: NewStaffKey,
  actor: string,
  deps: Pick<ApiKeyAdminDeps, 'repositories' | 'now'>,
): Promise<CreatedApiKey> {
  if (!isStaffRole(input.role)) {
    throw AuthError.invalidInput(
      'role',
      `must be one of ${STAFF_ROLES.join(', ')} (got ${JSON.stringify(input.role)})`,
    );
  }
  return issueKey({ name: checkedName(input.name), role: input.role, partnerId: null }, actor, deps);
}

function checkedName(text: string): string {
  const name = text.trim();
  if (name === '' || name.length > NAME_MAX || /\p{Cc}/u.test(name)) {
    throw AuthError.invalidInput('name', `must be 1 to ${NAME_MAX} characters on one line`);
  }
  return name;
}

async function issueKey(
  what: { name: string; role: ApiKeyRole; partnerId: string | null },
  actor: string,
  deps: Pick<ApiKeyAdminDeps, 'repositories' | 'now'>,
): Promise<CreatedApiKey> {
  const createdAt = deps.now?.() ?? new Date();
  for (let attempt = 0; ; attempt++) {
    const parts = newApiKeyParts();
    try {
      const stored = await deps.repositories.apiKeys.create({
        id: parts.id,
        ...what,
        secretHash: hashSecret(parts.secret),
        createdAt,
      });
      await deps.repositories.audit.record({
        actor,
        action: 'api-key-created',
        subjectType: API_KEY_SUBJECT,
        subjectId: stored.id,
        details: { ...what },
        at: createdAt,
      });
      return { key: toApiKeyView(stored), token: formatApiKey(parts) };
    } catch (error) {
      // 48 random bits collide about never; when they do, a fresh id is the whole fix.
      if (attempt > 0 || !isGatewayError(error) || error.code !== 'duplicate') throw error;
    }
  }
}
