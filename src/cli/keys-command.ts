import type { Command } from 'commander';
import { STAFF_ROLES } from '../auth/index.js';
import type { ActorOption } from './keys-actions.js';
import { osUserName } from './os-user-name.js';
import type { CliOutput } from './output.js';

/**
 * `edi-gateway keys create|list|revoke`: the API keys partners post with, managed on the
 * gateway's database (DATABASE_URL or DATA_DIR) whether the gateway runs or not. A new key is
 * printed once; only its hash is stored. Every operation is audited under `--actor` (default: the
 * OS user). The store is loaded when a subcommand runs, not when it is registered.
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
      const { createKey } = await import('./keys-actions.js');
      await createKey(opts, output);
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
      const { listKeys } = await import('./keys-actions.js');
      await listKeys(opts, output);
      setExitCode(0);
    });

  group
    .command('revoke')
    .description('withdraw a key: from now on it is refused')
    .argument('<id>', 'the key id, as `keys list` shows it (the part after edik_)')
    .option(...actorOption)
    .action(async (id: string, opts: ActorOption) => {
      const { revokeKey } = await import('./keys-actions.js');
      await revokeKey(id, opts, output);
      setExitCode(0);
    });
}
