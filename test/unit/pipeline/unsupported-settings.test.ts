import { describe, expect, it } from 'vitest';
import { refuseUnsupported } from '../../../src/cli/gateway-runtime.js';
import { loadPartners, PartnerRegistry } from '../../../src/partners/index.js';
import { unsupportedSettings } from '../../../src/pipeline/index.js';

const demo = () => loadPartners('partners');

describe('settings the gateway cannot carry out', () => {
  it('names the AS2 transport of northwind-health, and nothing of the SFTP and folder partners', () => {
    const found = demo().flatMap((partner) => unsupportedSettings(partner));
    expect(found).toEqual([
      {
        partnerId: 'northwind-health',
        pointer: '/transport/type',
        message: 'the as2 transport is not implemented yet; set enabled: false until it is',
      },
    ]);
  });

  it('lets serve start while the AS2 partner is disabled, and stops it naming the partner once enabled', () => {
    const partners = demo();
    expect(() => refuseUnsupported(new PartnerRegistry(partners))).not.toThrow();
    const enabled = partners.map((partner) =>
      partner.id === 'northwind-health' ? { ...partner, enabled: true } : partner,
    );
    expect(() => refuseUnsupported(new PartnerRegistry(enabled))).toThrow(
      'partner northwind-health: /transport/type the as2 transport is not implemented yet; set enabled: false until it is',
    );
  });
});
