import {
  createPartnerKey,
  createStaffKey,
  listApiKeys,
  revokeApiKey,
  STAFF_ROLES,
  type ApiKeyAdminDeps,
  type StaffRole,
} from '../auth/index.js';
import { loadConfig } from '../config/index.js';
import { defaultMappingsDir } from '../mapping/index.js';
import { createRepositories } from '../store/index.js';
import { CliError } from './cli-error.js';
import { loadPartnerRegistry, openConfiguredStore } from './gateway-runtime.js';
import { keyTable } from './key-format.js';
import type { CliOutput } from './output.js';

/** `--actor`, shared by every `keys` subcommand. */
export interface ActorOption {
  actor: string;
}

/**
 * `keys create`: issues a staff or partner key and prints its token once. Loaded only when the
 * command runs, since it opens the store.
 *
 * @example
 * await createKey({ name: 'ops laptop', role: 'operator', actor: 'ana' }, output);
 */
export async function createKey(
  opts: ActorOption & { partner?: string; name: string; role?: string },
  output: CliOutput,
): Promise<void> {
  const role = opts.role ?? (opts.partner === undefined ? undefined : 'partner');
  if (role === undefined || (role === 'partner') !== (opts.partner !== undefined)) {
    throw new CliError(
      `give --role ${STAFF_ROLES.join('|')} for staff, or --partner <id> for a partner key`,
      2,
    );
  }
  const { key, token } = await withDeps((deps) =>
    opts.partner === undefined
      ? createStaffKey({ role: role as StaffRole, name: opts.name }, opts.actor, deps)
      : createPartnerKey({ partnerId: opts.partner, name: opts.name }, opts.actor, deps),
  );
  const holder = key.partnerId === null ? `role ${key.role}` : `partner ${key.partnerId}`;
  output.out(
    `${token}\n` +
      `API key ${key.id} for ${holder} (${key.name}). It is not shown again: ` +
      `${key.partnerId === null ? 'hand it over' : 'give it to the partner'} now; \`edi-gateway keys revoke ${key.id}\` withdraws it.\n`,
  );
}

/**
 * `keys list`: the keys as a table or JSON, without secrets.
 *
 * @example
 * await listKeys({ partner: 'acme', all: true, actor: 'ana' }, output);
 */
export async function listKeys(
  opts: ActorOption & { partner?: string; all?: boolean; json?: boolean },
  output: CliOutput,
): Promise<void> {
  const filter = {
    ...(opts.partner === undefined ? {} : { partnerId: opts.partner }),
    includeRevoked: opts.all === true,
  };
  const keys = await withDeps((deps) => listApiKeys(filter, opts.actor, deps));
  output.out(opts.json === true ? `${JSON.stringify(keys, null, 2)}\n` : keyTable(keys));
}

/**
 * `keys revoke <id>`: withdraws a key, or says when it was withdrawn already.
 *
 * @example
 * await revokeKey('k_3f9a', { actor: 'ana' }, output);
 */
export async function revokeKey(id: string, opts: ActorOption, output: CliOutput): Promise<void> {
  const { key, revokedNow } = await withDeps((deps) => revokeApiKey(id, opts.actor, deps));
  const partner = key.partnerId === null ? '' : `, partner ${key.partnerId}`;
  output.out(
    revokedNow
      ? `API key ${key.id} (${key.name}${partner}) revoked; it is refused from now on\n`
      : `API key ${key.id} (${key.name}${partner}) was already revoked on ${key.revokedAt?.toISOString() ?? '?'}\n`,
  );
}

/** Opens the configured store, runs one operation, closes it. */
async function withDeps<T>(run: (deps: ApiKeyAdminDeps) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env);
  const partners = loadPartnerRegistry(config, defaultMappingsDir());
  const store = await openConfiguredStore(config, { existing: true });
  try {
    return await run({ repositories: createRepositories(store.orm), partners });
  } finally {
    await store.close();
  }
}
