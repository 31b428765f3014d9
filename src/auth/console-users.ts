import type { Repositories } from '../store/index.js';
import { AuthError } from './auth-error.js';
import { hashPassword } from './password-hash.js';
import { isStaffRole, STAFF_ROLES, type StaffRole } from './roles.js';

/** What managing console users needs. */
export interface ConsoleUserDeps {
  repositories: Pick<Repositories, 'consoleAccess' | 'audit'>;
  now?: () => Date;
}

/** A console user as it may be shown: no password hash. */
export interface ConsoleUserView {
  username: string;
  role: string;
  createdAt: Date;
  disabledAt: Date | null;
}

const USERNAME = /^[a-z0-9][a-z0-9._@-]{0,63}$/;
/** Long enough that guessing online, at the rate limit, gets nowhere; no composition rules. */
export const MIN_PASSWORD_LENGTH = 12;

function checkPassword(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw AuthError.invalidInput('password', `must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (password.length > 1024) throw AuthError.invalidInput('password', 'must be at most 1024 characters');
}

/**
 * Adds a person who logs in to the console with a username and password, audited under `actor`.
 *
 * @example
 * await createConsoleUser({ username: 'alice', role: 'operator', password: 'a long passphrase' }, 'root', deps);
 */
export async function createConsoleUser(
  input: { username: string; role: StaffRole; password: string },
  actor: string,
  deps: ConsoleUserDeps,
): Promise<ConsoleUserView> {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) {
    throw AuthError.invalidInput(
      'username',
      'must be 1 to 64 of a-z, 0-9, ".", "_", "@", "-", starting with a letter or digit',
    );
  }
  if (!isStaffRole(input.role)) {
    throw AuthError.invalidInput(
      'role',
      `must be one of ${STAFF_ROLES.join(', ')} (got ${JSON.stringify(input.role)})`,
    );
  }
  checkPassword(input.password);
  const createdAt = deps.now?.() ?? new Date();
  const user = {
    username,
    role: input.role,
    passwordHash: await hashPassword(input.password),
    createdAt,
    disabledAt: null,
  };
  try {
    await deps.repositories.consoleAccess.createUser(user);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'duplicate') {
      throw AuthError.invalidInput(
        'username',
        `${username} is taken; "users password ${username}" changes its password`,
      );
    }
    throw error;
  }
  await audit(actor, 'console-user-created', username, { role: input.role }, deps, createdAt);
  return { username, role: input.role, createdAt, disabledAt: null };
}

/** Sets a new password (and enables a disabled user again). */
export async function setConsolePassword(
  username: string,
  password: string,
  actor: string,
  deps: ConsoleUserDeps,
): Promise<void> {
  checkPassword(password);
  const changed = await deps.repositories.consoleAccess.setPassword(username, await hashPassword(password));
  if (!changed) throw AuthError.unknownUser(username);
  await audit(actor, 'console-password-set', username, {}, deps);
}

/** Disables a user: their sessions end and they cannot log in until a new password is set. */
export async function disableConsoleUser(
  username: string,
  actor: string,
  deps: ConsoleUserDeps,
): Promise<void> {
  const at = deps.now?.() ?? new Date();
  if (!(await deps.repositories.consoleAccess.disableUser(username, at)))
    throw AuthError.unknownUser(username);
  await audit(actor, 'console-user-disabled', username, {}, deps, at);
}

/** The users, oldest first, without password hashes. */
export async function listConsoleUsers(deps: ConsoleUserDeps): Promise<ConsoleUserView[]> {
  const users = await deps.repositories.consoleAccess.listUsers();
  return users.map(({ username, role, createdAt, disabledAt }) => ({
    username,
    role,
    createdAt,
    disabledAt,
  }));
}

async function audit(
  actor: string,
  action: string,
  username: string,
  details: Record<string, unknown>,
  deps: ConsoleUserDeps,
  at?: Date,
): Promise<void> {
  await deps.repositories.audit.record({
    actor,
    action,
    subjectType: 'console-user',
    subjectId: username,
    details,
    ...(at === undefined ? {} : { at }),
  });
}
