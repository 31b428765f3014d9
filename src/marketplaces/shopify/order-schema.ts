/**
 * The parts of a Shopify REST Admin order (`/admin/api/<version>/orders.json`, and the
 * `orders/create` and `orders/updated` webhooks) that the gateway reads. Anything else the order
 * holds is allowed and kept in the stored payload. Money is a decimal string, quantities are
 * integers, `id`s are integers (up to 2^53 in JSON numbers).
 */

const money = { type: 'string', pattern: '^-?\\d+(\\.\\d+)?$' } as const;
const nullableText = { type: ['string', 'null'] } as const;

const address = {
  type: ['object', 'null'],
  properties: {
    name: nullableText,
    first_name: nullableText,
    last_name: nullableText,
    company: nullableText,
    address1: nullableText,
    address2: nullableText,
    city: nullableText,
    province_code: nullableText,
    zip: nullableText,
    country_code: nullableText,
    phone: nullableText,
  },
} as const;

const taxLine = {
  type: 'object',
  required: ['price'],
  properties: {
    title: nullableText,
    price: money,
    rate: { type: 'number', minimum: 0 },
  },
} as const;

export const SHOPIFY_ORDER_SCHEMA = {
  $id: 'shopify-order',
  type: 'object',
  required: ['id', 'created_at', 'currency', 'line_items'],
  properties: {
    id: { type: 'integer', minimum: 1 },
    name: nullableText,
    order_number: { type: ['integer', 'null'] },
    email: nullableText,
    created_at: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}' },
    updated_at: { type: ['string', 'null'] },
    cancelled_at: { type: ['string', 'null'] },
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    note: nullableText,
    test: { type: ['boolean', 'null'] },
    total_price: money,
    total_line_items_price: money,
    total_tax: money,
    total_discounts: money,
    line_items: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['id', 'quantity', 'price'],
        properties: {
          id: { type: 'integer', minimum: 1 },
          quantity: { type: 'integer', minimum: 1 },
          price: money,
          sku: nullableText,
          title: nullableText,
          name: nullableText,
          variant_id: { type: ['integer', 'null'] },
          product_id: { type: ['integer', 'null'] },
          total_discount: money,
          tax_lines: { type: 'array', items: taxLine },
          properties: {
            type: ['array', 'null'],
            items: {
              type: 'object',
              // Apps store anything here, objects included.
              properties: { name: nullableText, value: {} },
            },
          },
        },
      },
    },
    tax_lines: { type: 'array', items: taxLine },
    shipping_lines: {
      type: 'array',
      items: {
        type: 'object',
        required: ['price'],
        properties: { title: nullableText, code: nullableText, price: money },
      },
    },
    discount_codes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['amount'],
        properties: { code: nullableText, amount: money, type: nullableText },
      },
    },
    shipping_address: address,
    billing_address: address,
    customer: {
      type: ['object', 'null'],
      properties: {
        id: { type: ['integer', 'null'] },
        email: nullableText,
        first_name: nullableText,
        last_name: nullableText,
      },
    },
  },
} as const;

type Address = {
  name?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  company?: string | null;
  address1?: string | null;
  address2?: string | null;
  city?: string | null;
  province_code?: string | null;
  zip?: string | null;
  country_code?: string | null;
  phone?: string | null;
} | null;

interface TaxLine {
  title?: string | null;
  price: string;
  rate?: number;
}

/** A Shopify order as {@link SHOPIFY_ORDER_SCHEMA} admits it. */
export interface ShopifyOrder {
  id: number;
  name?: string | null;
  order_number?: number | null;
  email?: string | null;
  created_at: string;
  updated_at?: string | null;
  cancelled_at?: string | null;
  currency: string;
  note?: string | null;
  test?: boolean | null;
  total_price?: string;
  total_line_items_price?: string;
  total_tax?: string;
  total_discounts?: string;
  line_items: {
    id: number;
    quantity: number;
    price: string;
    sku?: string | null;
    title?: string | null;
    name?: string | null;
    variant_id?: number | null;
    product_id?: number | null;
    total_discount?: string;
    tax_lines?: TaxLine[];
    properties?: { name?: string | null; value?: unknown }[] | null;
  }[];
  tax_lines?: TaxLine[];
  shipping_lines?: { title?: string | null; code?: string | null; price: string }[];
  discount_codes?: { code?: string | null; amount: string; type?: string | null }[];
  shipping_address?: Address;
  billing_address?: Address;
  customer?: {
    id?: number | null;
    email?: string | null;
    first_name?: string | null;
    last_name?: string | null;
  } | null;
}
