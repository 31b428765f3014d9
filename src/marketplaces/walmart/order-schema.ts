/**
 * The parts of a Walmart Marketplace order (Orders API `GET /v3/orders`, one element of
 * `list.elements.order`, or `GET /v3/orders/{purchaseOrderId}` under `order`) that the gateway
 * reads. Money comes as JSON numbers, quantities as strings, dates as epoch numbers: milliseconds
 * in the API, seconds in some older payloads (read both, see `epochDate`).
 */

const nullableText = { type: ['string', 'null'] } as const;
const epoch = { type: ['number', 'string', 'null'] } as const;
const money = {
  type: 'object',
  required: ['currency', 'amount'],
  properties: {
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    amount: { type: 'number' },
  },
} as const;

export const WALMART_ORDER_SCHEMA = {
  $id: 'walmart-order',
  type: 'object',
  required: ['purchaseOrderId', 'orderDate', 'orderLines'],
  properties: {
    purchaseOrderId: { type: 'string', minLength: 1 },
    customerOrderId: nullableText,
    customerEmailId: nullableText,
    orderDate: { type: ['number', 'string'] },
    shippingInfo: {
      type: ['object', 'null'],
      properties: {
        phone: nullableText,
        estimatedDeliveryDate: epoch,
        estimatedShipDate: epoch,
        methodCode: nullableText,
        postalAddress: {
          type: ['object', 'null'],
          properties: {
            name: nullableText,
            address1: nullableText,
            address2: nullableText,
            city: nullableText,
            state: nullableText,
            postalCode: nullableText,
            country: nullableText,
          },
        },
      },
    },
    orderLines: {
      type: 'object',
      required: ['orderLine'],
      properties: {
        orderLine: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['lineNumber', 'item', 'charges', 'orderLineQuantity'],
            properties: {
              lineNumber: { type: 'string', minLength: 1 },
              item: {
                type: 'object',
                properties: { productName: nullableText, sku: nullableText },
              },
              charges: {
                type: 'object',
                required: ['charge'],
                properties: {
                  charge: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['chargeType', 'chargeAmount'],
                      properties: {
                        chargeType: { type: 'string' },
                        chargeName: nullableText,
                        chargeAmount: money,
                        tax: {
                          type: ['object', 'null'],
                          properties: { taxName: nullableText, taxAmount: money },
                        },
                      },
                    },
                  },
                },
              },
              orderLineQuantity: {
                type: 'object',
                required: ['amount'],
                properties: {
                  unitOfMeasurement: nullableText,
                  amount: { type: 'string', pattern: '^\\d+(\\.\\d+)?$' },
                },
              },
              orderLineStatuses: {
                type: ['object', 'null'],
                properties: {
                  orderLineStatus: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        status: { type: 'string' },
                        statusQuantity: {
                          type: ['object', 'null'],
                          properties: { amount: { type: 'string', pattern: '^\\d+(\\.\\d+)?$' } },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
} as const;

interface WalmartMoney {
  currency: string;
  amount: number;
}

/** A Walmart order as {@link WALMART_ORDER_SCHEMA} admits it. */
export interface WalmartOrder {
  purchaseOrderId: string;
  customerOrderId?: string | null;
  customerEmailId?: string | null;
  orderDate: number | string;
  shippingInfo?: {
    phone?: string | null;
    estimatedDeliveryDate?: number | string | null;
    estimatedShipDate?: number | string | null;
    methodCode?: string | null;
    postalAddress?: {
      name?: string | null;
      address1?: string | null;
      address2?: string | null;
      city?: string | null;
      state?: string | null;
      postalCode?: string | null;
      country?: string | null;
    } | null;
  } | null;
  orderLines: {
    orderLine: {
      lineNumber: string;
      item: { productName?: string | null; sku?: string | null };
      charges: {
        charge: {
          chargeType: string;
          chargeName?: string | null;
          chargeAmount: WalmartMoney;
          tax?: { taxName?: string | null; taxAmount?: WalmartMoney } | null;
        }[];
      };
      orderLineQuantity: { unitOfMeasurement?: string | null; amount: string };
      orderLineStatuses?: {
        orderLineStatus?: { status?: string; statusQuantity?: { amount?: string } | null }[];
      } | null;
    }[];
  };
}
