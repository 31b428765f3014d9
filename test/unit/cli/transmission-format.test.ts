import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../../src/cli/gateway-runtime.js';
import { transmissionTable } from '../../../src/cli/transmission-format.js';
import type { TransmissionSummary } from '../../../src/store/index.js';

const row = (overrides: Partial<TransmissionSummary>): TransmissionSummary => ({
  id: '6a4b78d0-e376-451f-a92e-00596ee48402',
  direction: 'inbound',
  partnerId: 'acme',
  channel: 'folder',
  sha256: 'ab'.repeat(32),
  size: 1234,
  sourceRef: 'po-1.edi',
  sourcePath: null,
  archiveRef: null,
  receivedAt: new Date('2026-03-01T10:20:30.456Z'),
  status: 'processed',
  attempts: 1,
  lastError: null,
  ...overrides,
});

describe('transmissionTable', () => {
  it('aligns one row per transmission under the column names, sizes to the right', () => {
    const table = transmissionTable([
      row({}),
      row({
        id: '40a6be5a-db8d-874d-a92b-5afa8bbc2028',
        direction: 'outbound',
        partnerId: null,
        size: 56,
        status: 'failed',
        sourceRef: '997-000000001.x12',
        lastError: `delivery failed after 5 attempt(s):\n${'x'.repeat(80)}`,
      }),
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toBe(
      `id${' '.repeat(36)}direction  partner  status     received at${' '.repeat(11)}size  source name${' '.repeat(8)}PO numbers  types  last error`,
    );
    expect(lines[1]).toBe(
      '6a4b78d0-e376-451f-a92e-00596ee48402  inbound    acme     processed  2026-03-01 10:20:30Z  1234  po-1.edi           -           -',
    );
    expect(lines[2]).toContain(
      'outbound   -        failed     2026-03-01 10:20:30Z    56  997-000000001.x12  -           -      ',
    );
    // The last error on one line, cut to 60 characters.
    expect(lines[2]?.endsWith(`delivery failed after 5 attempt(s): ${'x'.repeat(23)}…`)).toBe(true);
    expect(lines).toHaveLength(4);
  });

  it('says so when there is nothing to list', () => {
    expect(transmissionTable([])).toBe('no transmissions\n');
  });
});

describe('redactUrl', () => {
  it('hides a password and keeps the rest', () => {
    expect(redactUrl('redis://:s3cret@cache:6379')).toBe('redis://:***@cache:6379');
    expect(redactUrl('postgres://edi:pw@db:5432/edi')).toBe('postgres://edi:***@db:5432/edi');
    expect(redactUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });
});
