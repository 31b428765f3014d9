import { EntitySchema } from '@mikro-orm/core';

/**
 * A person who logs in to the console with a username and password. The password is kept only as
 * an scrypt hash (`scrypt$<N>$<r>$<p>$<salt>$<hash>`, base64url parts). Disabled users stay, so
 * that the audit trail can still name them.
 */
export interface ConsoleUser {
  username: string;
  /** `viewer`, `operator` or `admin`. */
  role: string;
  passwordHash: string;
  createdAt: Date;
  disabledAt: Date | null;
}

export const ConsoleUserSchema = new EntitySchema<ConsoleUser>({
  name: 'ConsoleUser',
  tableName: 'console_user',
  properties: {
    username: { type: 'string', length: 64, primary: true },
    role: { type: 'string', length: 16 },
    passwordHash: { type: 'string', length: 255 },
    createdAt: { type: 'datetime' },
    disabledAt: { type: 'datetime', nullable: true },
  },
});

/**
 * A console session: the cookie holds a random token, the store only its SHA-256, so a copy of the
 * database opens no session. Sessions live in the database rather than in a process so that any
 * `serve` process behind a load balancer knows them.
 */
export interface ConsoleSession {
  /** Lower-case hex SHA-256 of the cookie's token. */
  id: string;
  /** Who it is: a username or an API key's name. */
  actor: string;
  role: string;
  /** `password` or `api-key`. */
  method: string;
  /** The API key it was opened with; revoking the key ends the session. */
  apiKeyId: string | null;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
}

export const ConsoleSessionSchema = new EntitySchema<ConsoleSession>({
  name: 'ConsoleSession',
  tableName: 'console_session',
  properties: {
    id: { type: 'string', length: 64, primary: true },
    actor: { type: 'string', length: 128 },
    role: { type: 'string', length: 16 },
    method: { type: 'string', length: 16 },
    apiKeyId: { type: 'string', length: 32, nullable: true },
    csrfToken: { type: 'string', length: 64 },
    createdAt: { type: 'datetime' },
    expiresAt: { type: 'datetime', index: 'console_session_expires_at_index' },
    lastSeenAt: { type: 'datetime' },
  },
});
