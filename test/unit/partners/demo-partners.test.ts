import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPartners, type PartnerConfig, type X12PartnerConfig } from '../../../src/partners/index.js';

const partners = loadPartners('partners');
const x12 = (id: string): X12PartnerConfig => {
  const partner: PartnerConfig | undefined = partners.find((p) => p.id === id);
  if (partner?.kind !== 'x12') throw new Error(`${id} is not a loaded X12 partner`);
  return partner;
};

describe('the demo partners', () => {
  it('all load, in file name order; the AS2 one is disabled until its private key is mounted', () => {
    expect(partners.map((p) => p.id)).toEqual([
      'bigbox-retail',
      'dropship-direct',
      'harbor-home',
      'northwind-health',
    ]);
    expect(partners.map((p) => [p.id, p.enabled])).toEqual([
      ['bigbox-retail', true],
      ['dropship-direct', true],
      ['harbor-home', true],
      ['northwind-health', false],
    ]);
  });

  it('load with their mapping overrides present in the mappings folder', () => {
    expect(loadPartners('partners', { mappingsDir: 'mappings' })).toEqual(partners);
  });

  it('bigbox-retail: VICS 004010 over SFTP, SOTPI 856s with SSCC-18 and its own 856 mapping', () => {
    const partner = x12('bigbox-retail');
    expect(partner.x12).toEqual({
      version: '004010VICS',
      interchangeVersion: '00401',
      delimiters: { element: '*', component: '>', segment: '~', repetition: undefined },
      segmentNewline: true,
      usage: 'P',
    });
    expect(partner.documents.outbound).toEqual(['855', '856', '810']);
    expect(partner.documents.options['856']).toEqual({
      hierarchy: 'SOTPI',
      packageLabel: 'sscc-18',
      perOrder: false,
    });
    expect(partner.mappings).toEqual({ '856': { overrides: 'partners/bigbox-retail/856.yaml' } });
    expect(partner.acknowledgements).toEqual({
      functional: '997',
      ta1: 'auto',
      expectWithinHours: 24,
      requestTa1: false,
    });
    expect(partner.transport).toMatchObject({
      type: 'sftp',
      port: 22,
      password: { env: 'BIGBOX_SFTP_PASSWORD' },
      hostKey: expect.stringMatching(/^SHA256:/) as unknown,
      tempSuffix: '.part',
    });
    expect(partner.business).toMatchObject({
      priceTolerancePercent: 0,
      allocation: { strategy: 'single-location-first' },
    });
  });

  it('northwind-health: 005010 with | ^ : ~, 999 and TA1 both ways, AS2 with certificate files beside it', () => {
    const partner = x12('northwind-health');
    expect(partner.x12.interchangeVersion).toBe('00501');
    expect(partner.x12.delimiters).toEqual({ element: '|', repetition: '^', component: ':', segment: '~' });
    expect(partner.acknowledgements).toMatchObject({ functional: '999', ta1: 'always', requestTa1: true });
    expect(partner.identity.theirs).toEqual({ isaQualifier: '01', isaId: '079823541', gsId: 'NWHEALTH' });
    if (partner.transport.type !== 'as2') throw new Error('northwind-health should use AS2');
    // Written relative to the partner file; loaded as absolute paths.
    expect(partner.transport.ourCertificate.file).toBe(resolve('partners/certs/acme-supply-as2.crt'));
    expect(partner.transport.theirCertificate).toEqual({
      file: resolve('partners/certs/northwind-health-as2.crt'),
    });
    expect(partner.transport).toMatchObject({ signing: 'sha256', encryption: 'aes256-cbc', mdn: 'sync' });
  });

  it('dropship-direct: 855 and 856 per order, folder transport, split shipments, 004010 defaults', () => {
    const partner = x12('dropship-direct');
    expect(partner.documents.options).toEqual({
      '855': { perOrder: true },
      '856': { hierarchy: 'SOPI', perOrder: true, packageLabel: 'sscc-18' },
      '810': {},
    });
    expect(partner.x12.delimiters).toEqual({
      element: '*',
      component: '>',
      segment: '~',
      repetition: undefined,
    });
    expect(partner.acknowledgements.functional).toBe('997');
    expect(partner.identity.ours.gsId).toBe('ACMESUPPLY');
    expect(partner.transport).toMatchObject({ type: 'folder', pollSeconds: 30 });
    expect(partner.business.allocation.strategy).toBe('split-allowed');
    expect(partner.duplicates).toEqual({ windowDays: 14, policy: 'accept-and-flag' });
  });

  it('differ in transport, version and acknowledgement', () => {
    const summary = ['bigbox-retail', 'northwind-health', 'dropship-direct'].map((id) => {
      const p = x12(id);
      return [p.transport.type, p.x12.version, p.acknowledgements.functional, p.x12.delimiters.element];
    });
    expect(summary).toEqual([
      ['sftp', '004010VICS', '997', '*'],
      ['as2', '005010', '999', '|'],
      ['folder', '004010', '997', '*'],
    ]);
  });
});
