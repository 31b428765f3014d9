import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import {
  createConsoleUser,
  disableConsoleUser,
  listConsoleUsers,
  setConsolePassword,
  STAFF_ROLES,
  type ConsoleUserDeps,
  type StaffRole,
} from '../auth/index.js';
import { loadConfig } from '../config/env.js';
import { createRepositories } from '../store/index.js';
import { openConfiguredStore, osUserName } from './gateway-runtime.js';
import type { CliOutput } from './output.js';

interface ActorOption {
  actor: string;
}

/** Where a new password comes from: the first line of stdin when it is piped, else generated. */
export type PasswordSource = () => Promise<string | undefined>;

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
 * a random password is generated and printed once. Audited under `--actor`.
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
  const newPassword = async (): Promise<{ password: string; generated: boolean }> => {
    const given = await readPassword();
    return given === undefined
      ? { password: randomBytes(18).toString('base64url'), generated: true }
      : { password: given, generated: false };
  };

  group
    .command('create')
    .description('add a user; the password is read from stdin, or generated and printed once')
    .argument('<username>')
    .requiredOption('--role <role>', STAFF_ROLES.join(', '))
    .option(...actorOption)
    .action(async (username: string, opts: ActorOption & { role: string }) => {
      const { password, generated } = await newPassword();
      const user = await withDeps((deps) =>
        createConsoleUser({ username, role: opts.role as StaffRole, password }, opts.actor, deps),
      );
      output.out(
        `console user ${user.username} (${user.role}) created${generated ? `; password (shown once): ${password}` : ''}\n`,
      );
      setExitCode(0);
    });

  group
    .command('password')
    .description("set a user's password (and enable a disabled user); stdin or generated")
    .argument('<username>')
    .option(...actorOption)
    .action(async (username: string, opts: ActorOption) => {
      const { password, generated } = await newPassword();
      await withDeps((deps) => setConsolePassword(username, password, opts.actor, deps));
      output.out(
        `password of ${username} set${generated ? `; new password (shown once): ${password}` : ''}\n`,
      );
      setExitCode(0);
    });

  group
    .command('disable')
    .description('end the sessions of a user and refuse their logins')
    .argument('<username>')
    .option(...actorOption)
    .action(async (username: string, opts: ActorOption) => {
      await withDeps((deps) => disableConsoleUser(username, opts.actor, deps));
      output.out(`console user ${username} disabled; their sessions ended\n`);
      setExitCode(0);
    });

  group
    .command('list')
    .description('the users, oldest first')
    .option('--json', 'a JSON array instead of lines')
    .action(async (opts: { json?: boolean }) => {
      const users = await withDeps((deps) => listConsoleUsers(deps));
      output.out(
        opts.json === true
          ? `${JSON.stringify(users, null, 2)}\n`
          : users
              .map(
                (u) =>
                  `${u.username}\t${u.role}\t${u.createdAt.toISOString()}\t${u.disabledAt === null ? 'active' : `disabled ${u.disabledAt.toISOString()}`}\n`,
              )
              .join('') || 'no console users\n',
      );
      setExitCode(0);
    });
}

async function withDeps<T>(run: (deps: ConsoleUserDeps) => Promise<T>): Promise<T> {
  const store = await openConfiguredStore(loadConfig(process.env), { existing: true });
  try {
    return await run({ repositories: createRepositories(store.orm) });
  } finally {
    await store.close();
  }
}
