// A self-signed RSA 2048 certificate and its key, made by openssl for a benchmark run.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Writes `<name>.crt` and `<name>.key` into `dir`; returns their paths. */
export function opensslParty(dir, name, days = 365) {
  execFileSync(
    'openssl',
    [
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
    ],
    { cwd: dir, stdio: 'ignore' },
  );
  return { certificate: join(dir, `${name}.crt`), key: join(dir, `${name}.key`) };
}
