import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { certificateNotices } from '../../../src/transports/as2/certificate-expiry.js';
import { runCli } from '../../unit/cli/run-cli.js';

/** Certificates made by openssl for this run, valid for 10 days from now. */
const dir = mkdtempSync(join(tmpdir(), 'as2-expiry-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => join(dir, name);
execFileSync(
  'openssl',
  [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    file('short.key'),
    '-out',
    file('short.crt'),
    '-days',
    '10',
    '-subj',
    '/CN=short',
  ],
  { stdio: 'ignore' },
);
writeFileSync(file('broken.crt'), '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
const DAY = 24 * 3600 * 1000;

describe('AS2 certificate dates', () => {
  it('warns 30 days ahead, and refuses an expired, unreadable or broken certificate', () => {
    const now = Date.now();
    const notices = (at: number) =>
      certificateNotices({ '/transport/theirCertificate': file('short.crt') }, new Date(at));
    const expired = notices(now + 40 * DAY)[0];
    expect(expired?.severity).toBe('error');
    expect(expired?.message).toContain('expired on');
    const soon = notices(now)[0];
    expect(soon).toMatchObject({ pointer: '/transport/theirCertificate', severity: 'warning' });
    expect(soon?.message).toMatch(/expires on \d{4}-\d{2}-\d{2}, in (9|10) days: exchange a new certificate/);
    expect(notices(now - 2 * DAY)[0]?.message).toContain('is not valid before');
    expect(
      certificateNotices({ '/transport/theirCertificate': file('short.crt') }, new Date(now), 5),
    ).toEqual([]);
    expect(certificateNotices({ '/x': file('missing.crt') }, new Date(now))[0]?.message).toBe(
      `${file('missing.crt')} cannot be read (ENOENT)`,
    );
    expect(certificateNotices({ '/x': file('broken.crt') }, new Date(now))[0]?.severity).toBe('error');
  });

  it('partner check prints the warning for the partner file that names it', async () => {
    const partner = readFileSync('partners/northwind-health.yaml', 'utf8')
      .replace('certs/northwind-health-as2.crt', file('short.crt'))
      .replace('certs/acme-supply-as2.crt', join(process.cwd(), 'partners/certs/acme-supply-as2.crt'));
    writeFileSync(file('northwind-health.yaml'), partner);
    const run = await runCli('partner', 'check', file('northwind-health.yaml'));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `^warning: ${file('northwind-health.yaml')}: /transport/theirCertificate ${file('short.crt')} expires on .*, in (9|10) days`,
        'm',
      ),
    );
  });
});
