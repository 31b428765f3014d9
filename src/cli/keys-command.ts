import type { Command } from 'commander';
import { createPartnerKey, listApiKeys, revokeApiKey, type ApiKeyAdminDeps } from '../auth/index.js';
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
    .description('API keys with which partners post to POST /api/partners/<id>/transmissions (audited)');
  const actorOption = ['--actor <name>', 'who does this, for the audit trail', osUserName()] as const;

  group
    .command('create')
    .description('issue a key for a partner; it is printed once and never shown again')
    .requiredOption('--partner <id>', 'the partner that posts with it (a file in PARTNERS_DIR)')
    .requiredOption('--name <name>', 'who holds it, as you will recognise it in `keys list`')
    .option(...actorOption)
    .action(async (opts: ActorOption & { partner: string; name: string }) => {
      const { key, token } = await withDeps((deps) =>
        createPartnerKey({ partnerId: opts.partner, name: opts.name }, opts.actor, deps),
      );
      output.out(
        `${token}\n` +
          `API key ${key.id} for partner ${key.partnerId ?? '-'} (${key.name}). It is not shown again: ` +
          `give it to the partner now; \`edi-gateway keys revoke ${key.id}\` withdraws it.\n`,
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
