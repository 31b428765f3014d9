import type { Command } from 'commander';
import {
  createPartnerKey,
  createStaffKey,
  listApiKeys,
  revokeApiKey,
  STAFF_ROLES,
  type ApiKeyAdminDeps,
  type StaffRole,
} from '../auth/index.js';
import { CliError } from './cli-error.js';
import { loadConfig } from '../config/env.js';
import { defaultMappingsDir } from '../mapping/index.js';
import { createRepositories } from '../store/index.js';
import { loadPartnerRegistry, openConfiguredStore, osUserName } from './gateway-runtime.js';
import { keyTable } from './key-format.js';
import type { CliOutput } from './output.js';

interface ActorOption {
  actor: string;
}

/**
 * `edi-gateway keys create|list|revoke`: the API keys partners post with, managed on the
 * gateway's database (DATABASE_URL or DATA_DIR) whether the gateway runs or not. A new key is
 * printed once; only its hash is stored. Every operation is audited under `--actor` (default: the
 * OS user).
 *
 * @example
 * registerKeyCommands(program, output, (code) => (exitCode = code));
 */
export function registerKeyCommands(
  program: Command,
  output: CliOutput,
  setExitCode: (code: number) => void,
): void {
  const group = program
    .command('keys')
    .description(
      'API keys: partners post with them, staff and systems call the API and log in to the console (audited)',
    );
  const actorOption = ['--actor <name>', 'who does this, for the audit trail', osUserName()] as const;

  group
    .command('create')
    .description('issue a key; it is printed once and never shown again')
    .requiredOption(
      '--name <name>',
      'who holds it, as you will recognise it in `keys list` and the audit trail',
    )
    .option('--role <role>', `partner (with --partner), ${STAFF_ROLES.join(', ')}`)
    .option(
      '--partner <id>',
      'the partner that posts with it (a file in PARTNERS_DIR); implies --role partner',
    )
    .option(...actorOption)
    .action(async (opts: ActorOption & { partner?: string; name: string; role?: string }) => {
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
      setExitCode(0);
    });

  group
    .command('list')
    .description('the keys, oldest first, without secrets')
    .option('--partner <id>', 'only the keys of this partner')
    .option('--all', 'revoked keys too')
    .option('--json', 'a JSON array instead of a table')
    .option(...actorOption)
    .action(async (opts: ActorOption & { partner?: string; all?: boolean; json?: boolean }) => {
      const filter = {
        ...(opts.partner === undefined ? {} : { partnerId: opts.partner }),
        includeRevoked: opts.all === true,
      };
      const keys = await withDeps((deps) => listApiKeys(filter, opts.actor, deps));
      output.out(opts.json === true ? `${JSON.stringify(keys, null, 2)}\n` : keyTable(keys));
      setExitCode(0);
    });

  group
    .command('revoke')
    .description('withdraw a key: from now on it is refused')
    .argument('<id>', 'the key id, as `keys list` shows it (the part after edik_)')
    .option(...actorOption)
    .action(async (id: string, opts: ActorOption) => {
      const { key, revokedNow } = await withDeps((deps) => revokeApiKey(id, opts.actor, deps));
      const partner = key.partnerId === null ? '' : `, partner ${key.partnerId}`;
      output.out(
        revokedNow
          ? `API key ${key.id} (${key.name}${partner}) revoked; it is refused from now on\n`
          : `API key ${key.id} (${key.name}${partner}) was already revoked on ${key.revokedAt?.toISOString() ?? '?'}\n`,
      );
      setExitCode(0);
    });
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
