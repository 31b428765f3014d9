import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  formatApiKey,
  hashSecret,
  newApiKeyParts,
  parseApiKey,
  secretMatches,
} from '../../../src/auth/index.js';

describe('API key tokens', () => {
  it('makes a 12-hex-digit id and a 256-bit base64url secret, and reads back what it formats', () => {
    const parts = newApiKeyParts();
    expect(parts.id).toMatch(/^[0-9a-f]{12}$/);
    expect(Buffer.from(parts.secret, 'base64url')).toHaveLength(32);
    const token = formatApiKey(parts);
    expect(token).toBe(`edik_${parts.id}_${parts.secret}`);
    expect(parseApiKey(token)).toEqual(parts);
    expect(parseApiKey(`  ${token}\n`)).toEqual(parts);
  });

  it('keeps an underscore in the secret, which base64url may hold', () => {
    const secret = `${'_'.repeat(3)}${'a'.repeat(40)}`;
    expect(parseApiKey(`edik_0123456789ab_${secret}`)).toEqual({ id: '0123456789ab', secret });
  });

  it.each([
    ['', 'empty'],
    ['edik_0123456789ab', 'no secret'],
    [`edik_0123456789AB_${'a'.repeat(43)}`, 'upper-case id'],
    [`edik_0123456789ab_${'a'.repeat(42)}`, 'short secret'],
    [`edik_0123456789ab_${'a'.repeat(42)}=`, 'padded secret'],
    [`ekid_0123456789ab_${'a'.repeat(43)}`, 'another prefix'],
  ])('refuses %j (%s)', (text) => {
    expect(parseApiKey(text)).toBeUndefined();
  });

  it('stores the SHA-256 hex of the secret and matches only that secret', () => {
    const { secret } = newApiKeyParts();
    const stored = hashSecret(secret);
    expect(stored).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(secretMatches(secret, stored)).toBe(true);
    expect(secretMatches(newApiKeyParts().secret, stored)).toBe(false);
    expect(secretMatches(secret, 'not hex')).toBe(false);
  });
});
