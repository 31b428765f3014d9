import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'edik';
// The public id is hex so that it never holds the `_` that separates the parts; the secret is
// base64url and may, which is why it comes last.
const TOKEN = /^edik_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/** The two parts of a key as presented: the public id, which finds it, and the secret. */
export interface ApiKeyParts {
  id: string;
  secret: string;
}

/**
 * A new key: a 48-bit random public id and a 256-bit random secret (base64url).
 *
 * @example
 * const { id, secret } = newApiKeyParts();
 * formatApiKey({ id, secret }); // 'edik_3f9a0c1b7e42_q7Lw...'
 */
export function newApiKeyParts(): ApiKeyParts {
  return { id: randomBytes(6).toString('hex'), secret: randomBytes(32).toString('base64url') };
}

/** The key as its holder sends it: `edik_<id>_<secret>`. */
export function formatApiKey(parts: ApiKeyParts): string {
  return `${PREFIX}_${parts.id}_${parts.secret}`;
}

/**
 * The parts of a presented key, or undefined when it is not shaped like one of ours.
 *
 * @example
 * parseApiKey('edik_3f9a0c1b7e42_q7Lw...'); // { id: '3f9a0c1b7e42', secret: 'q7Lw...' }
 */
export function parseApiKey(text: string): ApiKeyParts | undefined {
  const match = TOKEN.exec(text.trim());
  return match === null ? undefined : { id: match[1] as string, secret: match[2] as string };
}

/**
 * The stored form of a secret: its SHA-256 in lower-case hex. A fast, unsalted hash is right here
 * because the secret is 256 random bits: there is no dictionary to try and nothing to gain from
 * slowing a guess down, while a password hash (bcrypt, scrypt) would cost every request
 * milliseconds of CPU.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Whether `secret` hashes to `storedHash`, compared in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}
