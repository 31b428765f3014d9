import { describe, expect, it } from 'vitest';
import { redactText } from '../../../src/observability/index.js';

describe('redactText', () => {
  it('masks the password of a URL and keeps the user and host', () => {
    expect(redactText('connect to postgres://edi:s3cr:et@db.internal:5432/edi refused')).toBe(
      'connect to postgres://edi:***@db.internal:5432/edi refused',
    );
    expect(redactText('redis://:hunter2@cache:6379')).toBe('redis://:***@cache:6379');
  });

  it('keeps a URL without a password as it is, its user included', () => {
    expect(redactText('postgres://edi@db.example.com/edi')).toBe('postgres://edi@db.example.com/edi');
  });

  it('keeps the id of a gateway API key and masks its secret', () => {
    const key = 'edik_3f9a0c1b7e42_q7Lw-Zx9_abcdefghijklmnopqrstuvwxyz0123456789';
    expect(redactText(`refused key ${key} for acme`)).toBe('refused key edik_3f9a0c1b7e42_*** for acme');
  });

  it('masks bearer and basic credentials', () => {
    expect(redactText('Authorization: Bearer eyJhbGciOi.J9.xyz')).toBe('Authorization: Bearer ***');
    expect(redactText('basic dXNlcjpwYXNz')).toBe('basic ***');
  });

  it('masks secret query parameters and leaves the others', () => {
    expect(redactText('/api/transmissions?apiKey=abc123&partner=acme&token=t0k')).toBe(
      '/api/transmissions?apiKey=***&partner=acme&token=***',
    );
  });

  it('masks e-mail addresses', () => {
    expect(redactText('notify buyer.one+edi@acme-retail.co.uk and ops@example.com')).toBe(
      'notify ***@*** and ***@***',
    );
  });

  it('leaves text without secrets unchanged', () => {
    const text = 'ISA13 000000123 from acme: 2 transaction sets, GS06 17';
    expect(redactText(text)).toBe(text);
  });
});
