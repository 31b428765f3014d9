import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PartnerError } from './partner-error.js';
import { pointerSegment } from './problem.js';
import type { SecretReference } from './schema/secret.js';
import type { PartnerConfig } from './types.js';

interface Origin {
  readonly partner: string;
  readonly pointer: string;
}

// Which partner and field each loaded reference belongs to, so that a missing variable is reported
// where it is configured without every caller passing that along. Weak: configs may be dropped.
const origins = new WeakMap<object, Origin>();

/**
 * Makes the `{ file }` references of a loaded partner absolute (they are written relative to the
 * partner file, and the config must mean the same thing wherever it is used) and remembers where
 * each reference came from.
 */
export function bindReferences(config: PartnerConfig, partnerFile: string): void {
  const base = dirname(resolve(partnerFile));
  const visit = (node: unknown, pointer: string): void => {
    if (typeof node !== 'object' || node === null) return;
    const entries = Object.entries(node);
    const [only] = entries;
    if (
      entries.length === 1 &&
      only &&
      (only[0] === 'env' || only[0] === 'file') &&
      typeof only[1] === 'string'
    ) {
      if (only[0] === 'file') (node as { file: string }).file = resolve(base, only[1]);
      origins.set(node, { partner: config.id, pointer });
      return;
    }
    for (const [key, value] of entries) visit(value, `${pointer}/${pointerSegment(key)}`);
  };
  visit(config.transport, '/transport');
}

/**
 * Reads a secret where the partner file says it lives, at the moment it is needed: an environment
 * variable, or a file (one trailing line break dropped, as `echo` and editors add one). Fails with
 * the partner, the field and the variable or file when the secret is missing.
 *
 * @example
 * if (partner.transport.type === 'sftp' && partner.transport.password) {
 *   const password = resolveSecret(partner.transport.password, process.env);
 *   // PartnerError 'partner-secret-missing' when unset: "partner bigbox-retail: /transport/password is
 *   // read from the environment variable BIGBOX_SFTP_PASSWORD, which is not set or is empty: ..."
 * }
 */
export function resolveSecret(
  reference: SecretReference,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  const origin = origins.get(reference);
  const where = origin ? `partner ${origin.partner}: ${origin.pointer}` : 'a secret';
  if ('env' in reference) {
    const value = env[reference.env];
    if (value === undefined || value === '') throw PartnerError.variableMissing(where, reference.env);
    return value;
  }
  let text: string;
  try {
    text = readFileSync(reference.file, 'utf8');
  } catch (error) {
    throw PartnerError.fileUnreadable(where, reference.file, error);
  }
  const value = text.replace(/\r?\n$/, '');
  if (value === '') throw PartnerError.fileEmpty(where, reference.file);
  return value;
}
