import { createStaffKey, type StaffRole } from '../../../src/auth/index.js';
import type { Repositories } from '../../../src/store/index.js';

/**
 * Issues staff keys for tests on demand, one per name and role, through the same code as
 * `edi-gateway keys create`: the key's name is the audit actor of what a test does with it.
 *
 * @example
 * const keys = staffKeys(repositories);
 * await fetch(url, { headers: { authorization: `Bearer ${await keys('alice', 'operator')}` } });
 */
export function staffKeys(
  repositories: Pick<Repositories, 'apiKeys' | 'audit' | 'consoleAccess'>,
): (name: string, role?: StaffRole) => Promise<string> {
  const tokens = new Map<string, Promise<string>>();
  return (name, role = 'admin') => {
    const id = `${role} ${name}`;
    let token = tokens.get(id);
    if (token === undefined) {
      token = createStaffKey({ role, name }, 'test', { repositories }).then((created) => created.token);
      tokens.set(id, token);
    }
    return token;
  };
}

/** Headers that authenticate as `token`, with a JSON content type when there is a body. */
export function bearer(token: string, json = false): Record<string, string> {
  return { authorization: `Bearer ${token}`, ...(json ? { 'content-type': 'application/json' } : {}) };
}
