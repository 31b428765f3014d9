import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CanonicalDocument } from '../../../src/canonical/index.js';
import { loadMapping, renderInterchange, translateX12, type Envelope } from '../../../src/mapping/index.js';
import { writeInterchange, type Delimiters, type SegmentValues } from '../../../src/x12/index.js';
import { content, MAPPINGS } from '../mapping-engine/round-trip.js';

/** What a generated purchase order holds; every field is what the canonical document must carry. */
interface Order {
  poNumber: string;
  orderDate: string;
  currency: string;
  shipTo: {
    name: string;
    id: string;
    addressLines: string[];
    city: string;
    state: string;
    postalCode: string;
    country: string;
  };
  lines: {
    quantity: string;
    uom: string;
    unitPrice: string;
    vendorPartNumber: string;
    buyerPartNumber: string | undefined;
    description: string | undefined;
  }[];
}

/** Text of X12's basic character set (letters, digits, space and some punctuation), no separator in it. */
const text = (min: number, max: number) =>
  fc
    .string({
      unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -.,/#&()'),
      minLength: min,
      maxLength: max,
    })
    .filter((s) => s.trim() === s && s.trim().length >= min);
const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
/** A decimal as the canonical model writes it: no leading zeros, no leading point. */
const decimal = (integerDigits: number, fractionDigits: number) =>
  fc
    .tuple(fc.integer({ min: 0, max: 10 ** integerDigits - 1 }), fc.option(digits(1, fractionDigits)))
    .map(([whole, fraction]) => (fraction === null ? String(whole) : `${whole}.${fraction}`));
