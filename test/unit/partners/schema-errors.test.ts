import { describe, expect, it } from 'vitest';
import { loadPartnerFile } from '../../../src/partners/index.js';
import { invalid, lineOf, partnersDir, problemLines, writePartner, x12Partner } from './partner-files.js';

const HOST_KEY = 'SHA256:dQ3HVUplHZ6B2lOWeHd92D/f2viRupet3re/EhWJIo4';

/** Writes `acme.yaml` and returns its path and the problem lines loading it gives. */
function problems(content: string | object): { path: string; lines: string[] } {
  const path = writePartner(partnersDir(), 'acme.yaml', content);
  return { path, lines: problemLines(() => loadPartnerFile(path)) };
}

const sftp = (fields: Record<string, unknown>) => ({
  ...x12Partner(),
  transport: {
    type: 'sftp',
    host: 'sftp.acme.example',
    username: 'supplier',
    hostKey: HOST_KEY,
    inbox: '/out',
    outbox: '/in',
    ...fields,
  },
});

describe('partner file schema errors', () => {
  it('names the file, line, path and reason for a missing identity', () => {
    const { identity: _identity, ...rest } = x12Partner();
    const { path, lines } = problems(rest);
    expect(lines).toEqual([
      `${path}:1:1: /identity is required: who they are (ISA05/06, GS02 on their files) and who we are (ISA07/08, GS03)`,
    ]);
  });

  it('points at the line of a bad ISA qualifier and says which are allowed', () => {
    const text = [
      'id: acme',
      'name: Acme',
      'kind: x12',
      'identity:',
      '  theirs: { isaQualifier: XX, isaId: ACME }',
      '  ours: { isaQualifier: ZZ, isaId: SUPPLIER }',
      "x12: { version: '004010' }",
      "documents: { inbound: ['850'] }",
      'transport: { type: folder, inbox: in, outbox: out }',
    ].join('\n');
    const { path, lines } = problems(text);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^${path}:5:\\d+: /identity/theirs/isaQualifier must be one of 01, 02, .*ZZ \\(got 'XX'\\)$`,
      ),
    );
  });

  it('refuses a literal password, says to use env:, and does not repeat the password', () => {
    const { path, lines } = problems(sftp({ password: 'hunter2-secret' }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(`${path}:`);
    expect(lines[0]).toContain('/transport/password must not hold the secret itself');
    expect(lines[0]).toContain('password: { env: VARIABLE_NAME }');
    expect(lines.join('\n')).not.toContain('hunter2');
  });

  it('offers env: or file: for a private key written inline', () => {
    const { lines } = problems(sftp({ privateKey: '-----BEGIN OPENSSH PRIVATE KEY-----' }));
    expect(lines[0]).toContain('/transport/privateKey must not hold the secret itself');
    expect(lines[0]).toContain('privateKey: { env: VARIABLE_NAME } (or privateKey: { file: path/to/file })');
    expect(lines.join('\n')).not.toContain('BEGIN');
  });

  it('refuses marketplace credentials written inline', () => {
    const partner = {
      id: 'acme',
      name: 'Acme on Amazon',
      kind: 'marketplace',
      transport: {
        type: 'marketplace',
        platform: 'amazon',
        account: 'A2EUQ1WTGCTBG2',
        credentials: {
          clientId: { env: 'AMAZON_CLIENT_ID' },
          clientSecret: 'amzn1.oa2-cs.v1.abc',
          refreshToken: { env: 'AMAZON_REFRESH_TOKEN' },
        },
      },
    };
    const { lines } = problems(partner);
    expect(lines).toEqual([
      expect.stringContaining('/transport/credentials/clientSecret must not hold the secret itself'),
    ]);
    expect(lines[0]).not.toContain('amzn1');
  });

  it('reports a bad variable name inside a reference without echoing it', () => {
    const { lines } = problems(sftp({ password: { env: 'hunter2' } }));
    expect(lines).toEqual([
      expect.stringMatching(/\/transport\/password\/env must be an environment variable name in capitals/),
    ]);
    expect(lines[0]).not.toContain('hunter2');
  });

  it('names the transport types for an unknown one, and only that problem', () => {
    const { path, lines } = problems({
      ...x12Partner(),
      transport: { type: 'ftp', host: 'ftp.acme.example' },
    });
    expect(lines).toEqual([
      `${path}:19:3: /transport/type must be one of sftp, as2, folder, http (got 'ftp')`,
    ]);
  });

  it('does not let an X12 partner use a marketplace connection', () => {
    const { lines } = problems({ ...x12Partner(), transport: { type: 'marketplace' } });
    expect(lines).toEqual([
      expect.stringContaining("/transport/type must be one of sftp, as2, folder, http (got 'marketplace')"),
    ]);
  });

  it('requires a kind before anything else can be checked', () => {
    const { lines } = problems({ id: 'acme', name: 'Acme' });
    expect(lines).toEqual([expect.stringContaining('/kind is required: one of x12, marketplace')]);
    expect(problems({ ...x12Partner(), kind: 'edi' }).lines).toEqual([
      expect.stringContaining("/kind must be one of x12, marketplace (got 'edi')"),
    ]);
  });

  it('requires a pinned host key and explains where to get one', () => {
    const { hostKey: _key, ...transport } = sftp({ password: { env: 'ACME_PASSWORD' } }).transport;
    const { lines } = problems({ ...x12Partner(), transport });
    expect(lines).toEqual([
      expect.stringContaining("/transport/hostKey is required: the server's host key fingerprint"),
    ]);
  });

  it('tells to quote a version that YAML read as a number, showing it as written', () => {
    const text = 'id: acme\nname: Acme\nkind: x12\nx12:\n  version: 004010\n';
    const { path, lines } = problems(text);
    expect(lines).toContain(
      `${path}:5:3: /x12/version must be text, but YAML reads 004010 as a number: write it in quotes ('004010')`,
    );
  });

  it('suggests the field meant by a misspelt one', () => {
    const { lines } = problems({ ...x12Partner(), acknowledgments: { functional: '997' } });
    expect(lines).toEqual([
      expect.stringContaining('/acknowledgments is not a known field; did you mean acknowledgements?'),
    ]);
  });

  it('reports every problem of a file at once, in line order', () => {
    const text = [
      'id: acme',
      'name: Acme',
      'kind: x12',
      'identity:',
      '  theirs: { isaQualifier: XX, isaId: ACME }',
      '  ours: { isaQualifier: ZZ, isaId: SUPPLIER }',
      'x12:',
      "  version: '004010'",
      '  usage: X',
      "documents: { inbound: ['850', '860'] }",
      'transport:',
      '  type: sftp',
      '  host: sftp.acme.example',
      '  username: supplier',
      '  password: hunter2',
      '  inbox: /out',
      '  outbox: /in',
    ].join('\n');
    const { path, lines } = problems(text);
    expect(lines.map((line) => line.split(' ')[0])).toEqual([
      `${path}:5:13:`,
      `${path}:9:3:`,
      `${path}:10:31:`,
      `${path}:11:1:`,
      `${path}:${lineOf(text, 'password')}:3:`,
    ]);
    expect(lines.map((line) => line.split(' ')[1])).toEqual([
      '/identity/theirs/isaQualifier',
      '/x12/usage',
      '/documents/inbound/1',
      '/transport/hostKey',
      '/transport/password',
    ]);
  });

  it('explains an empty file and a file that is not a mapping', () => {
    expect(problems('').lines).toEqual([
      expect.stringMatching(/acme\.yaml: is empty: it must be a mapping of fields$/),
    ]);
    expect(problems('- id: acme\n').lines).toEqual([
      expect.stringMatching(/acme\.yaml:1:1: must be a mapping of fields \(got a list\)$/),
    ]);
  });

  it('carries every problem as data too, for tools that show them', () => {
    const path = writePartner(partnersDir(), 'acme.yaml', { ...x12Partner(), x12: { version: '003040' } });
    expect(invalid(() => loadPartnerFile(path)).problems).toEqual([
      expect.objectContaining({ source: path, pointer: '/x12/version', line: 12, column: 3 }),
    ]);
  });
});
