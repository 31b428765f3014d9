import type { OrderRule } from '../finding.js';
import { cancellationTarget } from './cancellation-target.js';
import { discontinuedSku } from './discontinued-sku.js';
import { duplicatePoNumber } from './duplicate-po-number.js';
import { minimumOrderQuantity } from './minimum-order-quantity.js';
import { orderCurrency } from './order-currency.js';
import { packSize } from './pack-size.js';
import { priceMismatch } from './price-mismatch.js';
import { requestedDeliveryDate } from './requested-delivery-date.js';
import { shipToAddress } from './ship-to-address.js';
import { unitOfMeasure } from './unit-of-measure.js';
import { unknownSku } from './unknown-sku.js';

/**
 * Every business rule the core applies, in the order their findings are listed. A new rule is a
 * new file and one line here.
 */
export const orderRules: readonly OrderRule[] = [
  cancellationTarget,
  duplicatePoNumber,
  orderCurrency,
  shipToAddress,
  requestedDeliveryDate,
  unknownSku,
  discontinuedSku,
  unitOfMeasure,
  packSize,
  minimumOrderQuantity,
  priceMismatch,
];
