import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
