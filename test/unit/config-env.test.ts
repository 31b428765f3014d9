import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.js';
import { GatewayError } from '../../src/errors/index.js';

function configError(env: Record<string, string | undefined>): GatewayError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    return error as GatewayError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('fills every default when nothing is set, and leaves DATABASE_URL unset (embedded database)', () => {
    expect(loadConfig({})).toEqual({
      PORT: 8080,
      HOST: '0.0.0.0',
      REDIS_URL: 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: '{edi}',
      PARTNERS_DIR: './partners',
      MAPPINGS_DIR: './mappings',
      ARCHIVE_DIR: './data/archive',
      DATA_DIR: './data',
      INTAKE_MAX_BYTES: 52_428_800,
      HTTP_REQUEST_TIMEOUT_MS: 60_000,
      LOG_LEVEL: 'info',
    });
  });

  it('reads HOST as an address or a name, and refuses one with spaces or a scheme', () => {
    expect(loadConfig({ HOST: '127.0.0.1' }).HOST).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '::' }).HOST).toBe('::');
    expect(configError({ HOST: 'http://gateway' }).message).toMatch(
      /HOST="http:\/\/gateway" must match pattern/,
    );
    expect(configError({ HOST: 'two words' }).message).toMatch(/^invalid configuration: HOST="two words"/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' })).toMatchObject({ PORT: 8080 });
    expect(loadConfig({ DATABASE_URL: '' })).not.toHaveProperty('DATABASE_URL');
  });

  it('reads the values that are set, PORT as a number, and ignores unrelated variables', () => {
    const config = loadConfig({
      PORT: '9000',
      DATABASE_URL: 'postgres://edi:secret@db:5432/edi',
      REDIS_URL: 'rediss://cache:6380',
      LOG_LEVEL: 'debug',
      HOME: '/home/edi',
    });

    expect(config).toMatchObject({
      PORT: 9000,
      DATABASE_URL: 'postgres://edi:secret@db:5432/edi',
      REDIS_URL: 'rediss://cache:6380',
      LOG_LEVEL: 'debug',
    });
    expect(config).not.toHaveProperty('HOME');
  });

  it('accepts a postgresql:// DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://localhost/edi' }).DATABASE_URL).toBe(
      'postgresql://localhost/edi',
    );
  });

  it.each([
    ['abc', 'invalid configuration: PORT="abc" must be a whole number from 1 to 65535'],
    ['70000', 'invalid configuration: PORT=70000 must be <= 65535'],
    ['0', 'invalid configuration: PORT=0 must be >= 1'],
  ])('rejects PORT=%s with a permanent config-invalid error naming PORT', (port, message) => {
    const error = configError({ PORT: port });

    expect(error.code).toBe('config-invalid');
    expect(error.permanent).toBe(true);
    expect(error.message).toBe(message);
  });

  it('rejects a DATABASE_URL that is not postgres, naming the variable', () => {
    const error = configError({ DATABASE_URL: 'mysql://x' });

    expect(error.code).toBe('config-invalid');
    expect(error.message).toBe(
      'invalid configuration: DATABASE_URL="mysql://x" must match pattern "^postgres(ql)?://"',
    );
  });

  it('names every bad variable at once', () => {
    const error = configError({ PORT: 'abc', DATABASE_URL: 'mysql://x', REDIS_URL: 'http://cache' });

    expect(error.message).toMatch(/^invalid configuration: /);
    expect(error.message).toContain('PORT="abc"');
    expect(error.message).toContain('DATABASE_URL="mysql://x"');
    expect(error.message).toContain('REDIS_URL="http://cache"');
  });

  it('rejects an unknown LOG_LEVEL, naming it', () => {
    expect(configError({ LOG_LEVEL: 'loud' }).message).toContain('LOG_LEVEL="loud"');
  });

  it('takes the TLS files together only: a certificate without its key, a client CA without HTTPS', () => {
    expect(configError({ TLS_CERT_FILE: 'cert.pem' }).message).toContain(
      'TLS_CERT_FILE and TLS_KEY_FILE must be set together',
    );
    expect(configError({ TLS_CLIENT_CA_FILE: 'ca.pem' }).message).toContain(
      'TLS_CLIENT_CA_FILE needs TLS_CERT_FILE and TLS_KEY_FILE',
    );
    expect(
      loadConfig({ TLS_CERT_FILE: 'cert.pem', TLS_KEY_FILE: 'key.pem', TLS_CLIENT_CA_FILE: 'ca.pem' }),
    ).toMatchObject({ TLS_CERT_FILE: 'cert.pem', TLS_KEY_FILE: 'key.pem', TLS_CLIENT_CA_FILE: 'ca.pem' });
  });
});
