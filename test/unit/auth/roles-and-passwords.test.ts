import { describe, expect, it } from 'vitest';
import { hashPassword, passwordMatches, roleAllows } from '../../../src/auth/index.js';

describe('roleAllows', () => {
  it('orders staff roles and keeps partner keys apart', () => {
    expect(roleAllows('admin', 'viewer')).toBe(true);
    expect(roleAllows('operator', 'operator')).toBe(true);
    expect(roleAllows('operator', 'admin')).toBe(false);
    expect(roleAllows('viewer', 'operator')).toBe(false);
    expect(roleAllows('partner', 'viewer')).toBe(false);
    expect(roleAllows('admin', 'partner')).toBe(false);
    expect(roleAllows('partner', 'partner')).toBe(true);
    expect(roleAllows('root', 'viewer')).toBe(false);
  });
});

describe('password hashes', () => {
  it('matches the password it was made from, salted so two hashes differ', async () => {
    const first = await hashPassword('correct horse battery staple');
    const second = await hashPassword('correct horse battery staple');
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(first).not.toBe(second);
    expect(await passwordMatches('correct horse battery staple', first)).toBe(true);
    expect(await passwordMatches('correct horse battery stapler', first)).toBe(false);
    expect(await passwordMatches('', first)).toBe(false);
  });

  it('refuses a malformed hash instead of throwing', async () => {
    expect(await passwordMatches('x', 'bcrypt$whatever')).toBe(false);
    expect(await passwordMatches('x', 'scrypt$0$8$1$AAAA$AAAA')).toBe(false);
  });
});
