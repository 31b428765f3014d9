import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { opensslWorkspace } from './openssl-partner.js';
import {
  buildMdn,
  entityBytes,
  MDN_ERRORS,
  parseEntity,
  readMdn,
} from '../../../src/transports/as2/mime/index.js';

/** Signed MDNs both ways with `openssl cms` as the partner. */
const workspace = opensslWorkspace('as2-mdn-');
afterAll(() => workspace.dispose());
const { path, openssl } = workspace;
const party = (name: string) => workspace.party(name);
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
