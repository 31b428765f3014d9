import { describe, expect, it } from 'vitest';
import { refuseUnsupported } from '../../../src/cli/gateway-runtime.js';
import { loadPartners, PartnerRegistry } from '../../../src/partners/index.js';
import { unsupportedSettings } from '../../../src/pipeline/index.js';

const demo = () => loadPartners('partners');

describe('settings the gateway cannot carry out', () => {
  it('names nothing of the demo partners, the AS2 one included', () => {
    expect(demo().flatMap((partner) => unsupportedSettings(partner))).toEqual([]);
    const enabled = demo().map((partner) => ({ ...partner, enabled: true }));
    expect(() => refuseUnsupported(new PartnerRegistry(enabled))).not.toThrow();
  });

  it('takes AS2 compression, which sent messages apply', () => {
    const compressing = demo().flatMap((partner) =>
      partner.kind === 'x12' && partner.transport.type === 'as2'
        ? [{ ...partner, enabled: true, transport: { ...partner.transport, compression: true } }]
        : [],
    );
    expect(compressing).toHaveLength(1);
    expect(compressing.flatMap((partner) => unsupportedSettings(partner))).toEqual([]);
    expect(() => refuseUnsupported(new PartnerRegistry(compressing))).not.toThrow();
  });
});
