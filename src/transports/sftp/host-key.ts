import { createHash } from 'node:crypto';

const FINGERPRINT = /^SHA256:[A-Za-z0-9+/]{43}$/;

/**
 * The fingerprint of an SSH public key blob (the raw key as sent in the handshake, or the base64
 * part of a `.pub` line decoded), written the way `ssh-keygen -lf` and `ssh-keyscan` print it:
 * `SHA256:` and the base64 of the digest without `=` padding. This is the form partners send and
 * the form pinned in a partner's `hostKey`.
 *
 * @example
 * // the middle field of `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILeqwWsmWfFKlSXxHbzF4jFvOJN9sAQjkQzUODZT9Mbl`
 * const blob = Buffer.from('AAAAC3NzaC1lZDI1NTE5AAAAILeqwWsmWfFKlSXxHbzF4jFvOJN9sAQjkQzUODZT9Mbl', 'base64');
 * hostKeyFingerprint(blob); // 'SHA256:07Oj91LXjKm3omc7g+Q7r3yUC2M+sRJIQYEWVVpLySo'
 */
export function hostKeyFingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

/**
 * The pinned fingerprint in the form {@link hostKeyFingerprint} gives, or undefined when it is not
 * one. A trailing `=` (copied from tools that keep the padding) is accepted and dropped.
 */
export function normalisedFingerprint(pinned: string): string | undefined {
  const trimmed = pinned.trim().replace(/=+$/, '');
  return FINGERPRINT.test(trimmed) ? trimmed : undefined;
}
