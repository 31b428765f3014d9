import { readFileSync } from 'node:fs';
import { certificateFromPem } from './cms/keys.js';

/** What a certificate's dates mean for a partner that uses it. */
export interface CertificateNotice {
  /** JSON pointer of the setting that names the file. */
  pointer: string;
  severity: 'error' | 'warning';
  /** `unusable`: the file cannot be read or holds no certificate; the others are about its dates. */
  kind: 'unusable' | 'not-yet-valid' | 'expired' | 'expiring';
  message: string;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * Problems and warnings about the certificates an AS2 transport names: a file that cannot be
 * read or is no certificate, one not valid yet or expired (errors), one that expires within
 * `warnDays` (a warning, so that a rollover is planned).
 *
 * @example
 * certificateNotices({ '/transport/theirCertificate': '/etc/edi/theirs.crt' }, new Date());
 * // [{ pointer: '/transport/theirCertificate', severity: 'warning', message: 'expires on 2027-01-02, in 28 days: ...' }]
 */
export function certificateNotices(
  files: Readonly<Record<string, string>>,
  now: Date,
  warnDays = 30,
): CertificateNotice[] {
  const notices: CertificateNotice[] = [];
  for (const [pointer, file] of Object.entries(files)) {
    let pem: string;
    try {
      pem = readFileSync(file, 'utf8');
    } catch (error) {
      notices.push({
        pointer,
        severity: 'error',
        kind: 'unusable',
        message: `${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      });
      continue;
    }
    let notBefore: Date;
    let notAfter: Date;
    try {
      const certificate = certificateFromPem(pem, file);
      notBefore = certificate.notBefore.value;
      notAfter = certificate.notAfter.value;
    } catch (error) {
      notices.push({ pointer, severity: 'error', kind: 'unusable', message: (error as Error).message });
      continue;
    }
    const day = (date: Date) => date.toISOString().slice(0, 10);
    if (notBefore.getTime() > now.getTime()) {
      notices.push({
        pointer,
        severity: 'error',
        kind: 'not-yet-valid',
        message: `${file} is not valid before ${day(notBefore)}`,
      });
    } else if (notAfter.getTime() <= now.getTime()) {
      notices.push({
        pointer,
        severity: 'error',
        kind: 'expired',
        message: `${file} expired on ${day(notAfter)}: exchange a new certificate with the partner`,
      });
    } else {
      const days = Math.floor((notAfter.getTime() - now.getTime()) / DAY_MS);
      if (days < warnDays) {
        notices.push({
          pointer,
          severity: 'warning',
          kind: 'expiring',
          message: `${file} expires on ${day(notAfter)}, in ${days} day${days === 1 ? '' : 's'}: exchange a new certificate with the partner before then`,
        });
      }
    }
  }
  return notices;
}
