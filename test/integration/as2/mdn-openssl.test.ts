import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keyPairFromPem } from '../../../src/transports/as2/cms/index.js';
import {
  buildMdn,
  entityBytes,
  MDN_ERRORS,
  parseEntity,
  readMdn,
} from '../../../src/transports/as2/mime/index.js';

/** Signed MDNs both ways with `openssl cms` as the partner. */
const dir = mkdtempSync(join(tmpdir(), 'as2-mdn-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const path = (name: string) => join(dir, name);
const openssl = (...args: string[]) =>
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
function party(name: string) {
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
    '30',
    '-subj',
    `/CN=${name}`,
  );
  return keyPairFromPem(readFileSync(path(`${name}.crt`), 'utf8'), readFileSync(path(`${name}.key`), 'utf8'));
}
const us = party('us');
const them = party('them');
const stranger = party('stranger');
const mic = 'ZPn/1mT0ZKjMKbTSBcBeULl1nZQzBJHMC0ShmOsF0w4=, sha-256';

describe('MDNs', () => {
  it('openssl verifies our signed MDN, and we read back what it reports', async () => {
    const mdn = await buildMdn(
      {
        reportingName: 'ACMESUPPLY',
        originalMessageId: '<42@them>',
        mic,
        explanation: 'Received and stored.',
      },
      { keyPair: us, digest: 'sha256' },
    );
    writeFileSync(path('ours.eml'), entityBytes(mdn));
    const report = openssl(
      'cms',
      '-verify',
      '-in',
      'ours.eml',
      '-CAfile',
      'us.crt',
      '-purpose',
      'any',
    ).toString();
    expect(report).toContain('Disposition: automatic-action/MDN-sent-automatically; processed');
    expect(await readMdn(mdn, [us.certificate])).toEqual({
      signed: true,
      originalMessageId: '<42@them>',
      mic,
      disposition: 'processed',
    });
  });

  it.each(MDN_ERRORS)('reads their signed negative MDN (%s) and checks it is theirs', async (error) => {
    const report = await buildMdn({
      reportingName: 'THEM',
      originalMessageId: '<7@us>',
      error,
      explanation: 'Not processed.',
    });
    writeFileSync(path('report.eml'), entityBytes(report));
    openssl(
      'cms',
      '-sign',
      '-in',
      'report.eml',
      '-signer',
      'them.crt',
      '-inkey',
      'them.key',
      '-md',
      'sha256',
      '-out',
      'theirs.eml',
    );
    const received = parseEntity(readFileSync(path('theirs.eml')));
    expect(await readMdn(received, [them.certificate])).toEqual({
      signed: true,
      originalMessageId: '<7@us>',
      disposition: `processed/error: ${error}`,
      error,
    });
    const forged = await readMdn(received, [stranger.certificate]);
    expect(forged.signatureProblem).toBe("the signer is none of the partner's certificates");
    expect(forged.error).toBe(error);
  });

  it('says what is wrong with a response that is no MDN', async () => {
    await expect(
      readMdn(parseEntity(Buffer.from('Content-Type: text/html\r\n\r\n<h1>502</h1>')), []),
    ).rejects.toThrow('the MDN is not a multipart/report (Content-Type: text/html)');
  });
});
