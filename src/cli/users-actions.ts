import { randomBytes } from 'node:crypto';
import {
  createConsoleUser,
  disableConsoleUser,
  listConsoleUsers,
  setConsolePassword,
  type ConsoleUserDeps,
  type StaffRole,
} from '../auth/index.js';
import { loadConfig } from '../config/index.js';
import { createRepositories } from '../store/index.js';
import { openConfiguredStore } from './gateway-runtime.js';
import type { CliOutput } from './output.js';

/** `--actor`, shared by the `users` subcommands that change something. */
export interface ActorOption {
  actor: string;
}

/** Where a new password comes from: the first line of stdin when it is piped, else generated. */
export type PasswordSource = () => Promise<string | undefined>;

/**
 * `users create <username>`: adds a console user; a generated password is printed once. Loaded
 * only when the command runs, since it opens the store.
 *
 * @example
 * await createUser('ana', { role: 'operator', actor: 'root' }, readPassword, output);
 */
export async function createUser(
  username: string,
  opts: ActorOption & { role: string },
  readPassword: PasswordSource,
  output: CliOutput,
): Promise<void> {
  const { password, generated } = await newPassword(readPassword);
  const user = await withDeps((deps) =>
    createConsoleUser({ username, role: opts.role as StaffRole, password }, opts.actor, deps),
  );
  output.out(
    `console user ${user.username} (${user.role}) created${generated ? `; password (shown once): ${password}` : ''}\n`,
  );
}

/**
 * `users password <username>`: sets a new password (and enables a disabled user).
 *
 * @example
 * await setPassword('ana', { actor: 'root' }, readPassword, output);
 */
export async function setPassword(
  username: string,
  opts: ActorOption,
  readPassword: PasswordSource,
  output: CliOutput,
): Promise<void> {
  const { password, generated } = await newPassword(readPassword);
  await withDeps((deps) => setConsolePassword(username, password, opts.actor, deps));
  output.out(`password of ${username} set${generated ? `; new password (shown once): ${password}` : ''}\n`);
}

/**
 * `users disable <username>`: ends the user's sessions and refuses their logins.
 *
 * @example
 * await disableUser('ana', { actor: 'root' }, output);
 */
export async function disableUser(username: string, opts: ActorOption, output: CliOutput): Promise<void> {
  await withDeps((deps) => disableConsoleUser(username, opts.actor, deps));
  output.out(`console user ${username} disabled; their sessions ended\n`);
}

/**
 * `users list`: the console users, oldest first, as lines or JSON.
 *
 * @example
 * await listUsers({ json: true }, output);
 */
export async function listUsers(opts: { json?: boolean }, output: CliOutput): Promise<void> {
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
}

async function newPassword(readPassword: PasswordSource): Promise<{ password: string; generated: boolean }> {
  const given = await readPassword();
  return given === undefined
    ? { password: randomBytes(18).toString('base64url'), generated: true }
    : { password: given, generated: false };
}

async function withDeps<T>(run: (deps: ConsoleUserDeps) => Promise<T>): Promise<T> {
  const store = await openConfiguredStore(loadConfig(process.env), { existing: true });
  try {
    return await run({ repositories: createRepositories(store.orm) });
  } finally {
    await store.close();
  }
}
