import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyPairFromPem, type KeyPair } from '../../../src/transports/as2/cms/index.js';

/** A folder where `openssl` plays the AS2 partner: it makes keys and certificates and runs there. */
export interface OpensslWorkspace {
  path: (name: string) => string;
  /** Runs `openssl` with these arguments in the folder; its stdout. Throws on a non-zero exit. */
  openssl: (...args: string[]) => Buffer;
  /** A self-signed RSA-2048 certificate `<name>.crt` and key `<name>.key`, loaded as a key pair. */
  party: (name: string, days?: number) => KeyPair;
  /** Like `party`, with a certificate that was valid in 2020 only (made by `openssl ca`). */
  expiredParty: (name: string) => KeyPair;
  dispose: () => void;
}

export function opensslWorkspace(prefix: string): OpensslWorkspace {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const path = (name: string) => join(dir, name);
  const openssl = (...args: string[]) =>
    execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  return {
    path,
    openssl,
    party: (name, days = 30) => {
      openssl(
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        `${name}.key`,
        '-out',
        `${name}.crt`,
        '-days',
        String(days),
        '-subj',
        `/CN=${name}`,
      );
      return keyPairFromPem(
        readFileSync(path(`${name}.crt`), 'utf8'),
        readFileSync(path(`${name}.key`), 'utf8'),
      );
    },
    expiredParty: (name) => {
      writeFileSync(
        path(`${name}-ca.cnf`),
        `[ca]\ndefault_ca = own\n[own]\ndatabase = ${name}-index.txt\nnew_certs_dir = .\nserial = ${name}-serial\n` +
          'default_md = sha256\npolicy = any\n[any]\ncommonName = supplied\n',
      );
      writeFileSync(path(`${name}-index.txt`), '');
      writeFileSync(path(`${name}-serial`), '01\n');
      openssl(
        'req',
        '-new',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        `${name}.key`,
        '-out',
        `${name}.csr`,
        '-subj',
        `/CN=${name}`,
      );
      openssl(
        'ca',
        '-batch',
        '-config',
        `${name}-ca.cnf`,
        '-selfsign',
        '-keyfile',
        `${name}.key`,
        '-in',
        `${name}.csr`,
        '-out',
        `${name}.crt`,
        '-startdate',
        '20200101000000Z',
        '-enddate',
        '20210101000000Z',
      );
      return keyPairFromPem(
        readFileSync(path(`${name}.crt`), 'utf8'),
        readFileSync(path(`${name}.key`), 'utf8'),
      );
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
