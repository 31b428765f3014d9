import { describe, expect, it } from 'vitest';
import { type SftpTransportSettings, createSftpTransport } from '../../../src/transports/index.js';
import { resolveSftpSettings } from '../../../src/transports/sftp/sftp-settings.js';

const settings: SftpTransportSettings = {
  host: 'sftp.bigbox.example',
  port: 22,
  username: 'acme',
  password: 'secret',
  hostKey: 'SHA256:07Oj91LXjKm3omc7g+Q7r3yUC2M+sRJIQYEWVVpLySo',
  inbox: '/out',
  outbox: '/in',
};

function refusal(change: Partial<SftpTransportSettings>, options = {}): { code?: string; message?: string } {
  try {
    createSftpTransport({ ...settings, ...change }, { label: 'partner bigbox-retail', ...options });
    return {};
  } catch (error) {
    return { code: (error as { code?: string }).code, message: (error as Error).message };
  }
}

describe('SFTP transport settings', () => {
  it('fills the documented defaults', () => {
    const resolved = resolveSftpSettings(settings, {});
    expect(resolved).toMatchObject({
      tempSuffix: '.part',
      completion: 'stable',
      settleMs: 54_000,
      takenLeaseMs: 15 * 60_000,
      maxConnections: 2,
      idleCloseMs: 30_000,
      timeouts: { connectMs: 20_000, operationMs: 30_000, transferMs: 300_000 },
      archive: undefined,
      origin: 'sftp://acme@sftp.bigbox.example:22',
    });
    expect(resolved.party.where).toBe('SFTP acme@sftp.bigbox.example:22');
    expect(resolveSftpSettings({ ...settings, pollSeconds: 10 }, {}).settleMs).toBe(9_000);
  });

  it('names the partner and brackets an IPv6 address', () => {
    const resolved = resolveSftpSettings({ ...settings, host: '::1', port: 2222 }, { label: 'partner x' });
    expect(resolved.party.where).toBe('partner x (SFTP acme@[::1]:2222)');
    expect(resolved.origin).toBe('sftp://acme@[::1]:2222');
  });

  it('refuses settings that could never work, naming the setting', () => {
    const badKey = refusal({ hostKey: 'MD5:16:27:ac:a5' });
    expect(badKey.code).toBe('transport-refused');
    expect(badKey.message).toContain(
      'partner bigbox-retail (SFTP acme@sftp.bigbox.example:22): hostKey "MD5:16:27:ac:a5"',
    );
    expect(refusal({ password: undefined }).message).toContain('neither a password nor a private key');
    expect(refusal({ tempSuffix: '' }).message).toContain('tempSuffix');
    expect(refusal({ completion: { doneSuffix: 'x/.done' } }).message).toContain('doneSuffix');
    expect(refusal({}, { maxConnections: 0 }).message).toContain('maxConnections');
    expect(refusal({})).toEqual({});
  });
});
