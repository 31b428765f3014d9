import { describe, expect, it } from 'vitest';
import { loadPartnerFile } from '../../../src/partners/index.js';
import { partnersDir, problemLines, writePartner, x12Partner } from './partner-files.js';

const HOST_KEY = 'SHA256:O9RFlYTaGgn3BxhaSZ7QGFMraLLuBds+60BHE1MvdpE';

function problems(partner: Record<string, unknown>): string[] {
  const path = writePartner(partnersDir(), `${String(partner['id'])}.yaml`, partner);
  return problemLines(() => loadPartnerFile(path)).map((line) => line.slice(line.indexOf(' ') + 1));
}

describe('rules between fields', () => {
  it('keeps the 999 for 005010', () => {
    expect(problems({ ...x12Partner(), acknowledgements: { functional: '999' } })).toEqual([
      '/acknowledgements/functional is 999, which exists from 005010 on: a 004010 partner reads 997',
    ]);
  });

  it('wants documents listed, acknowledgements left to acknowledgements.functional, options and mappings for listed sets', () => {
    const partner = {
      ...x12Partner(),
      documents: { inbound: ['850'], outbound: ['855', '997'], options: { '856': { hierarchy: 'SOTPI' } } },
      mappings: { '810': { overrides: 'partners/acme/810.yaml' } },
    };
    expect(problems(partner)).toEqual([
      '/documents/outbound/1 is 997: the acknowledgements we send are set by acknowledgements.functional, not listed here',
      '/documents/options/856 is set, but 856 is not in documents.outbound',
      '/mappings/810 maps 810, which is not in documents.inbound or documents.outbound',
    ]);
    expect(problems({ ...x12Partner(), documents: {} })).toEqual([
      '/documents lists no transaction sets: put what they send us in inbound and what we send them in outbound',
    ]);
  });

  it('puts no SSCC-18 on an SOI ship notice', () => {
    const documents = {
      outbound: ['856'],
      options: { '856': { hierarchy: 'SOI', packageLabel: 'sscc-18' } },
    };
    expect(problems({ ...x12Partner(), documents })).toEqual([
      '/documents/options/856/packageLabel is sscc-18, but the SOI hierarchy has no pack level to carry a carton label',
    ]);
  });

  it('needs a way to sign in to an SFTP server, and a key for a passphrase', () => {
    const transport = {
      type: 'sftp',
      host: 'sftp.acme.example',
      username: 'supplier',
      passphrase: { env: 'ACME_KEY_PASSPHRASE' },
      hostKey: HOST_KEY,
      inbox: '/out',
      outbox: '/in',
    };
    expect(problems({ ...x12Partner(), transport })).toEqual([
      '/transport needs a password or a privateKey to sign in to the server',
      '/transport/passphrase unlocks a private key, but there is no privateKey',
    ]);
  });

  it('needs an address for asynchronous AS2 MDNs', () => {
    const transport = {
      type: 'as2',
      ourId: 'SUPPLIER',
      theirId: 'ACME',
      url: 'https://as2.acme.example/receive',
      ourCertificate: { file: 'certs/supplier.crt' },
      ourKey: { env: 'SUPPLIER_AS2_KEY' },
      theirCertificate: { file: 'certs/acme.crt' },
      mdn: 'async',
    };
    expect(problems({ ...x12Partner(), transport })).toEqual([
      '/transport/asyncMdnUrl is required when mdn is async: it is where the partner posts the MDN',
    ]);
  });

  it("needs the credentials of the marketplace's API", () => {
    const partner = {
      id: 'acme-amazon',
      name: 'Acme on Amazon',
      kind: 'marketplace',
      transport: {
        type: 'marketplace',
        platform: 'amazon',
        account: 'A2EUQ1WTGCTBG2',
        credentials: { clientId: { env: 'AMAZON_CLIENT_ID' } },
      },
    };
    expect(problems(partner)).toEqual([
      '/transport/marketplaceIds is required for amazon: getOrders asks for the orders of named marketplaces',
      '/transport/credentials/clientSecret is required for amazon: write clientSecret: { env: VARIABLE_NAME }',
      '/transport/credentials/refreshToken is required for amazon: write refreshToken: { env: VARIABLE_NAME }',
    ]);
  });

  it('takes marketplace ids and a token URL for amazon only, and a shop domain for shopify', () => {
    const partner = {
      id: 'acme-shop',
      name: 'Acme on Shopify',
      kind: 'marketplace',
      transport: {
        type: 'marketplace',
        platform: 'shopify',
        account: 'https://acme.myshopify.com/admin',
        credentials: { accessToken: { env: 'SHOPIFY_TOKEN' } },
        marketplaceIds: ['ATVPDKIKX0DER'],
        authUrl: 'https://api.amazon.com/auth/o2/token',
      },
    };
    expect(problems(partner)).toEqual([
      '/transport/account must be the shop domain, such as acme.myshopify.com',
      '/transport/marketplaceIds is only used for amazon',
      '/transport/authUrl is only used for amazon: shopify issues tokens on its API',
    ]);
  });

  it('needs the locations of a priority allocation', () => {
    expect(problems({ ...x12Partner(), business: { allocation: { strategy: 'priority' } } })).toEqual([
      '/business/allocation/locations is required when strategy is priority: list the locations in order of preference',
    ]);
  });

  it('still reports rule problems in sections the schema found sound', () => {
    const partner = {
      ...x12Partner(),
      x12: { version: '004010', usage: 'X' },
      business: { allocation: { strategy: 'priority' } },
    };
    expect(problems(partner)).toEqual([
      "/x12/usage must be one of P, T (got 'X')",
      '/business/allocation/locations is required when strategy is priority: list the locations in order of preference',
    ]);
  });
});
