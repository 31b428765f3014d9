import { describe, expect, it } from 'vitest';
import type { Party } from '../../../src/canonical/index.js';
import { shipToAddress } from '../../../src/core/rules/ship-to-address.js';
import { context, order } from './core-fixtures.js';

const store: Party = {
  role: 'ship_to',
  name: 'Store 12',
  addressLines: ['1 Main St'],
  city: 'Solon',
  state: 'OH',
  postalCode: '44139',
};

function check(shipTo: Party | undefined) {
  const buyer: Party = { role: 'buyer', name: 'Acme' };
  return shipToAddress.check(order({ parties: shipTo ? [buyer, shipTo] : [buyer] }), context());
}

describe('ship-to-address', () => {
  it('accepts a complete US address with a 5-digit, ZIP+4 or 9-digit ZIP', () => {
    expect(check(store)).toEqual([]);
    expect(check({ ...store, postalCode: '44139-1234' })).toEqual([]);
    expect(check({ ...store, postalCode: '441391234', country: 'US' })).toEqual([]);
  });

  it('holds an order without a ship-to party', () => {
    const findings = check(undefined);
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'ship-to-address', severity: 'hold' })]);
    expect(findings[0]?.lineNumber).toBeUndefined();
    expect(findings[0]?.message).toContain('has no ship-to party');
  });

  it('names every missing part of a US address', () => {
    const { addressLines: _a, city: _c, ...noStreet } = store;
    expect(check(noStreet)[0]?.data).toEqual({ missing: 'address line, city' });
    const { state: _s, postalCode: _p, ...noState } = store;
    expect(check(noState)[0]?.data).toEqual({ missing: 'state, ZIP code' });
    expect(check({ ...store, addressLines: ['  '] })[0]?.data).toEqual({ missing: 'address line' });
  });

  it('holds a malformed US ZIP', () => {
    for (const zip of ['4413', '441390', 'K1A 0B1', '44139-12']) {
      const findings = check({ ...store, postalCode: zip, country: 'USA' });
      expect(findings, zip).toHaveLength(1);
      expect(findings[0]?.data).toEqual({ postalCode: zip });
    }
  });

  it('does not apply US ZIP and state rules to a foreign address', () => {
    const { state: _, ...noState } = store;
    expect(check({ ...noState, postalCode: 'K1A 0B1', country: 'CA' })).toEqual([]);
    // A foreign address still needs its street and city.
    expect(check({ ...noState, city: undefined, country: 'CA' })[0]?.data).toEqual({ missing: 'city' });
  });

  it('checks nothing on a cancellation', () => {
    expect(shipToAddress.check(order({ parties: [], purpose: 'cancellation' }), context())).toEqual([]);
  });
});
