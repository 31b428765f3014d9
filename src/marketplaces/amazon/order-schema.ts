/**
 * What the gateway reads of an Amazon SP-API order (Orders API v0): the `Order` of `getOrder` (or
 * one element of `getOrders`' `Orders`) and the `OrderItem`s of `getOrderItems`, which the
 * connector stores together as `{ "order": Order, "items": OrderItem[] }`, each bare or still in
 * its `payload` wrapper. Money is `{ CurrencyCode, Amount }` with a decimal string.
 */

const nullableText = { type: ['string', 'null'] } as const;
const money = {
  type: 'object',
  required: ['CurrencyCode', 'Amount'],
  properties: {
    CurrencyCode: { type: 'string', pattern: '^[A-Z]{3}$' },
    Amount: { type: 'string', pattern: '^-?\\d+(\\.\\d+)?$' },
  },
} as const;
const dateTime = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}' } as const;

export const AMAZON_ORDER_SCHEMA = {
  $id: 'amazon-order',
  type: 'object',
  required: ['AmazonOrderId', 'PurchaseDate', 'OrderStatus'],
  properties: {
    AmazonOrderId: { type: 'string', pattern: '^\\d{3}-\\d{7}-\\d{7}$' },
    PurchaseDate: dateTime,
    LastUpdateDate: dateTime,
    OrderStatus: { type: 'string' },
    OrderType: nullableText,
    MarketplaceId: nullableText,
    FulfillmentChannel: nullableText,
    ShipmentServiceLevelCategory: nullableText,
    EarliestShipDate: dateTime,
    LatestShipDate: dateTime,
    EarliestDeliveryDate: dateTime,
    LatestDeliveryDate: dateTime,
    IsPrime: { type: 'boolean' },
    OrderTotal: money,
    ShippingAddress: {
      type: 'object',
      properties: {
        Name: nullableText,
        AddressLine1: nullableText,
        AddressLine2: nullableText,
        AddressLine3: nullableText,
        City: nullableText,
        StateOrRegion: nullableText,
        PostalCode: nullableText,
        CountryCode: nullableText,
        Phone: nullableText,
      },
    },
    BuyerInfo: {
      type: 'object',
      properties: {
        BuyerEmail: nullableText,
        BuyerName: nullableText,
        PurchaseOrderNumber: nullableText,
      },
    },
  },
} as const;

export const AMAZON_ORDER_ITEM_SCHEMA = {
  $id: 'amazon-order-item',
  type: 'object',
  required: ['ASIN', 'OrderItemId', 'QuantityOrdered'],
  properties: {
    ASIN: { type: 'string', minLength: 1 },
    SellerSKU: nullableText,
    OrderItemId: { type: 'string', minLength: 1 },
    Title: nullableText,
    QuantityOrdered: { type: 'integer', minimum: 0 },
    ItemPrice: money,
    ItemTax: money,
    ShippingPrice: money,
    ShippingTax: money,
    ShippingDiscount: money,
    PromotionDiscount: money,
    PromotionIds: { type: 'array', items: { type: 'string' } },
    BuyerInfo: {
      type: 'object',
      properties: { GiftMessageText: nullableText },
    },
  },
} as const;

export interface AmazonMoney {
  CurrencyCode: string;
  Amount: string;
}

/** An SP-API `Order` as {@link AMAZON_ORDER_SCHEMA} admits it. */
export interface AmazonOrder {
  AmazonOrderId: string;
  PurchaseDate: string;
  LastUpdateDate?: string;
  OrderStatus: string;
  OrderType?: string | null;
  MarketplaceId?: string | null;
  FulfillmentChannel?: string | null;
  ShipmentServiceLevelCategory?: string | null;
  EarliestShipDate?: string;
  LatestShipDate?: string;
  EarliestDeliveryDate?: string;
  LatestDeliveryDate?: string;
  IsPrime?: boolean;
  OrderTotal?: AmazonMoney;
  ShippingAddress?: {
    Name?: string | null;
    AddressLine1?: string | null;
    AddressLine2?: string | null;
    AddressLine3?: string | null;
    City?: string | null;
    StateOrRegion?: string | null;
    PostalCode?: string | null;
    CountryCode?: string | null;
    Phone?: string | null;
  };
  BuyerInfo?: { BuyerEmail?: string | null; BuyerName?: string | null; PurchaseOrderNumber?: string | null };
}

/** An SP-API `OrderItem` as {@link AMAZON_ORDER_ITEM_SCHEMA} admits it. */
export interface AmazonOrderItem {
  ASIN: string;
  SellerSKU?: string | null;
  OrderItemId: string;
  Title?: string | null;
  QuantityOrdered: number;
  ItemPrice?: AmazonMoney;
  ItemTax?: AmazonMoney;
  ShippingPrice?: AmazonMoney;
  ShippingTax?: AmazonMoney;
  ShippingDiscount?: AmazonMoney;
  PromotionDiscount?: AmazonMoney;
  PromotionIds?: string[];
  BuyerInfo?: { GiftMessageText?: string | null };
}