const date = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const order: fc.Arbitrary<Order> = fc.record({
  poNumber: text(1, 22),
  orderDate: date,
  currency: fc.constantFrom('USD', 'CAD', 'EUR', 'GBP'),
  shipTo: fc.record({
    name: text(1, 60),
    id: text(2, 20),
    addressLines: fc.array(text(1, 55), { minLength: 1, maxLength: 2 }),
    city: text(2, 30),
    state: fc.constantFrom('IL', 'NY', 'CA', 'ON', 'TX'),
    postalCode: digits(5, 9),
    country: fc.constantFrom('US', 'CA', 'MX'),
  }),
  lines: fc.array(
    fc.record({
      quantity: decimal(6, 3).filter((q) => Number(q) > 0),
      uom: fc.constantFrom('EA', 'CA', 'BX', 'PK', 'DZ'),
      unitPrice: decimal(5, 2),
      vendorPartNumber: text(1, 48),
      buyerPartNumber: fc.option(text(1, 48), { nil: undefined }),
      description: fc.option(text(1, 80), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 6 },
  ),
});

/** Separators that never occur in the generated text, control characters included. */
const SEPARATORS = ['*', '|', '~', '>', ':', '^', '!', '`', '{', '}', '\u001c', '\u001d', '\u001e', '\u001f'];
const delimiters: fc.Arbitrary<Delimiters & { version: '00401' | '00501' }> = fc
  .tuple(
    fc.shuffledSubarray(SEPARATORS, { minLength: 4, maxLength: 4 }),
    fc.constantFrom('00401' as const, '00501' as const),
  )
  .map(([[element, component, segment, repetition], version]) => ({
    element: element as string,
    component: component as string,
    segment: segment as string,
    repetition: version === '00501' ? repetition : undefined,
    version,
  }));

/** The order as a partner would send it: an 850 in its own separators, as our writer writes X12. */
function purchaseOrderX12(o: Order, d: Delimiters & { version: '00401' | '00501' }): string {
  const gsVersion = d.version === '00501' ? '005010' : '004010';
  const st: SegmentValues = d.version === '00501' ? ['ST', '850', '0001', gsVersion] : ['ST', '850', '0001'];
  const segments: SegmentValues[] = [
    st,
    ['BEG', '00', 'SA', o.poNumber, '', o.orderDate.replaceAll('-', '')],
    ['CUR', 'BY', o.currency],
    ['N1', 'ST', o.shipTo.name, '92', o.shipTo.id],
    ['N3', ...o.shipTo.addressLines],
    ['N4', o.shipTo.city, o.shipTo.state, o.shipTo.postalCode, o.shipTo.country],
  ];
  o.lines.forEach((line, i) => {
    const ids = ['VP', line.vendorPartNumber, ...(line.buyerPartNumber ? ['BP', line.buyerPartNumber] : [])];
    segments.push(['PO1', String(i + 1), line.quantity, line.uom, line.unitPrice, '', ...ids]);
    if (line.description) segments.push(['PID', 'F', '', '', '', line.description]);
  });
  segments.push(['CTT', String(o.lines.length)]);
  return writeInterchange({
    delimiters: d,
    header: {
      sender: { qualifier: 'ZZ', id: 'BUYER' },
      receiver: { qualifier: 'ZZ', id: 'SUPPLIER' },
      date: '260102',
      time: '0304',
      version: d.version,
      controlNumber: 7,
      ackRequested: false,
      usage: 'P',
    },
    groups: [
      {
        functionalId: 'PO',
        applicationSender: 'BUYER',
        applicationReceiver: 'SUPPLIER',
        date: '20260102',
        time: '0304',
        controlNumber: 7,
        version: gsVersion,
        transactionSets: [segments],
      },
    ],
  });
}

/** What the canonical document must say about the order. */
function expected(o: Order) {
  return {
    type: 'purchase_order',
    poNumber: o.poNumber,
    orderDate: o.orderDate,
    currency: o.currency,
    parties: [
      {
        roleCode: 'ST',
        role: 'ship_to',
        name: o.shipTo.name,
        identifiers: [{ qualifier: '92', value: o.shipTo.id }],
        addressLines: o.shipTo.addressLines,
        city: o.shipTo.city,
        state: o.shipTo.state,
        postalCode: o.shipTo.postalCode,
        country: o.shipTo.country,
      },
    ],
    lines: o.lines.map((line, i): unknown =>
      expect.objectContaining({
        lineNumber: String(i + 1),
        quantity: line.quantity,
        uom: line.uom,
        unitPrice: line.unitPrice,
        ids: {
          vendorPartNumber: line.vendorPartNumber,
          ...(line.buyerPartNumber ? { buyerPartNumber: line.buyerPartNumber } : {}),
        },
        ...(line.description ? { description: line.description } : {}),
      }),
    ),
  };
}

function onlyDocument(x12: string): CanonicalDocument {
  const { documents, diagnostics, accepted } = translateX12(x12, { partnerId: 'buyer' });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(accepted).toBe(true);
  expect(documents).toHaveLength(1);
  return documents[0] as CanonicalDocument;
}

const ENVELOPE: Omit<Envelope, 'delimiters' | 'version' | 'interchangeVersion'> = {
  sender: { qualifier: 'ZZ', id: 'SUPPLIER', gsId: 'SUPPLIER' },
  receiver: { qualifier: 'ZZ', id: 'BUYER', gsId: 'BUYER' },
  usage: 'P',
  ackRequested: false,
  segmentNewline: false,
};

describe('a random valid 850 round-trips', () => {
  it('written in any separators, read and mapped to the canonical order it was made from, rendered and read back to the same content', () => {
    fc.assert(
      fc.property(order, delimiters, (o, d) => {
        const document = onlyDocument(purchaseOrderX12(o, d));
        expect(document).toMatchObject(expected(o));

        const v5 = d.version === '00501';
        const version = v5 ? '005010' : '004010';
        const again = renderInterchange(
          [document],
          loadMapping(MAPPINGS, `x12/${version}/850`),
          { ...ENVELOPE, delimiters: d, version, interchangeVersion: d.version },
          { interchange: 8, group: 8, transactionSet: 1 },
          new Date('2026-01-02T03:04:05Z'),
          'PO',
        );
        expect(content(onlyDocument(again))).toEqual(content(document));
      }),
      { numRuns: 200 },
    );
  });
});
