import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCertificates } from '../../../src/cli/gateway-runtime.js';
import { PartnerRegistry } from '../../../src/partners/index.js';
import { certificateNotices } from '../../../src/transports/as2/certificate-expiry.js';
import { testLogger } from '../test-logger.js';
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

/** The northwind-health partner file, with its certificate `theirs` and `enabled` as given. */
const northwind = (theirs: string, enabled = false) =>
  readFileSync('partners/northwind-health.yaml', 'utf8')
    .replace('certs/northwind-health-as2.crt', theirs)
    .replace('certs/acme-supply-as2.crt', join(process.cwd(), 'partners/certs/acme-supply-as2.crt'))
    .replace('enabled: false', `enabled: ${enabled}`);

/** A registry of one partner file, written to a folder of its own. */
function registryOf(name: string, yaml: string): PartnerRegistry {
  const folder = mkdtempSync(join(dir, `${name}-`));
  writeFileSync(join(folder, 'northwind-health.yaml'), yaml);
  return PartnerRegistry.fromDirectory(folder);
}

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
    writeFileSync(file('northwind-health.yaml'), northwind(file('short.crt')));
    const run = await runCli('partner', 'check', file('northwind-health.yaml'));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `^warning: ${file('northwind-health.yaml')}: /transport/theirCertificate ${file('short.crt')} expires on .*, in (9|10) days`,
        'm',
      ),
    );
  });

  it('serve prints certificates that expire soon, starts with an expired one, and refuses an unreadable one', () => {
    const lines: string[] = [];
    const say = (line: string) => lines.push(line);
    const now = Date.now();
    checkCertificates(
      registryOf('soon', northwind(file('short.crt'), true)),
      say,
      testLogger(),
      new Date(now),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^certificates: warning: partner northwind-health: \/transport\/theirCertificate .*short\.crt expires on .*, in (9|10) days/,
    );
    lines.length = 0;
    const expiredAt = new Date(now + 40 * DAY);
    checkCertificates(
      registryOf('expired', northwind(file('short.crt'), true)),
      say,
      testLogger(),
      expiredAt,
    );
    expect(lines.join('\n')).toMatch(
      /^certificates: error: partner northwind-health: .*short\.crt expired on/m,
    );
    lines.length = 0;
    // A disabled partner is not served: nothing to say about its certificates.
    checkCertificates(registryOf('off', northwind(file('short.crt'))), say, testLogger(), expiredAt);
    expect(lines).toEqual([]);
    expect(() =>
      checkCertificates(
        registryOf('missing', northwind(file('missing.crt'), true)),
        say,
        testLogger(),
        new Date(now),
      ),
    ).toThrow(
      /partner northwind-health: \/transport\/theirCertificate .*missing\.crt cannot be read \(ENOENT\)/,
    );
  });
});
