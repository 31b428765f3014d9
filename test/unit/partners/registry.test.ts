import { describe, expect, it } from 'vitest';
import { PartnerError, PartnerRegistry, loadPartnerFile, loadPartners } from '../../../src/partners/index.js';
import { invalid, marketplacePartner, partnersDir, writePartner, x12Partner } from './partner-files.js';

const registry = new PartnerRegistry(loadPartners('partners'));

describe('PartnerRegistry', () => {
  it('finds the partner of an inbound interchange by ISA05/ISA06, padding ignored', () => {
    expect(registry.byInterchangeSender('08', '9254110000     ')?.id).toBe('bigbox-retail');
    expect(registry.byInterchangeSender(' 01', '079823541')?.id).toBe('northwind-health');
    expect(registry.byInterchangeSender('ZZ', 'DROPSHIPDIRECT ')?.id).toBe('dropship-direct');
  });

  it('compares ids exactly, case included, and wants the qualifier too', () => {
    expect(registry.byInterchangeSender('ZZ', 'dropshipdirect')).toBeUndefined();
    expect(registry.byInterchangeSender('01', 'DROPSHIPDIRECT')).toBeUndefined();
    expect(registry.byInterchangeSender('ZZ', 'ACMESUPPLY')).toBeUndefined(); // that is us, not a partner
  });

  it('finds partners by id, and lists them all', () => {
    expect(registry.byId('northwind-health')?.name).toBe('Northwind Health Supply');
    expect(registry.byId('nobody')).toBeUndefined();
    expect(registry.all().map((p) => p.id)).toEqual([
      'bigbox-retail',
      'dropship-direct',
      'harbor-home',
      'northwind-health',
    ]);
  });

  it('names the known partners when asked for an unknown one', () => {
    expect(() => registry.get('bigbox')).toThrow(
      "there is no partner 'bigbox' (known partners: bigbox-retail, dropship-direct, harbor-home, northwind-health)",
    );
    try {
      registry.get('bigbox');
    } catch (error) {
      expect(error).toBeInstanceOf(PartnerError);
      expect((error as PartnerError).code).toBe('partner-unknown');
    }
  });

  it('keeps disabled partners, so that their files are recognised and refused', () => {
    const dir = partnersDir();
    const config = loadPartnerFile(writePartner(dir, 'acme.yaml', { ...x12Partner(), enabled: false }));
    const withDisabled = new PartnerRegistry([config]);
    expect(withDisabled.byInterchangeSender('ZZ', 'ACMESTORES')?.enabled).toBe(false);
  });

  it('indexes marketplace accounts by id only', () => {
    const shop = loadPartnerFile(writePartner(partnersDir(), 'shop.yaml', marketplacePartner('shop')));
    const mixed = new PartnerRegistry([...registry.all(), shop]);
    expect(mixed.byId('shop')?.kind).toBe('marketplace');
    expect(mixed.all()).toHaveLength(5);
  });

  it('refuses configs built in code that share an id or a sender', () => {
    const dir = partnersDir();
    const acme = loadPartnerFile(writePartner(dir, 'acme.yaml', x12Partner('acme')));
    const twin = loadPartnerFile(writePartner(dir, 'acme-twin.yaml', x12Partner('acme-twin')));
    expect(invalid(() => new PartnerRegistry([acme, acme])).message).toBe(
      "partner acme: /id 'acme' is also the id of the partner in partner acme",
    );
    expect(invalid(() => new PartnerRegistry([acme, twin])).message).toBe(
      'partner acme-twin: /identity/theirs ZZ/ACMESTORES is also the ISA sender of acme (partner acme): the gateway could not tell their files apart',
    );
  });

  it('loads a folder directly', () => {
    expect(PartnerRegistry.fromDirectory('partners').byId('bigbox-retail')?.kind).toBe('x12');
  });
});
