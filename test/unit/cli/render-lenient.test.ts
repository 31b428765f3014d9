import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeScratch, runCli, type Scratch } from './run-cli.js';

let scratch: Scratch;

beforeAll(async () => {
  scratch = await makeScratch();
});

afterAll(async () => {
  await scratch.remove();
});

/** A copy of a JSON value without its empty lists, as a person would write it by hand. */
function withoutEmptyLists(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmptyLists);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => !(Array.isArray(v) && v.length === 0))
      .map(([k, v]) => [k, withoutEmptyLists(v)]),
  );
}

const render = (file: string, partner: string) => runCli('render', file, '--partner', partner);

describe('edi-gateway render: what a hand-written document may leave out', () => {
  it('takes a ship notice without its empty lists (tares, packs, items, notes) and renders the same 856', async () => {
    const full = JSON.parse(await readFile('fixtures/canonical/ship-notice.json', 'utf8')) as unknown;
    const file = await scratch.write('ship-notice-short.json', JSON.stringify(withoutEmptyLists(full)));
    const [expected, actual] = await Promise.all([
      render('fixtures/canonical/ship-notice.json', 'bigbox-retail'),
      render(file, 'bigbox-retail'),
    ]);
    expect(actual.errLines).toEqual([]);
    expect(actual.code).toBe(0);
    // The envelopes carry the time of rendering; the sets must be the same.
    const body = (x12: string) => x12.slice(x12.indexOf('ST*'), x12.indexOf('GE*'));
    expect(body(actual.stdout)).toBe(body(expected.stdout));
  });

  it('takes an 855 with only ackTypeCode, or only ackType, and derives the other through the partner tables', async () => {
    const full = JSON.parse(await readFile('fixtures/canonical/purchase-order-ack.json', 'utf8')) as Record<
      string,
      unknown
    >;
    const { ackType: _name, ...codeOnly } = full;
    const { ackTypeCode: _code, ...nameOnly } = full;
    const expected = await render('fixtures/canonical/purchase-order-ack.json', 'northwind-health');
    const body = (x12: string) => x12.slice(x12.indexOf('ST|'), x12.indexOf('GE|'));
    for (const [name, document] of [
      ['code-only.json', codeOnly],
      ['name-only.json', nameOnly],
    ] as const) {
      const run = await render(await scratch.write(name, JSON.stringify(document)), 'northwind-health');
      expect(run.errLines, name).toEqual([]);
      expect(body(run.stdout), name).toBe(body(expected.stdout));
    }
  });

  it('still names what cannot be derived: an 855 with neither the type nor its code', async () => {
    const full = JSON.parse(await readFile('fixtures/canonical/purchase-order-ack.json', 'utf8')) as Record<
      string,
      unknown
    >;
    const { ackType: _name, ackTypeCode: _code, ...neither } = full;
    const file = await scratch.write('neither.json', JSON.stringify(neither));
    const run = await render(file, 'northwind-health');
    expect(run.code).toBe(1);
    expect(run.errLines.join('\n')).toContain('/ackType: is required');
  });
});
