import { describe, expect, it } from 'vitest';
import { loadPartnerFile } from '../../../src/partners/index.js';
import { marketplacePartner, partnersDir, writePartner, x12Partner } from './partner-files.js';

const load = (config: Record<string, unknown>, name = 'acme') =>
  loadPartnerFile(writePartner(partnersDir(), `${name}.yaml`, config));

describe('partner defaults', () => {
  it('fills every default of a minimal 004010 partner', () => {
    expect(load(x12Partner())).toEqual({
      ...x12Partner(),
      enabled: true,
      identity: {
        theirs: { isaQualifier: 'ZZ', isaId: 'ACMESTORES', gsId: 'ACMESTORES' },
        ours: { isaQualifier: 'ZZ', isaId: 'SUPPLIER', gsId: 'SUPPLIER' },
      },
      x12: {
        version: '004010',
        interchangeVersion: '00401',
        delimiters: { element: '*', component: '>', segment: '~', repetition: undefined },
        segmentNewline: false,
        usage: 'P',
      },
      documents: {
        inbound: ['850'],
        outbound: ['855'],
        options: {
          '855': { perOrder: false },
          '856': { perOrder: false, hierarchy: 'SOPI', packageLabel: 'sscc-18' },
          '810': {},
        },
      },
      mappings: {},
      acknowledgements: { functional: '997', ta1: 'auto', expectWithinHours: 24, requestTa1: false },
      duplicates: { windowDays: 30, policy: 'reject' },
      transport: { type: 'folder', inbox: 'in', outbox: 'out', pollSeconds: 60 },
      business: {
        priceTolerancePercent: 0,
        allocation: { strategy: 'single-location-first' },
        currency: 'USD',
      },
    });
  });

  it('derives ISA12, the 005010 separators with ^ for repetition, and the 999 from a 005010 version', () => {
    const partner = load({ ...x12Partner(), x12: { version: '005010X222A1' } });
    if (partner.kind !== 'x12') throw new Error('expected an X12 partner');
    expect(partner.x12.interchangeVersion).toBe('00501');
    expect(partner.x12.delimiters).toEqual({ element: '*', component: ':', segment: '~', repetition: '^' });
    expect(partner.acknowledgements.functional).toBe('999');
  });

  it('takes separators it is given and fills only the missing ones', () => {
    const partner = load({ ...x12Partner(), x12: { version: '005010', delimiters: { element: '|' } } });
    expect(partner.kind === 'x12' && partner.x12.delimiters).toEqual({
      element: '|',
      component: ':',
      segment: '~',
      repetition: '^',
    });
  });

  it('leaves out the repetition separator when ISA12 is set below 00402, whatever GS08 says', () => {
    const partner = load({ ...x12Partner(), x12: { version: '005010', interchangeVersion: '00401' } });
    expect(partner.kind === 'x12' && partner.x12.delimiters.repetition).toBeUndefined();
  });

  it('keeps an explicit choice over a derived default (997 on 005010)', () => {
    const partner = load({
      ...x12Partner(),
      x12: { version: '005010' },
      acknowledgements: { functional: '997' },
    });
    expect(partner.kind === 'x12' && partner.acknowledgements.functional).toBe('997');
  });

  it('puts no carton label on an SOI ship notice', () => {
    const partner = load({
      ...x12Partner(),
      documents: { outbound: ['856'], options: { '856': { hierarchy: 'SOI' } } },
    });
    expect(partner.kind === 'x12' && partner.documents.options['856']).toEqual({
      hierarchy: 'SOI',
      perOrder: false,
      packageLabel: 'none',
    });
  });

  it('fills the SFTP defaults: port 22, a minute between polls, .part while uploading', () => {
    const partner = load({
      ...x12Partner(),
      transport: {
        type: 'sftp',
        host: '203.0.113.7',
        username: 'acme',
        privateKey: { env: 'ACME_SFTP_KEY' },
        hostKey: 'SHA256:dQ3HVUplHZ6B2lOWeHd92D/f2viRupet3re/EhWJIo4',
        inbox: '/out',
        outbox: '/in',
      },
    });
    expect(partner.transport).toMatchObject({ port: 22, pollSeconds: 60, tempSuffix: '.part' });
  });

  it('fills the defaults of a marketplace account', () => {
    expect(load(marketplacePartner(), 'shop')).toEqual({
      ...marketplacePartner(),
      enabled: true,
      duplicates: { windowDays: 30, policy: 'reject' },
      transport: { ...(marketplacePartner()['transport'] as object), pollMinutes: 15, firstPullHours: 24 },
      business: {
        priceTolerancePercent: 0,
        allocation: { strategy: 'single-location-first' },
        currency: 'USD',
      },
    });
  });
});
