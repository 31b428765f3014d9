import type { ConsoleSession, ConsoleUser } from '../entities/console-access.js';

export type StoredConsoleUser = Readonly<ConsoleUser>;
export type StoredConsoleSession = Readonly<ConsoleSession>;

/** The store's port for console users and sessions. */
export interface ConsoleAccessStore {
  /**
   * Stores a new user; a username that is taken fails with code `duplicate`.
   *
   * @example
   * await access.createUser({ username: 'alice', role: 'operator', passwordHash, createdAt: new Date(), disabledAt: null });
   */
  createUser(user: ConsoleUser): Promise<StoredConsoleUser>;
  /** Replaces the password hash (and enables the user again); false when there is no such user. */
  setPassword(username: string, passwordHash: string): Promise<boolean>;
  /** Disables a user and ends their sessions; false when there is no such user. */
  disableUser(username: string, at: Date): Promise<boolean>;
  getUser(username: string): Promise<StoredConsoleUser | null>;
  /** Oldest first. */
  listUsers(): Promise<StoredConsoleUser[]>;
  createSession(session: ConsoleSession): Promise<void>;
  /** The session with this token hash if it has not expired at `now`; null otherwise. */
  findSession(id: string, now: Date): Promise<StoredConsoleSession | null>;
  /** Moves the session's last-seen time (written at most once a minute by the caller). */
  touchSession(id: string, at: Date): Promise<void>;
  endSession(id: string): Promise<void>;
  /** Ends every session opened with this API key (the key was revoked). */
  endSessionsOfKey(apiKeyId: string): Promise<number>;
  /** Deletes sessions that expired before `now`; returns how many. */
  deleteExpiredSessions(now: Date): Promise<number>;
}
