import type { Command } from 'commander';
import { STAFF_ROLES } from '../auth/index.js';
import { osUserName } from './os-user-name.js';
import type { CliOutput } from './output.js';
import type { ActorOption, PasswordSource } from './users-actions.js';

export type { PasswordSource } from './users-actions.js';

async function pipedPassword(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  return line === '' ? undefined : line;
}

/**
 * `edi-gateway users create|list|password|disable`: the people who log in to the console with a
 * username and password. A password is read from the first line of stdin (`echo ... | edi-gateway
 * users create ...`) so that it never sits in the shell history or the process list; without one,
 * a random password is generated and printed once. Audited under `--actor`. The store is loaded
 * when a subcommand runs, not when it is registered.
 *
 * @example
 * registerUserCommands(program, output, (code) => (exitCode = code));
 */
export function registerUserCommands(
  program: Command,
  output: CliOutput,
  setExitCode: (code: number) => void,
  readPassword: PasswordSource = pipedPassword,
): void {
  const group = program.command('users').description('console users who log in with a password (audited)');
  const actorOption = ['--actor <name>', 'who does this, for the audit trail', osUserName()] as const;

  group
    .command('create')
    .description('add a user; the password is read from stdin, or generated and printed once')
    .argument('<username>')
    .requiredOption('--role <role>', STAFF_ROLES.join(', '))
    .option(...actorOption)
    .action(async (username: string, opts: ActorOption & { role: string }) => {
      const { createUser } = await import('./users-actions.js');
      await createUser(username, opts, readPassword, output);
      setExitCode(0);
    });

  group
    .command('password')
    .description("set a user's password (and enable a disabled user); stdin or generated")
    .argument('<username>')
    .option(...actorOption)
    .action(async (username: string, opts: ActorOption) => {
      const { setPassword } = await import('./users-actions.js');
      await setPassword(username, opts, readPassword, output);
      setExitCode(0);
    });

  group
    .command('disable')
    .description('end the sessions of a user and refuse their logins')
    .argument('<username>')
    .option(...actorOption)
    .action(async (username: string, opts: ActorOption) => {
      const { disableUser } = await import('./users-actions.js');
      await disableUser(username, opts, output);
      setExitCode(0);
    });

  group
    .command('list')
    .description('the users, oldest first')
    .option('--json', 'a JSON array instead of lines')
    .action(async (opts: { json?: boolean }) => {
      const { listUsers } = await import('./users-actions.js');
      await listUsers(opts, output);
      setExitCode(0);
    });
}
