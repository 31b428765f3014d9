import { describe, expect, it } from 'vitest';
import { hostKeyFingerprint } from '../../../src/transports/index.js';
import { normalisedFingerprint } from '../../../src/transports/sftp/host-key.js';

// `ssh-keygen -lf` on this public key printed: 256 SHA256:07Oj91LXjKm3omc7g+Q7r3yUC2M+sRJIQYEWVVpLySo probe (ED25519)
const PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILeqwWsmWfFKlSXxHbzF4jFvOJN9sAQjkQzUODZT9Mbl probe';
const PRINTED = 'SHA256:07Oj91LXjKm3omc7g+Q7r3yUC2M+sRJIQYEWVVpLySo';

describe('host key fingerprints', () => {
  it('gives what ssh-keygen -lf prints for the same key', () => {
    const blob = Buffer.from(PUBLIC_KEY.split(' ')[1]!, 'base64');
    expect(hostKeyFingerprint(blob)).toBe(PRINTED);
  });

  it('has no base64 padding, so it is SHA256: and 43 characters', () => {
    expect(hostKeyFingerprint(Buffer.from('any key blob'))).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });

  it('accepts a pinned fingerprint with padding or spaces around it, and nothing else', () => {
    expect(normalisedFingerprint(` ${PRINTED}= `)).toBe(PRINTED);
    expect(normalisedFingerprint(PRINTED.slice(7))).toBeUndefined();
    expect(normalisedFingerprint('MD5:16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48')).toBeUndefined();
    expect(normalisedFingerprint(`${PRINTED}x`)).toBeUndefined();
  });
});
